package io.github.entitymigrations.schema;

import io.github.entitymigrations.schema.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at the semicolons that end them, as the database itself would: not inside
 * quotes, comments or dollar-quoted bodies ({@link SqlLexer}), not inside parentheses (as psql), not inside an
 * SQLite {@code create trigger ... begin ...; ...; end} nor a PostgreSQL {@code begin atomic ...; end} function
 * body nor a MariaDB/MySQL stored program or {@code begin not atomic} block ({@link MySqlCompound}) (a {@code case ... end} inside them is no end of the body). Empty statements (a trailing semicolon,
 * only comments) are left out.
 */
public final class SqlStatements {

    private SqlStatements() {
    }

    public static List<SqlStatement> split(String text, SqlSyntax syntax) {
        List<SqlStatement> statements = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        Body body = new Body(syntax);
        for (SqlToken t : SqlLexer.tokens(text, syntax)) {
            if (t.kind() == Kind.COMMENT) {
                continue;
            }
            if (t.kind() == Kind.SEMICOLON && body.endsStatement(current)) {
                add(statements, text, current);
                current = new ArrayList<>();
                body = new Body(syntax);
                continue;
            }
            body.see(t, current);
            current.add(t);
        }
        add(statements, text, current);
        return statements;
    }

    private static void add(List<SqlStatement> statements, String text, List<SqlToken> tokens) {
        if (!tokens.isEmpty()) {
            String statement = text.substring(tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
            statements.add(new SqlStatement(statement, tokens));
        }
    }

    /** What a semicolon means so far in one statement: its parentheses and its trigger or function body. */
    private static final class Body {

        private final SqlSyntax syntax;
        private int parentheses;
        private boolean inAtomic;
        private MySqlCompound compound;

        Body(SqlSyntax syntax) {
            this.syntax = syntax;
        }

        void see(SqlToken t, List<SqlToken> before) {
            if (syntax == SqlSyntax.MYSQL) {
                if (compound == null && before.size() < 12 && MySqlCompound.isCompound(with(before, t))) {
                    compound = new MySqlCompound();
                    for (int i = 0; i < before.size(); i++) {
                        compound.see(before.get(i), before.subList(0, i));
                    }
                }
                if (compound != null) {
                    compound.see(t, before);
                }
            }
            if (t.kind() == Kind.OPEN) {
                parentheses++;
            } else if (t.kind() == Kind.CLOSE) {
                parentheses = Math.max(0, parentheses - 1);
            } else if (syntax == SqlSyntax.POSTGRESQL && t.is("atomic") && last(before, 1, "begin")) {
                inAtomic = true;
            } else if (inAtomic && t.is("end") && (lastKind(before, Kind.SEMICOLON) || last(before, 1, "atomic"))) {
                inAtomic = false;
            }
        }

        boolean endsStatement(List<SqlToken> before) {
            if (parentheses > 0 || inAtomic || (compound != null && !compound.outside())) {
                return false;
            }
            // SQLite's own rule (sqlite3_complete): a trigger ends only at "; END ;", so CASE ... END is no end.
            return !isSqliteTrigger(before) || (before.size() >= 2 && last(before, 1, "end")
                    && before.get(before.size() - 2).kind() == Kind.SEMICOLON);
        }

        private boolean isSqliteTrigger(List<SqlToken> tokens) {
            if (syntax != SqlSyntax.SQLITE || tokens.isEmpty() || !tokens.get(0).is("create")) {
                return false;
            }
            int i = 1;
            if (i < tokens.size() && (tokens.get(i).is("temp") || tokens.get(i).is("temporary"))) {
                i++;
            }
            return i < tokens.size() && tokens.get(i).is("trigger");
        }

        private static List<SqlToken> with(List<SqlToken> before, SqlToken t) {
            List<SqlToken> all = new ArrayList<>(before);
            all.add(t);
            return all;
        }

        private static boolean last(List<SqlToken> tokens, int back, String word) {
            return tokens.size() >= back && tokens.get(tokens.size() - back).is(word);
        }

        private static boolean lastKind(List<SqlToken> tokens, Kind kind) {
            return !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == kind;
        }
    }
}
