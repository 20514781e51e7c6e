package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.OnDelete;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;

/**
 * Tables that hold more of one entity's row: its {@code @SecondaryTable}s, and the join table of a to-one
 * association ({@code @ManyToOne}/{@code @OneToOne} with {@code @JoinTable}), which Hibernate binds the same
 * way. Each is keyed by the entity's primary key (the {@code pkJoinColumns}, or the key's own column names)
 * with a foreign key to the entity's table.
 */
final class SecondaryTables {

    private final SchemaBuilder b;
    /** Per entity, its secondary tables by the name written in {@code @SecondaryTable(name)}. */
    private final Map<String, Map<String, TableDraft>> byEntity = new HashMap<>();

    SecondaryTables(SchemaBuilder builder) {
        this.b = builder;
    }

    /** The entity's own secondary tables, created with their keys on first use. */
    Map<String, TableDraft> of(EntityInfo e) {
        Map<String, TableDraft> known = byEntity.get(e.qualifiedName());
        if (known != null) {
            return known;
        }
        Map<String, TableDraft> tables = new LinkedHashMap<>();
        byEntity.put(e.qualifiedName(), tables);
        for (Ann secondary : Scope.overrides(e.type(), "SecondaryTable")) {
            String written = secondary.string("name");
            TableDraft table = keyedTable(e, schema(secondary), Ident.parse(written),
                    secondary.annotations("pkJoinColumns"));
            // Hibernate (6.6 and 7) finds the @SecondaryTable of a table by its physical name (quoted names in
            // backticks), so its foreignKey is lost when the naming strategy changes the name (Spring's:
            // "SupplierRating" is supplier_rating) or a quoting setting quotes it.
            String physical = table.name.quoted() ? '`' + table.nameText() + '`' : table.nameText();
            boolean found = physical.equals(written);
            Ann fk = found && secondary.isSet("foreignKey") ? secondary.annotation("foreignKey") : null;
            if (fk == null || !fk.enumName("value").equals("NO_CONSTRAINT")) {
                Keys.EntityKey key = b.keys.keyOf(e);
                table.addForeignKey(new TableDraft.ForeignKeyDraft(fk == null ? null : fk.string("name"),
                        table.primaryKey, key.table(), key.names(), OnDelete.NO_ACTION));
            }
            tables.put(Ident.parse(written).text(), table);
        }
        return tables;
    }

    /** Indexes and unique constraints of the entity's secondary tables, once every column is there. */
    void applyConstraints(EntityInfo e) {
        Map<String, TableDraft> tables = of(e);
        for (Ann secondary : Scope.overrides(e.type(), "SecondaryTable")) {
            TableAnnotations.applyConstraints(b, tables.get(Ident.parse(secondary.string("name")).text()), secondary,
                    e.type());
        }
    }

    /**
     * The table a column names in {@code table = "..."}: the entity's primary table when empty or its own name,
     * else one of the entity's own secondary tables (as in Hibernate, not those of an entity above it).
     */
    TableDraft tableNamed(Scope scope, String written, Element where) {
        if (written == null || written.isEmpty()) {
            return scope.table();
        }
        EntityInfo owner = scope.owner();
        String name = Ident.parse(written).text();
        TableDraft table = of(owner).get(name);
        if (table != null) {
            return table;
        }
        if (b.naming.physical(Ident.parse(written)).text().equalsIgnoreCase(scope.table().nameText())) {
            return scope.table(); // the entity's own (or, in a single-table subclass, its hierarchy's) table
        }
        throw new MappingException(where, Message.UNKNOWN_SECONDARY_TABLE, written, owner.qualifiedName(),
                of(owner).isEmpty() ? "none" : String.join(", ", of(owner).keySet()));
    }

    /** Whether the scope binds into a secondary table rather than the entity's (or its collection's) own. */
    boolean isSecondary(Scope scope) {
        return !scope.inCollection() && scope.table() != b.tableOf(scope.owner());
    }

    /**
     * The join table of a to-one association: keyed by the owner's key (join columns named, by default, as
     * the key's columns), holding the target's join columns, unique for a one-to-one.
     */
    void toOneJoinTable(Scope scope, Attribute a, EntityInfo target, boolean nullable) {
        Ann jt = a.jpa("JoinTable");
        TableDraft targetTable = b.keys.keyOf(target).table();
        // As for a collection's join table, the implicit name is quoted when either table's name is.
        Ident logical = !jt.string("name").isEmpty() ? Ident.parse(jt.string("name"))
                : new Ident(b.naming.joinTableName(scope.table().logicalName, targetTable.logicalName, a.name()),
                        scope.table().name.quoted() || targetTable.name.quoted());
        TableDraft table = keyedTable(scope.owner(), schema(jt), logical, jt.annotations("joinColumns"));
        Keys.EntityKey key = b.keys.keyOf(scope.owner());
        // Hibernate 6.6 and 7 ignore foreignKey and inverseForeignKey of a to-one's @JoinTable.
        table.addForeignKey(new TableDraft.ForeignKeyDraft(null, table.primaryKey, key.table(), key.names(),
                OnDelete.NO_ACTION));
        // Hibernate 7.4 makes the target's join columns NOT NULL: the join table holds a row only for an owner
        // whose association is set (6.6 to 7.2 left them nullable when the association is optional).
        Keys.JoinColumns element = b.keys.joinColumns(a, jt.annotations("inverseJoinColumns"), null, target, a.name(),
                nullable && !b.hibernate.atLeast(HibernateVersion.V7_4));
        for (int i = 0; i < element.columns().size(); i++) {
            table.addColumn(element.columns().get(i), element.logicalNames().get(i));
        }
        if (a.has("OneToOne") || AssociationBinder.anyUnique(jt.annotations("inverseJoinColumns"))) {
            table.addUnique(null, element.names());
        }
        table.addForeignKey(new TableDraft.ForeignKeyDraft(null, element.names(), element.target(),
                element.targetColumns(), OnDelete.NO_ACTION));
        // Hibernate (6.6 and 7) applies the uniqueConstraints of a to-one's @JoinTable, but not its indexes.
        TableAnnotations.applyUniqueConstraints(table, jt, a.element());
    }

    /** A table whose primary key is the entity's key, under the given (or the key's own) column names. */
    private TableDraft keyedTable(EntityInfo e, Ident schema, Ident logical, List<Ann> pkJoinColumns) {
        TableDraft table = b.table(schema, b.naming.physical(logical), true);
        table.sources.add(e.qualifiedName());
        Keys.EntityKey key = b.keys.keyOf(e);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
            Keys.KeyColumn k = key.columns().get(i);
            String written = i < pkJoinColumns.size() ? pkJoinColumns.get(i).string("name") : "";
            // As Hibernate: an implicit key column is quoted when the entity's table is (as a JOINED subclass's).
            Ident implicit = Ident.parse(k.logical());
            Ident columnLogical = !written.isEmpty() ? Ident.parse(written)
                    : new Ident(implicit.text(), implicit.quoted() || key.table().name.quoted());
            TableDraft.ColumnDraft c = new TableDraft.ColumnDraft(b.naming.physical(columnLogical), k.type(), false,
                    e.type(), e.qualifiedName());
            names.add(table.addColumn(c, columnLogical.text()).name.text());
        }
        table.setPrimaryKey(names);
        return table;
    }

    private static Ident schema(Ann table) {
        String schema = table.string("schema");
        return schema.isEmpty() ? null : Ident.parse(schema);
    }
}
