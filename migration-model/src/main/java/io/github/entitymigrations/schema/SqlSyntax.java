package io.github.entitymigrations.schema;

/**
 * How a database reads SQL text, as far as splitting it into statements needs: which quotes and comments it
 * knows.
 */
public enum SqlSyntax {
    /** Nested block comments, dollar quoting ({@code $$...$$}, {@code $tag$...$tag$}), {@code E'...'} strings. */
    POSTGRESQL(true, true, true, false, false, false),
    /** Flat block comments; identifiers also in backticks and square brackets. */
    SQLITE(false, false, false, true, true, false),
    /**
     * MariaDB and MySQL (default SQL mode): identifiers in backticks, {@code "..."} a string like {@code '...'},
     * both with backslash escapes; {@code #} comments, and {@code --} a comment only before a space, tab or line
     * end ({@code 1--1} is arithmetic); flat block comments.
     */
    MYSQL(false, false, false, false, true, true);

    final boolean nestedComments;
    final boolean dollarQuotes;
    final boolean escapeStrings;
    final boolean bracketIdentifiers;
    final boolean backtickIdentifiers;
    /** {@code #} and {@code -- } comments, {@code "} strings and backslash escapes in strings, as MySQL reads them. */
    final boolean mysql;

    SqlSyntax(boolean nestedComments, boolean dollarQuotes, boolean escapeStrings, boolean bracketIdentifiers,
              boolean backtickIdentifiers, boolean mysql) {
        this.nestedComments = nestedComments;
        this.dollarQuotes = dollarQuotes;
        this.escapeStrings = escapeStrings;
        this.bracketIdentifiers = bracketIdentifiers;
        this.backtickIdentifiers = backtickIdentifiers;
        this.mysql = mysql;
    }
}
