package io.github.entitymigrations.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One part of the report: a heading, what was measured, a table and notes.
 */
public final class Section {

    private final String title;
    private final String description;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Section(String title, String description, String... header) {
        this.title = title;
        this.description = description;
        this.header = List.of(header);
    }

    public Section row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(title + ": " + cells.length + " cells for " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(String.valueOf(c));
        }
        rows.add(row);
        return this;
    }

    public Section note(String note) {
        notes.add(note);
        return this;
    }

    public String title() {
        return title;
    }

    /** Markdown: heading, description, table, notes as a list. */
    public String markdown() {
        StringBuilder b = new StringBuilder("## ").append(title).append("\n\n");
        if (!description.isBlank()) {
            b.append(description).append("\n\n");
        }
        b.append('|');
        header.forEach(h -> b.append(' ').append(h).append(" |"));
        b.append("\n|");
        header.forEach(h -> b.append(" --- |"));
        b.append('\n');
        for (List<String> row : rows) {
            b.append('|');
            row.forEach(c -> b.append(' ').append(c).append(" |"));
            b.append('\n');
        }
        if (!notes.isEmpty()) {
            b.append('\n');
            notes.forEach(n -> b.append("- ").append(n).append('\n'));
        }
        return b.append('\n').toString();
    }

    /** The table in aligned columns, for the terminal. */
    public String text() {
        int[] width = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder("== ").append(title).append('\n');
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                b.append(String.format("%-" + width[i] + "s", row.get(i))).append(i + 1 < row.size() ? "  " : "\n");
            }
        }
        notes.forEach(n -> b.append("  * ").append(n).append('\n'));
        return b.toString();
    }
}
