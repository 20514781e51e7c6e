package io.github.entitymigrations.dialect;

import java.util.Set;

/**
 * Identifiers and literals as PostgreSQL reads them. Every name that goes into PostgreSQL SQL passes
 * through {@link #identifier}, every string value through {@link #literal}: nothing is concatenated raw.
 */
final class PostgresIdentifiers {

    /**
     * Keywords an identifier must not be written bare as: the reserved ({@code R}), type/function-name
     * ({@code T}) and column-name ({@code C}) categories of {@code pg_get_keywords()} on PostgreSQL 15,
     * plus those later versions added (up to 18: {@code system_user}, the {@code json_*} functions,
     * {@code merge_action}, {@code graph_table}). That is exactly the set {@code quote_ident()} quotes;
     * {@code C} words are legal column names in most places, but not as type or function names and not
     * everywhere in expressions, and quoting one names the very same column.
     */
    static final Set<String> KEYWORDS = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check",
            "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
            "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct",
            "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign",
            "freeze", "from", "full", "grant", "graph_table", "greatest", "group", "grouping", "having", "ilike",
            "in", "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull",
            "join", "json", "json_array", "json_arrayagg", "json_exists", "json_object", "json_objectagg",
            "json_query", "json_scalar", "json_serialize", "json_table", "json_value", "lateral", "leading",
            "least", "left", "like", "limit", "localtime", "localtimestamp", "merge_action", "national",
            "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric", "offset", "on",
            "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position", "precision",
            "primary", "real", "references", "returning", "right", "row", "select", "session_user", "setof",
            "similar", "smallint", "some", "substring", "symmetric", "system_user", "table", "tablesample",
            "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user",
            "using", "values", "varchar", "variadic", "verbose", "when", "where", "window", "with",
            "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse",
            "xmlpi", "xmlroot", "xmlserialize", "xmltable");

    private PostgresIdentifiers() {
    }

    /**
     * {@code name} as PostgreSQL must read it. Unquoted names are folded to lower case, as PostgreSQL
     * folds them (only ASCII letters, as PostgreSQL does), and written bare unless they are keywords or
     * hold anything but {@code [a-z0-9_$]} or start with a digit or {@code $}; quoted names keep their
     * case and are always quoted. Embedded double quotes are doubled.
     */
    static String identifier(String name, boolean quoted) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an identifier must not be empty");
        }
        if (quoted) {
            return quote(name);
        }
        String folded = stored(name, false);
        return isBare(folded) ? folded : quote(folded);
    }

    /** The name as PostgreSQL stores it in its catalogs. */
    static String stored(String name, boolean quoted) {
        if (quoted) {
            return name;
        }
        StringBuilder folded = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }


    private static boolean isBare(String folded) {
        char first = folded.charAt(0);
        if (!(first >= 'a' && first <= 'z' || first == '_')) {
            return false;
        }
        for (int i = 1; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '$')) {
                return false;
            }
        }
        return !KEYWORDS.contains(folded);
    }

    private static String quote(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an identifier cannot contain a NUL character: " + name);
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
