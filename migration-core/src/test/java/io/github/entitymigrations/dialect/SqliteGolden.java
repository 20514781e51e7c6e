package io.github.entitymigrations.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the SQLite golden tests share: the dialect, the fixture's {@code users} table as SQL, a rebuild's statements. */
final class SqliteGolden {

    static final SqliteDialect SQLITE = new SqliteDialect();

    static final String USERS_COLUMNS = "id integer not null, birth_year integer, code varchar(20) not null, "
            + "manager_id bigint, name varchar(100), status varchar(10) default 'NEW' not null";
    static final String USERS_CONSTRAINTS = "constraint pk_users primary key (id), "
            + "constraint uk_users_code unique (code), "
            + "constraint ck_users_status check (status in ('NEW', 'DONE')), "
            + "constraint fk_users_manager_id foreign key (manager_id) references users (id)";
    static final String USERS_COPIED = "id, birth_year, code, manager_id, name, status";
    static final String USERS_INDEX = "create index ix_users_name on users (name)";

    static List<String> sql(Operation op, Schema before) {
        return SQLITE.render(op, before);
    }

    static void assertSql(List<String> actual, String... expected) {
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    /** The five steps of a move-and-copy rebuild of {@code table}, with the indexes re-created after them. */
    static String[] rebuild(String table, String definition, String columns, String values, String... indexes) {
        return guardedRebuild(table, definition, columns, values, List.of(), indexes);
    }

    /** A rebuild whose copy is guarded, for each of {@code guarded} ("column|allowed types|declared type"). */
    static String[] guardedRebuild(String table, String definition, String columns, String values,
                                   List<String> guarded, String... indexes) {
        List<String> statements = new ArrayList<>();
        statements.add("create table _em_new_" + table + " (" + definition + ")");
        statements.add("insert into _em_new_" + table + " (" + columns + ") select " + values + " from " + table);
        for (int i = 0; i < guarded.size(); i++) {
            String[] g = guarded.get(i).split("\\|");
            String rejected = "_em_rejected_" + table + "_" + i;
            statements.add("create temp table " + rejected + " (value)");
            statements.add("create temp trigger _em_convert_" + table + "_" + i + " before insert on " + rejected
                    + " begin select raise(abort, 'value ' || quote(new.value) || ' in " + table + "." + g[0]
                    + " cannot become " + g[2] + "'); end");
            statements.add("insert into temp." + rejected + " (value) select " + g[0] + " from _em_new_" + table
                    + " where typeof(" + g[0] + ") not in (" + g[1] + ") limit 1");
            statements.add("drop table temp." + rejected);
        }
        statements.add("drop table " + table);
        statements.add("alter table _em_new_" + table + " rename to " + table);
        statements.addAll(Arrays.asList(indexes));
        return statements.toArray(String[]::new);
    }

    private SqliteGolden() {
    }
}
