package io.github.entitymigrations.processor;

/**
 * A database identifier as a mapping gives it: {@code `Name`} or {@code "Name"} in an annotation
 * means quoted (case-sensitive), as in Hibernate.
 */
record Ident(String text, boolean quoted) {

    static Ident parse(String raw) {
        if (raw.length() >= 2 && ((raw.startsWith("`") && raw.endsWith("`"))
                || (raw.startsWith("\"") && raw.endsWith("\"")))) {
            return new Ident(raw.substring(1, raw.length() - 1), true);
        }
        return new Ident(raw, false);
    }

    static Ident plain(String text) {
        return new Ident(text, false);
    }

    Ident withText(String newText) {
        return new Ident(newText, quoted);
    }

    @Override
    public String toString() {
        return text;
    }
}
