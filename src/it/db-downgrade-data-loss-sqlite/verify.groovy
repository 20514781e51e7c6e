// The log: the refusal with what would be lost and how to proceed, then the warning of what was lost.
String log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
int refused = lines.findIndexOf { it.contains('Downgrading from 0002 to 0001 would destroy data:') }
assert refused >= 0 : log
assert lines[refused + 1].endsWith('  - 0002 drops table note, which has 2 row(s)')
assert lines[refused + 2].endsWith('  - 0002 drops column customer.phone, which holds 2 non-null value(s)')
assert lines[refused + 3].contains('Nothing was run. Back it up, or run again with -Dmigration.allowDataLoss=true to proceed.')
assert !lines.any { it.contains('Reverting 0002') && lines.indexOf(it) < refused }

int warned = lines.findIndexOf { it.startsWith('[WARNING] Downgrading from 0002 to 0001 destroys data (allowed by allowDataLoss):') }
assert warned > refused : log
assert lines[warned + 1].endsWith('  - 0002 drops table note, which has 2 row(s)')
assert lines[warned + 2].endsWith('  - 0002 drops column customer.phone, which holds 2 non-null value(s)')
assert lines.findIndexOf(warned) { it.startsWith('[INFO] Reverting 0002 phones and notes') } > warned

// 4. Nothing at stake: no warning, reverted as always.
int last = lines.findIndexOf { it == '[INFO] Downgrading from 0001 to base: 1 migration(s)' }
assert last > warned : log
assert lines.findLastIndexOf { it.startsWith('[WARNING] Downgrading') } == warned
return true
