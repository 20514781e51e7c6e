package io.github.entitymigrations.migrations;

import java.text.Normalizer;
import java.util.Locale;

/** File-name part made from a message: {@code "Add phone to users!"} becomes {@code add_phone_to_users}. */
public final class Slug {

    static final int MAX_LENGTH = 60;

    private Slug() {
    }

    public static String of(String message) {
        String ascii = Normalizer.normalize(message, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("_+$", "");
        }
        return slug.isEmpty() ? "migration" : slug;
    }
}
