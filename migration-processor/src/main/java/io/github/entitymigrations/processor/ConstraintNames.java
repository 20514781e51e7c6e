package io.github.entitymigrations.processor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Readable, deterministic names for constraints the mapping leaves unnamed: {@code pk_<table>},
 * {@code fk_<table>_<columns>}, {@code uk_<table>_<columns>}, {@code ix_<table>_<columns>},
 * {@code ck_<table>_<column>}. Longer than PostgreSQL's 63 bytes, a name is cut and ends with a
 * short hash of the full name, so it stays unique and stable.
 */
final class ConstraintNames {

    static final int MAX_BYTES = 63;

    private ConstraintNames() {
    }

    static String primaryKey(String table) {
        return fit("pk_" + table);
    }

    static String foreignKey(String table, List<String> columns) {
        return fit("fk_" + table + "_" + String.join("_", columns));
    }

    static String unique(String table, List<String> columns) {
        return fit("uk_" + table + "_" + String.join("_", columns));
    }

    static String index(String table, List<String> columns) {
        return fit("ix_" + table + "_" + String.join("_", columns));
    }

    static String check(String table, String column) {
        return fit("ck_" + table + "_" + column);
    }

    static String fit(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return name;
        }
        String hash = "_" + shortHash(name);
        int keep = MAX_BYTES - hash.length();
        StringBuilder prefix = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > keep) {
                break;
            }
            prefix.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return prefix + hash;
    }

    /** Eight hex digits of a text's SHA-256: short, stable and, within one table, unique enough. */
    static String shortHash(String text) {
        return sha256(text).substring(0, 8);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
