// check failed (invoker.buildResult = failure) with one message listing all three problems.
String log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
int start = lines.findIndexOf { it.startsWith('[ERROR]') && it.contains('The migration history is broken:') }
assert start >= 0 : 'expected "The migration history is broken:"'
// The problems are the "  - " lines right after the heading, before Maven's "-> [Help 1]".
def problems = lines.drop(start + 1).takeWhile { it.startsWith('[ERROR]   - ') }
assert problems.size() == 3 : "expected 3 problems, got:\n${problems.join('\n')}"
assert problems.any { it.contains('0003_truncated.json: cannot be read (at ') && it.contains(', line ') } : 'the unparsable file'
assert problems.any { it.contains('0004_frobnicate.json: unknown operation "frobnicate" (at upgrade[') && it.contains(', line 6') && it.contains('add_column') } :
        'the unknown operation, with the known ones'
assert problems.any { it.contains('0006_orphan.json follows migration 0005, which no file in') } : 'the missing parent'
return true
