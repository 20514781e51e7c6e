package io.github.entitymigrations.reference;

import io.github.entitymigrations.schema.SqlStatement;
import io.github.entitymigrations.schema.SqlStatements;
import io.github.entitymigrations.schema.SqlSyntax;
import io.github.entitymigrations.schema.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A MariaDB/MySQL create script (Hibernate's, or ours) reduced to one line per fact, so two scripts that create the
 * same schema in different shapes (constraints inline or in {@code alter table}, indexes in {@code create table} or
 * after it) compare equal: tables and their engine, columns (type, NOT NULL, auto_increment, default), primary keys,
 * unique constraints and indexes (name and columns), foreign keys (name, columns, target, on delete), checks (by
 * condition: Hibernate writes them unnamed), sequences (MariaDB's, or MySQL's one-row tables with their start).
 * Names lose their backticks: whether a name needed them is proven by running the SQL.
 */
final class MySqlDdlFacts {

    private static final Set<String> COLUMN_ATTRIBUTES = Set.of("not", "null", "default", "auto_increment", "check",
            "primary", "unique", "comment", "generated", "references", "constraint");

    private final Set<String> facts = new TreeSet<>();

    private MySqlDdlFacts() {
    }

    static Set<String> of(String script) {
        MySqlDdlFacts f = new MySqlDdlFacts();
        for (SqlStatement s : SqlStatements.split(script, SqlSyntax.MYSQL)) {
            f.statement(qualifiedNamesMerged(s.tokens()));
        }
        return f.facts;
    }

    /** Hibernate's generated constraint and index names: a prefix and a base-35 hash. */
    private static final java.util.regex.Pattern GENERATED = java.util.regex.Pattern.compile(
            "(unique|index|foreign key) (\\S+) (FK|UK|IDX)[0-9a-zA-Z]{15,32}(: .*)");

    /**
     * Where Hibernate generated a name (for a constraint or index the mapping leaves unnamed), the name is no fact:
     * it becomes {@code *} on Hibernate's side, and on ours where our fact is otherwise the same (the processor
     * names them its own way, as the processor's reference test accepts).
     */
    static void matchGeneratedNames(Set<String> hibernate, Set<String> ours) {
        Set<String> wildcards = new TreeSet<>();
        for (java.util.Iterator<String> it = hibernate.iterator(); it.hasNext(); ) {
            java.util.regex.Matcher m = GENERATED.matcher(it.next());
            if (m.matches()) {
                it.remove();
                wildcards.add(m.group(1) + " " + m.group(2) + " *" + m.group(4));
            }
        }
        hibernate.addAll(wildcards);
        java.util.regex.Pattern named = java.util.regex.Pattern.compile(
                "(unique|index|foreign key) (\\S+) (\\S+)(: .*)");
        Set<String> renamed = new TreeSet<>();
        for (java.util.Iterator<String> it = ours.iterator(); it.hasNext(); ) {
            String fact = it.next();
            java.util.regex.Matcher m = named.matcher(fact);
            if (m.matches() && !hibernate.contains(fact)) {
                String wildcard = m.group(1) + " " + m.group(2) + " *" + m.group(4);
                if (wildcards.contains(wildcard)) {
                    it.remove();
                    renamed.add(wildcard);
                }
            }
        }
        ours.addAll(renamed);
    }

    /** {@code db . t} as one token {@code `db.t`}, so every name is one token. */
    private static List<SqlToken> qualifiedNamesMerged(List<SqlToken> tokens) {
        List<SqlToken> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken x = tokens.get(i);
            if (i + 2 < tokens.size() && isName(x) && tokens.get(i + 1).text().equals(".") && isName(tokens.get(i + 2))) {
                out.add(new SqlToken(SqlToken.Kind.IDENTIFIER, "`" + name(x) + "." + name(tokens.get(i + 2)) + "`",
                        x.start()));
                i += 2;
            } else {
                out.add(x);
            }
        }
        return out;
    }

    private static boolean isName(SqlToken t) {
        return t.kind() == SqlToken.Kind.WORD || t.kind() == SqlToken.Kind.IDENTIFIER;
    }

    private void statement(List<SqlToken> t) {
        String head = words(t, 0, Math.min(t.size(), 3));
        if (head.startsWith("create table")) {
            createTable(t);
        } else if (head.startsWith("alter table")) {
            int at = t.get(2).is("if") ? 4 : 2;
            String table = name(t.get(at));
            at++;
            if (!t.get(at).is("add")) {
                facts.add("unparsed: " + text(t, 0, t.size()));
                return;
            }
            element(table, t.subList(at + 1, t.size()));
        } else if (head.startsWith("create unique index") || head.startsWith("create index")) {
            boolean unique = t.get(1).is("unique");
            int at = unique ? 3 : 2;
            String index = name(t.get(at));
            String table = name(t.get(at + 2));
            facts.add((unique ? "unique " : "index ") + table + " " + index + ": "
                    + columns(t, at + 3));
        } else if (head.startsWith("create sequence")) {
            facts.add("sequence " + name(t.get(2)) + ": " + text(t, 3, t.size()));
        } else if (head.startsWith("insert into")) {
            // Hibernate 7.4 names the one column of a MySQL sequence table, 6.6 does not: the same row.
            int from = t.size() > 6 && t.get(3).kind() == SqlToken.Kind.OPEN && t.get(4).is("next_val")
                    && t.get(5).kind() == SqlToken.Kind.CLOSE ? 6 : 3;
            facts.add("sequence table " + name(t.get(2)) + ": " + text(t, from, t.size()));
        } else if (head.startsWith("create database") || head.startsWith("create schema")) {
            facts.add("database " + name(t.get(t.size() - 1)));
        } else {
            facts.add("unparsed: " + text(t, 0, t.size()));
        }
    }

    private void createTable(List<SqlToken> t) {
        int at = t.get(2).is("if") ? 5 : 2;
        String table = name(t.get(at));
        facts.add("table " + table);
        int open = at + 1;
        int close = closing(t, open);
        for (List<SqlToken> element : splitTopLevel(t.subList(open + 1, close))) {
            element(table, element);
        }
        String options = text(t, close + 1, t.size());
        facts.add("table " + table + " options: " + options);
    }

    /** One element of {@code create table (...)} or what {@code alter table ... add} adds. */
    private void element(String table, List<SqlToken> e) {
        int at = 0;
        String name = null;
        if (e.get(0).is("constraint")) {
            name = name(e.get(1));
            at = 2;
        }
        SqlToken first = e.get(at);
        if (first.is("primary")) {
            facts.add("primary key " + table + ": " + columns(e, at + 2));
        } else if (first.is("unique")) {
            int c = at + 1;
            if (e.get(c).is("index") || e.get(c).is("key")) {
                c++;
            }
            if (e.get(c).kind() != SqlToken.Kind.OPEN) {
                name = name(e.get(c));
                c++;
            }
            facts.add("unique " + table + " " + name + ": " + columns(e, c));
        } else if (first.is("index") || first.is("key")) {
            facts.add("index " + table + " " + name(e.get(at + 1)) + ": " + columns(e, at + 2));
        } else if (first.is("foreign")) {
            int open = at + 2;
            int close = closing(e, open);
            String target = name(e.get(close + 2));
            int targetOpen = close + 3;
            int targetClose = closing(e, targetOpen);
            facts.add("foreign key " + table + " " + name + ": " + columns(e, open) + " -> " + target + " "
                    + columns(e, targetOpen) + (targetClose + 1 < e.size() ? " " + text(e, targetClose + 1, e.size()) : ""));
        } else if (first.is("check")) {
            facts.add("check " + table + ": " + condition(e, at + 1));
        } else {
            column(table, e);
        }
    }

    private void column(String table, List<SqlToken> e) {
        String column = name(e.get(0));
        int i = 1;
        while (i < e.size() && !(e.get(i).kind() == SqlToken.Kind.WORD
                && COLUMN_ATTRIBUTES.contains(e.get(i).text().toLowerCase(Locale.ROOT)))) {
            i = e.get(i).kind() == SqlToken.Kind.OPEN ? closing(e, i) + 1 : i + 1;
        }
        StringBuilder fact = new StringBuilder("column " + table + "." + column + ": " + text(e, 1, i));
        while (i < e.size()) {
            SqlToken w = e.get(i);
            if (w.is("constraint")) {
                i += 2; // a column check's name: checks compare by condition
            } else if (w.is("check")) {
                facts.add("check " + table + ": " + condition(e, i + 1));
                i = closing(e, i + 1) + 1;
            } else if (w.is("default")) {
                fact.append(" default ").append(e.get(i + 1).kind() == SqlToken.Kind.OPEN
                        ? text(e, i + 1, closing(e, i + 1) + 1) : e.get(i + 1).text());
                i = e.get(i + 1).kind() == SqlToken.Kind.OPEN ? closing(e, i + 1) + 1 : i + 2;
            } else if (w.is("not") && i + 1 < e.size() && e.get(i + 1).is("null")) {
                fact.append(" not null");
                i += 2;
            } else if (w.is("null")) {
                i++; // explicitly nullable: as without
            } else if (w.is("comment") && i + 1 < e.size() && e.get(i + 1).text().equals("''")) {
                i += 2; // Hibernate 7 writes an empty comment on some columns: no comment
            } else {
                fact.append(' ').append(w.text().toLowerCase(Locale.ROOT));
                i++;
            }
        }
        facts.add(fact.toString());
    }

    /**
     * The condition inside the parentheses opening at {@code open}, spaced one way, without the extra parentheses
     * Hibernate 7 puts around a column's check.
     */
    private static String condition(List<SqlToken> e, int open) {
        int from = open + 1;
        int to = closing(e, open);
        while (e.get(from).kind() == SqlToken.Kind.OPEN && closing(e, from) == to - 1) {
            from++;
            to--;
        }
        return text(e, from, to).replaceAll("`", "");
    }

    /** {@code (a, b)} from the parentheses opening at {@code open}, names without backticks. */
    private static String columns(List<SqlToken> e, int open) {
        List<String> names = new ArrayList<>();
        for (SqlToken x : e.subList(open + 1, closing(e, open))) {
            if (x.kind() == SqlToken.Kind.WORD || x.kind() == SqlToken.Kind.IDENTIFIER) {
                names.add(name(x));
            }
        }
        return "(" + String.join(", ", names) + ")";
    }

    private static List<List<SqlToken>> splitTopLevel(List<SqlToken> tokens) {
        List<List<SqlToken>> parts = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        int depth = 0;
        for (SqlToken x : tokens) {
            if (x.kind() == SqlToken.Kind.OPEN) {
                depth++;
            } else if (x.kind() == SqlToken.Kind.CLOSE) {
                depth--;
            } else if (x.kind() == SqlToken.Kind.COMMA && depth == 0) {
                parts.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(x);
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    private static int closing(List<SqlToken> t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            if (t.get(i).kind() == SqlToken.Kind.OPEN) {
                depth++;
            } else if (t.get(i).kind() == SqlToken.Kind.CLOSE && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no closing parenthesis in " + text(t, 0, t.size()));
    }

    /** A name without its backticks ({@code db.t} stays qualified). */
    private static String name(SqlToken t) {
        String s = t.text();
        return t.kind() == SqlToken.Kind.IDENTIFIER ? s.substring(1, s.length() - 1).replace("``", "`") : s;
    }

    private static String words(List<SqlToken> t, int from, int to) {
        return text(t, from, to).toLowerCase(Locale.ROOT);
    }

    /** The tokens, one space apart except around parentheses and commas; keywords lower case. */
    static String text(List<SqlToken> t, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            SqlToken x = t.get(i);
            String text = x.kind() == SqlToken.Kind.WORD ? x.text().toLowerCase(Locale.ROOT) : x.text();
            if (s.length() > 0 && !(x.kind() == SqlToken.Kind.CLOSE || x.kind() == SqlToken.Kind.COMMA
                    || x.kind() == SqlToken.Kind.OPEN || t.get(i - 1).kind() == SqlToken.Kind.OPEN)) {
                s.append(' ');
            }
            s.append(text);
        }
        return s.toString().replace("( ", "(");
    }
}
