#!/usr/bin/env bash
# Compares, on real public applications' entity models, the schema Entity Migrations creates with the one
# Hibernate itself creates for the same classes: on PostgreSQL, SQLite and MariaDB, for each Hibernate version, in
# jpa naming (and spring naming for Spring Boot applications). See benchmarks/real-apps/README.md.
#
#   bash benchmarks/real-apps/run.sh [--skip-build] [app ...]        (apps: see apps.sh; default all)
#
# Per application and Hibernate version and naming mode:
#   1. javac compiles the application's entity sources (fetched at the pinned commit) with our processor
#      on the processor path -> the snapshot (target/classes/META-INF/entity-migrations/schema.json);
#   2. Hibernate boots over the compiled classes and creates its schema on a fresh database (PostgreSQL,
#      SQLite, MariaDB); the live schema is read back into one line per fact;
#   3. our engine generates the migration from the snapshot (migration:generate) and applies it to a fresh
#      database (migration:upgrade); read back the same way; the two are diffed;
#   4. on that database, drift (EntityMigrations.drift(), as migration:drift) must find no difference (and,
#      as a control, exactly one once an index is added by hand: "0/1"), and
#      lint of the migration from base (as migration:lint -Dfrom=base, offline) is counted per rule id: a first
#      migration only creates tables, so a locking or existing-rows finding is a false positive.
#
# Environment:
#   REALAPPS_GIT_URL      clone URL template, {repo} = owner/name, {owner}, {name}
#                         (default https://github.com/{repo}.git; a local mirror works too)
#   REALAPPS_HIBERNATE    Hibernate versions (default "6.6.49.Final 7.2.19.Final 7.4.13.Final")
#   REALAPPS_MAVEN_ARGS   extra mvn arguments, e.g. "-o -Dmaven.repo.local=..."
#   REALAPPS_JAVA_HOME    JDK for javac and the comparison JVMs (default: java on the PATH; some apps need 21+)
#   REALAPPS_WORK         work directory (default benchmarks/target/real-apps)
#   MIGRATION_TEST_PG_URL PostgreSQL server (default the local one, user postgres)
#   MIGRATION_TEST_MARIADB_URL  MariaDB server (default the local one, user root)
#   REALAPPS_PG_DATABASE  the database created (and dropped) on each server for each side (default realapps_cmp;
#                         give concurrent runs different ones)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
default_git_url="https://github.com/{repo}.git"
git_url="${REALAPPS_GIT_URL:-$default_git_url}"
versions="${REALAPPS_HIBERNATE:-6.6.49.Final 7.2.19.Final 7.4.13.Final}"
work="${REALAPPS_WORK:-$root/benchmarks/target/real-apps}"
read -r -a mvn_args <<< "${REALAPPS_MAVEN_ARGS:-}"
jdk_bin="${REALAPPS_JAVA_HOME:+$REALAPPS_JAVA_HOME/bin/}"
pg_db="${REALAPPS_PG_DATABASE:-realapps_cmp}"
boot_version=3.5.7
validator="org.hibernate.validator:hibernate-validator:8.0.2.Final org.glassfish.expressly:expressly:5.0.0"
drivers="org.postgresql:postgresql:42.7.14 org.xerial:sqlite-jdbc:3.54.1.0 org.mariadb.jdbc:mariadb-java-client:3.5.11"
# shellcheck source=apps.sh
source "$here/apps.sh"

build=1
apps=()
for arg in "$@"; do
    case "$arg" in
        --skip-build) build=0 ;;
        -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
        *) apps+=("$arg") ;;
    esac
done
[ ${#apps[@]} -gt 0 ] || read -r -a apps <<< "$APPS_ALL"
started=$(date +%s)
log() { echo "==> $*" >&2; }
mvn_q() { mvn -B -q -Dstyle.color=never "${mvn_args[@]}" "$@" 2>&1 | sed "s/\x1b\[[0-9;]*m//g" >&2; }

if [ $build = 1 ]; then
    log "mvn install -DskipTests (Entity Migrations and the comparison harness)"
    mvn_q -f "$root/pom.xml" install -DskipTests
fi
harness="$root/benchmarks/target/classes"
[ -d "$harness/io/github/entitymigrations/bench/realapps" ] || { echo "run without --skip-build first" >&2; exit 1; }
# The processor and its one run-time dependency, migration-model (a processor path is not resolved transitively).
processor="$(ls "$root"/benchmarks/target/javac/ours/migration-processor-*.jar):$(ls "$root"/benchmarks/target/javac/ours/migration-model-*.jar)"
mkdir -p "$work"

# A pom declaring the given dependencies, whose compile class path is written to $2/classpath.txt;
# $1 = bom: versions left out come from Spring Boot's BOM; $1 = plain: no BOM (Hibernate's own pom decides,
# so Hibernate 7 gets the JPA 3.2 API it needs).
resolve() {
    local bom="$1" dir="$2"; shift 2
    mkdir -p "$dir"
    {
        echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
        echo '<groupId>realapps</groupId><artifactId>classpath</artifactId><version>1</version>'
        if [ "$bom" = bom ]; then
            echo "<dependencyManagement><dependencies><dependency><groupId>org.springframework.boot</groupId>"
            echo "<artifactId>spring-boot-dependencies</artifactId><version>$boot_version</version><type>pom</type>"
            echo "<scope>import</scope></dependency></dependencies></dependencyManagement>"
        fi
        echo "<dependencies>"
        local dep g a v
        for dep in "$@"; do
            local only=""
            if [ "${dep%!}" != "$dep" ]; then
                dep="${dep%!}"
                only="<exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions>"
            fi
            IFS=: read -r g a v <<< "$dep"
            echo "<dependency><groupId>$g</groupId><artifactId>$a</artifactId>${v:+<version>$v</version>}$only</dependency>"
        done
        echo '</dependencies></project>'
    } > "$dir/pom.new"
    # Resolved before with the same dependencies: nothing to do.
    if [ -f "$dir/classpath.txt" ] && cmp -s "$dir/pom.new" "$dir/pom.xml"; then
        rm "$dir/pom.new"; return
    fi
    mv "$dir/pom.new" "$dir/pom.xml"; rm -f "$dir/classpath.txt"
    mvn_q -f "$dir/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
        -Dmdep.outputFile="$dir/classpath.txt" -Dmdep.includeScope=compile
}

# Hibernate's own class path per version: core, community dialects (SQLite), Bean Validation, drivers.
declare -A hibernate_cp
for v in $versions; do
    log "resolving Hibernate $v"
    resolve plain "$work/hibernate-$v" "org.hibernate.orm:hibernate-core:$v" "org.hibernate.orm:hibernate-community-dialects:$v" \
        $validator $drivers
    hibernate_cp[$v]="$(cat "$work/hibernate-$v/classpath.txt")"
done

# Fetches $REPO at $COMMIT into $1 (sparse: only ROOTS), restoring any file a previous run rewrote.
checkout() {
    local dir="$1" url="${git_url//\{repo\}/$REPO}"
    url="${url//\{owner\}/${REPO%%/*}}"; url="${url//\{name\}/${REPO#*/}}"
    if [ ! -d "$dir/.git" ]; then
        rm -rf "$dir"
        git clone -q --no-checkout --filter=blob:none "$url" "$dir" 2>/dev/null \
            || git clone -q --no-checkout "$url" "$dir"
    fi
    git -C "$dir" sparse-checkout set --no-cone $ROOTS
    git -C "$dir" checkout -q -f "$COMMIT"
    git -C "$dir" reset -q --hard "$COMMIT"
}

summary="$work/summary.tsv"
printf 'app\thibernate\tnaming\tentities\tdb\thibernate_tables\tour_tables\tonly_hibernate\tonly_ours\tsqlite_keys_hibernate_lacks\tdrift\tlint\tnote\n' > "$summary"
for app in "${apps[@]}"; do
    unset REPO COMMIT STYLE ROOTS ENTITIES EXCLUDE EXPLICIT DEPS JAVAX REWRITE NAMINGS RELEASE
    "app_$app"
    log "$app: $REPO @ ${COMMIT:0:12} ($STYLE)"
    src="$work/src/$app"
    checkout "$src"
    if [ "$JAVAX" = 1 ]; then
        # What a Spring Boot 3 migration does; Hibernate 6.6 and 7 read only jakarta.persistence.
        (cd "$src" && grep -rlE 'javax\.(persistence|validation)' $ROOTS --include='*.java' \
            | xargs -r sed -i -E 's/javax\.(persistence|validation)/jakarta.\1/g')
    fi
    if [ -n "${REWRITE:-}" ]; then
        (cd "$src" && find $ROOTS -name '*.java' -print0 | xargs -0 sed -i -E "$REWRITE")
    fi
    # Compiled on the class path, as the comparison runs: a module declaration in a source root would make javac
    # compile a named module and demand every module it requires (OpenMeetings).
    (cd "$src" && find $ROOTS -name module-info.java -delete)
    files="$work/$app/sources.txt"
    mkdir -p "$work/$app"
    (cd "$src" && grep -rlE '@(Entity|Embeddable|MappedSuperclass|Converter)\b' $ENTITIES --include='*.java' || true) \
        | sort | while read -r f; do
            keep=1
            for x in $EXCLUDE; do [ "$f" = "$x" ] && keep=0; done
            [ $keep = 1 ] && echo "$src/$f"
        done > "$files"
    # Sources javac would otherwise compile only implicitly, where no annotation processor (Lombok) runs on them.
    for f in ${EXPLICIT:-}; do echo "$src/$f"; done >> "$files"
    log "$app: $(wc -l < "$files") mapped sources${EXCLUDE:+ ($(echo $EXCLUDE | wc -w) excluded)}"
    resolve bom "$work/$app/deps" "org.projectlombok:lombok" $DEPS
    # The app's own libraries, without the JPA API, Hibernate and Bean Validation: those come with the version under test.
    app_cp="$(tr ':' '\n' < "$work/$app/deps/classpath.txt" \
        | grep -vE '/(org/hibernate/(orm|common|validator|hibernate-core)|jakarta/persistence|jakarta/validation|org/glassfish/expressly)/' | paste -sd: -)"
    lombok="$(tr ':' '\n' < "$work/$app/deps/classpath.txt" | grep '/org/projectlombok/lombok/' || true)"
    sourcepath="$(for r in $ROOTS; do printf '%s:' "$src/$r"; done)"
    processors="$processor${lombok:+:$lombok}"
    for v in $versions; do
        for naming in $NAMINGS; do
            out="$work/$app/$v/$naming"
            rm -rf "$out"; mkdir -p "$out/classes"
            note=""
            if ! "${jdk_bin}javac" -d "$out/classes" --release "$RELEASE" -encoding UTF-8 -nowarn -implicit:class \
                    -cp "${hibernate_cp[$v]}:$app_cp" -sourcepath "$sourcepath" \
                    -processorpath "$processors" -Amigration.naming="$naming" \
                    @"$files" > "$out/javac.log" 2>&1; then
                note="javac failed: $(grep -m1 -E 'error:' "$out/javac.log" | sed 's/.*error: //')"
                log "$app $v $naming: $note (see $out/javac.log)"
                printf '%s\t%s\t%s\t-\t-\t-\t-\t-\t-\t-\t-\t-\t%s\n' "$app" "$v" "$naming" "$note" >> "$summary"
                continue
            fi
            "${jdk_bin}java" -cp "$harness:$out/classes:${hibernate_cp[$v]}:$app_cp" \
                io.github.entitymigrations.bench.realapps.RealApps hibernate "$out/classes" "$naming" "$out" \
                "$pg_db" "$out/hibernate.db" > "$out/hibernate.log" 2>&1 \
                || log "$app $v $naming: the Hibernate side failed (see $out/hibernate.log)"
            entities="$(cat "$out/entities.txt" 2>/dev/null || echo '-')"
            "${jdk_bin}java" -cp "$harness:$root/benchmarks/target/lib/*" \
                io.github.entitymigrations.bench.realapps.RealApps ours \
                "$out/classes/META-INF/entity-migrations/schema.json" "$out" "$pg_db" "$out/ours.db" \
                2> "$out/ours.log" | while IFS=$'\t' read -r db ht ot oh oo fk drift lint; do
                    n=""
                    [ -f "$out/hibernate-$db.error" ] && n="Hibernate failed: $(grep -m1 . "$out/hibernate-$db.error" | cut -c1-160)"
                    [ -f "$out/ours-$db.error" ] && n="our upgrade failed: $(grep -m1 . "$out/ours-$db.error" | cut -c1-160)"
                    [ "$drift" = -1 ] && [ ! -f "$out/ours-$db.error" ] \
                        && n="${n:+$n; }drift failed: $(grep -m1 . "$out/drift-$db.error" | cut -c1-160)"
                    [ "$lint" = failed ] && n="${n:+$n; }lint failed: $(grep -m1 . "$out/lint-$db.error" | cut -c1-160)"
                    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$app" "$v" "$naming" "$entities" \
                        "$db" "$ht" "$ot" "$oh" "$oo" "$fk" "$drift" "$lint" "$n" >> "$summary"
                    log "$app $v $naming $db: $entities entities, tables $ht/$ot, differing lines $oh + $oo," \
                        "drift differences (then with a hand index) $drift, lint findings ${lint//,/ }"
                done || log "$app $v $naming: our side failed (see $out/ours.log)"
        done
    done
done

# The summary as a Markdown table.
{
    echo "| app | Hibernate | naming | entities | database | tables (Hibernate / ours) | differing lines (only Hibernate + only ours) | of ours: SQLite foreign and unique keys Hibernate's dialect never creates | drift differences on our database (then with a hand-added index) | lint findings from base, per rule | note |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    tail -n +2 "$summary" | while IFS=$'\t' read -r app v naming entities db ht ot oh oo fk drift lint note; do
        if [ "$oh" = "-" ] || [ "$oh" = "-1" ]; then diff="-"; else diff="$((oh + oo)) ($oh + $oo)"; fi
        [ "$drift" = -1 ] && drift="-"
        echo "| $app | $v | $naming | $entities | $db | $ht / $ot | $diff | $fk | $drift | ${lint//,/, } | $note |"
    done
} > "$work/summary.md"
cat "$work/summary.md"
echo
echo "Diffs: $work/<app>/<hibernate>/<naming>/diff-<database>.txt ($(( $(date +%s) - started )) s)"
