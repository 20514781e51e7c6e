#!/usr/bin/env bash
# The README's first command: build and install Entity Migrations into the local Maven repository, then,
# in a scratch copy of this example (target/quickstart, so the repository stays clean and every run
# starts fresh): compile the entities, print their schema snapshot, generate the first migration, print
# it, run migration:check, and upgrade the project's SQLite database (no server needed). Progress goes to
# stderr, the snapshot and the migration to stdout.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"

for tool in java mvn; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "quickstart: '$tool' is not installed; Entity Migrations needs Java 17+ and Maven 3.8.7+" \
             "(on Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless maven)" >&2
        exit 1
    fi
done

# Maven's output goes to stderr, without the colour codes some Maven builds print even in batch mode.
mvn_quiet() {
    mvn -B -Dstyle.color=never "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2
}

work="$root/target/quickstart"
echo "==> mvn install (Entity Migrations, tests skipped)" >&2
mvn_quiet -q -f "$root/pom.xml" install -DskipTests
rm -rf "$work" && mkdir -p "$work" && cp -r "$root/examples/quickstart/pom.xml" "$root/examples/quickstart/src" "$work"

echo "==> mvn compile (writes target/classes/META-INF/entity-migrations/schema.json)" >&2
mvn_quiet -q -f "$work/pom.xml" compile
cat "$work/target/classes/META-INF/entity-migrations/schema.json"

echo "==> mvn migration:generate -Dmessage=\"create library\"" >&2
mvn_quiet -q -f "$work/pom.xml" migration:generate -Dmessage="create library"
cat "$work"/src/main/resources/db/migrations/0001_create_library.json

echo "==> mvn verify (migration:check: the entities and the migrations agree)" >&2
mvn -B -Dstyle.color=never -f "$work/pom.xml" verify 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | grep -E "migration|agree|BUILD|ERROR" >&2

echo "==> mvn migration:upgrade (applies it to the embedded SQLite database entity-migrations.db)" >&2
mvn_quiet -f "$work/pom.xml" migration:upgrade migration:history
ls -l "$work/entity-migrations.db" >&2
echo "==> done: the project is in $work" >&2
