#!/usr/bin/env bash
# The README's first command: build and install Entity Migrations into the local Maven repository,
# compile the example entities with the processor, and print the schema snapshot it wrote.
# Progress goes to stderr, the snapshot alone to stdout.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"

for tool in java mvn; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "quickstart: '$tool' is not installed; Entity Migrations needs Java 17+ and Maven 3.8.7+" \
             "(on Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless maven)" >&2
        exit 1
    fi
done

echo "==> mvn install (Entity Migrations, tests skipped)" >&2
mvn -B -q -f "$root/pom.xml" install -DskipTests >&2
echo "==> mvn compile (examples/quickstart)" >&2
mvn -B -q -f "$root/examples/quickstart/pom.xml" clean compile >&2
echo "==> examples/quickstart/target/classes/META-INF/entity-migrations/schema.json" >&2
cat "$root/examples/quickstart/target/classes/META-INF/entity-migrations/schema.json"
