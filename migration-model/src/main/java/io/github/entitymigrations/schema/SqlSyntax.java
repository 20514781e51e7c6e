package io.github.entitymigrations.schema;

/**
 * How a database reads SQL text, as far as splitting it into statements needs: which quotes and comments it
 * knows. A new database (MariaDB, MySQL: backticks, {@code #} comments, backslash escapes) gets a constant here.
 */
public enum SqlSyntax {
    /** Nested block comments, dollar quoting ({@code $$...$$}, {@code $tag$...$tag$}), {@code E'...'} strings. */
    POSTGRESQL(true, true, true, false),
    /** Flat block comments; identifiers also in backticks and square brackets. */
    SQLITE(false, false, false, true);

    final boolean nestedComments;
    final boolean dollarQuotes;
    final boolean escapeStrings;
    final boolean bracketIdentifiers;

    SqlSyntax(boolean nestedComments, boolean dollarQuotes, boolean escapeStrings, boolean bracketIdentifiers) {
        this.nestedComments = nestedComments;
        this.dollarQuotes = dollarQuotes;
        this.escapeStrings = escapeStrings;
        this.bracketIdentifiers = bracketIdentifiers;
    }
}
