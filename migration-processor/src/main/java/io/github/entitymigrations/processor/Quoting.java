package io.github.entitymigrations.processor;

import java.util.Locale;
import java.util.Set;

/**
 * Hibernate's identifier quoting settings, applied to a logical name before the physical naming strategy, as
 * Hibernate's {@code IdentifierHelper.normalizeQuoting} does: a name the mapping already quotes stays quoted;
 * otherwise {@code hibernate.globally_quoted_identifiers} quotes every name, and {@code hibernate.auto_quote_keyword}
 * quotes a name that is one of {@link #KEYWORDS} (compared case-insensitively). A quoted name keeps its case.
 *
 * @param global                   {@code hibernate.globally_quoted_identifiers}
 * @param skipColumnDefinitions    {@code hibernate.globally_quoted_identifiers_skip_column_definitions}
 * @param keywords                 {@code hibernate.auto_quote_keyword}
 */
record Quoting(boolean global, boolean skipColumnDefinitions, boolean keywords) {

    static final Quoting NONE = new Quoting(false, false, false);

    /**
     * The keywords Hibernate's auto-quoting looks for when the application runs on PostgreSQL. Hibernate takes
     * them from its dialect: the ANSI SQL:2003 reserved words ({@code AnsiSqlKeywords}, the same list in 6.6 and
     * 7.x, misspelled {@code session_use} included), plus what the JDBC driver's {@code getSQLKeywords()} reports
     * when the dialect is built from a connection, as an application's is. The PostgreSQL driver reports every
     * PostgreSQL keyword (reserved or not) that is not an SQL:2003 keyword; these are PostgreSQL 15's. SQLite's
     * driver reports other words, but SQLite matches names case-insensitively whether quoted or not, so only the
     * PostgreSQL list changes which table or column a name means, and the snapshot (one for both databases)
     * follows it.
     */
    static final Set<String> KEYWORDS = Set.of(
            "add", "all", "allocate", "alter", "and", "any", "are", "array", "as", "asensitive", "asymmetric", "at",
            "atomic", "authorization", "begin", "between", "bigint", "blob", "binary", "both", "by", "call",
            "called", "cascaded", "case", "cast", "char", "character", "check", "clob", "close", "collate",
            "column", "commit", "condition", "connect", "constraint", "continue", "corresponding", "create",
            "cross", "cube", "current", "current_date", "current_path", "current_role", "current_time",
            "current_timestamp", "current_user", "cursor", "cycle", "date", "day", "deallocate", "dec", "decimal",
            "declare", "default", "delete", "deref", "describe", "deterministic", "disconnect", "distinct", "do",
            "double", "drop", "dynamic", "each", "element", "else", "elsif", "end", "escape", "except", "exec",
            "execute", "exists", "exit", "external", "false", "fetch", "filter", "float", "for", "foreign", "free",
            "from", "full", "function", "get", "global", "grant", "group", "grouping", "handler", "having", "hold",
            "hour", "identity", "if", "immediate", "in", "indicator", "inner", "inout", "input", "insensitive",
            "insert", "int", "integer", "intersect", "interval", "into", "is", "iterate", "join", "language",
            "large", "lateral", "leading", "leave", "left", "like", "local", "localtime", "localtimestamp", "loop",
            "match", "member", "merge", "method", "minute", "modifies", "module", "month", "multiset", "national",
            "natural", "nchar", "nclob", "new", "no", "none", "not", "null", "numeric", "of", "old", "on", "only",
            "open", "or", "order", "out", "outer", "output", "over", "overlaps", "parameter", "partition",
            "precision", "prepare", "primary", "procedure", "range", "reads", "real", "recursive", "ref",
            "references", "referencing", "release", "repeat", "resignal", "result", "return", "returns", "revoke",
            "right", "rollback", "rollup", "row", "rows", "savepoint", "scroll", "search", "second", "select",
            "sensitive", "session_use", "set", "signal", "similar", "smallint", "some", "specific", "specifictype",
            "sql", "sqlexception", "sqlstate", "sqlwarning", "start", "static", "submultiset", "symmetric",
            "system", "system_user", "table", "tablesample", "then", "time", "timestamp", "timezone_hour",
            "timezone_minute", "to", "trailing", "translation", "treat", "trigger", "true", "undo", "union",
            "unique", "unknown", "unnest", "until", "update", "user", "using", "value", "values", "varchar",
            "varying", "when", "whenever", "where", "while", "window", "with", "within", "without", "year",
            // PostgreSQL's, as its JDBC driver reports them
            "abort", "access", "aggregate", "also", "analyse", "analyze", "attach", "backward", "bit", "cache",
            "checkpoint", "class", "cluster", "columns", "comment", "comments", "compression", "concurrently",
            "configuration", "conflict", "connection", "content", "conversion", "copy", "cost", "csv",
            "current_catalog", "current_schema", "database", "delimiter", "delimiters", "depends", "detach",
            "dictionary", "disable", "discard", "document", "enable", "encoding", "encrypted", "enum", "event",
            "exclusive", "explain", "expression", "extension", "family", "finalize", "force", "forward", "freeze",
            "functions", "generated", "greatest", "groups", "header", "ilike", "immutable", "implicit", "import",
            "include", "index", "indexes", "inherit", "inherits", "inline", "instead", "isnull", "label",
            "leakproof", "least", "limit", "listen", "load", "location", "lock", "locked", "logged", "mapping",
            "materialized", "mode", "move", "nfc", "nfd", "nfkc", "nfkd", "nothing", "notify", "notnull", "nowait",
            "off", "offset", "oids", "operator", "owned", "owner", "parallel", "parser", "passing", "password",
            "plans", "policy", "prepared", "procedural", "procedures", "program", "publication", "quote",
            "reassign", "recheck", "refresh", "reindex", "rename", "replace", "replica", "reset", "restrict",
            "returning", "routines", "rule", "schemas", "sequences", "server", "setof", "share", "show", "skip",
            "snapshot", "stable", "standalone", "statistics", "stdin", "stdout", "storage", "stored", "strict",
            "strip", "subscription", "support", "sysid", "tables", "tablespace", "temp", "template", "text",
            "truncate", "trusted", "types", "unencrypted", "unlisten", "unlogged", "vacuum", "valid", "validate",
            "validator", "variadic", "verbose", "version", "views", "volatile", "whitespace", "wrapper", "xml",
            "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse",
            "xmlpi", "xmlroot", "xmlserialize", "xmltable", "yes");

    /** The name as Hibernate hands it to the physical naming strategy. */
    Ident apply(Ident logical) {
        if (logical == null || logical.quoted()) {
            return logical;
        }
        if (global || keywords && KEYWORDS.contains(logical.text().toLowerCase(Locale.ROOT))) {
            return new Ident(logical.text(), true);
        }
        return logical;
    }

    /**
     * A {@code columnDefinition} as Hibernate keeps it: trimmed, and with global quoting (unless column
     * definitions are skipped) in double quotes, as if it were a name.
     */
    String columnDefinition(String written) {
        String text = written.trim();
        return global && !skipColumnDefinitions ? '"' + text + '"' : text;
    }
}
