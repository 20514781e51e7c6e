package io.github.entitymigrations.schema;

import java.util.List;

/** Schemas shared by the model's tests. */
final class SchemaFixtures {

    private SchemaFixtures() {
    }

    /** A schema with every key of every record, escapes, empty strings and lists, and sequences. */
    static Schema everyKey() {
        Column id = new Column("id", new ColumnType("BIGINT", null, null, null), false, true, null, null, false, null);
        Column status = new Column("status", new ColumnType("VARCHAR", 255, null, null), false, false, "'OPEN'",
                null, true, "state", "'OPEN'");
        Column total = new Column("total", new ColumnType("NUMERIC", null, 10, 2), true, false, "", "", false, null);
        Column data = new Column("data", new ColumnType("OTHER", null, null, null), true, false, null,
                "jsonb \"x\"\n\t\\/", false, "", "");
        Column escaped = new Column("na\"me\u0001é✓", new ColumnType("VARCHAR", 0, 0, 0), true, false, "now()",
                "text", true, "old\\name", "'a'\r\n\b\f");
        Column tags = new Column("tags", ColumnType.arrayOf(ColumnType.numeric("NUMERIC", 10, 3), 40), true, false,
                null, null, false, null);
        Table invoice = new Table("billing", "invoice", true, "bill", List.of("com.example.Invoice", "a.B"),
                List.of(total, status, id, data, escaped, tags), new PrimaryKey("pk_invoice", List.of("id")),
                List.of(new UniqueConstraint("uk_b", List.of("status", "total")),
                        new UniqueConstraint("uk_a", List.of("data"))),
                List.of(new Index("ix_b", List.of("status"), true), new Index("ix_a", List.of("total", "id"), false)),
                List.of(CheckConstraint.between("ck_kind", "total", -3, 2),
                        CheckConstraint.in("ck_status", "status", List.of("OPEN", "PAID")),
                        new CheckConstraint("ck_expr", null, null, null, null, "total >= 0"),
                        new CheckConstraint("ck_empty", "", List.of(), 1L, Long.MAX_VALUE, "")),
                List.of(new ForeignKey("fk_b", List.of("id"), "core", "document", List.of("id"), OnDelete.CASCADE),
                        new ForeignKey("fk_a", List.of("data", "id"), "", "other", List.of("x", "y"),
                                OnDelete.NO_ACTION),
                        new ForeignKey("fk_c", List.of("id"), null, "third", List.of("id"), OnDelete.SET_NULL)));
        Table bare = new Table(null, "bare", false, null, List.of(), List.of(), null, List.of(), List.of(), List.of(),
                List.of());
        Table emptyNames = new Table("", "Quoted Name", false, "", null, List.of(id), null, List.of(), List.of(),
                List.of(), List.of());
        List<Sequence> sequences = List.of(new Sequence("billing", "ticket_numbers", 100, 1, true),
                new Sequence(null, "invoice_seq", 1, 50), new Sequence("", "other_seq", -5, 20, false));
        return new Schema(NamingStrategy.SPRING, List.of(invoice, bare, emptyNames), sequences, "6.6");
    }

    /** The tables of {@link #everyKey()}: {@code invoice} (every key), {@code bare} and {@code Quoted Name}. */
    static Table table(String name) {
        return everyKey().tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
