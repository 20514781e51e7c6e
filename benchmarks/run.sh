#!/usr/bin/env bash
# One command for every benchmark: builds and installs Entity Migrations (tests skipped; the mvn-based
# runs use the installed plugin), then measures it beside Flyway, Liquibase, raw JDBC, plain javac and the
# sqlite3 shell, prints the tables and writes BENCHMARKS.md at the repository root.
#
#   bash benchmarks/run.sh [--runs N] [--quick] [--only apply,noop,processor,generate,rebuild,fleet,network] [--out FILE]
#                           [--fleet-schemas N] [--network-delay-us N]
#
# apply and noop are measured together (the no-op runs on the databases the apply runs migrated).
# processor runs plain javac, the no-op processor and ours at least 11 rounds, whatever --runs says (outside
# --quick): its effect is small next to how much one compilation's time swings.
#
# PostgreSQL: MIGRATION_TEST_PG_URL if set, else the server on 127.0.0.1:5432 (user postgres), else an
# embedded one. --quick takes one run of smaller sizes, to check the harness; its numbers are not for
# comparing. Needs Java 17+, Maven and the sqlite3 shell.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
for tool in java mvn sqlite3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "benchmarks: '$tool' is not installed (on Debian/Ubuntu: sudo apt-get install" \
             "openjdk-17-jdk-headless maven sqlite3)" >&2
        exit 1
    fi
done
echo "==> mvn install -DskipTests (Entity Migrations and the benchmark harness)" >&2
mvn -B -q -Dstyle.color=never -f "$root/pom.xml" install -DskipTests 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2
cd "$root"
exec java -Dbench.repository="$root" -cp "$root/benchmarks/target/classes:$root/benchmarks/target/lib/*" \
    io.github.entitymigrations.bench.Main "$@"
