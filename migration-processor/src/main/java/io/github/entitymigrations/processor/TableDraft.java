package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** A table being assembled from the mappings of one or more entities. */
final class TableDraft {

    /** A column being assembled; mutable because later mappings may tighten it (keys, validation). */
    static final class ColumnDraft {
        final Ident name;
        ColumnType type;
        boolean nullable;
        boolean identity;
        String defaultValue;
        String columnDefinition;
        String renamedFrom;
        /** {@code @Backfill}'s expression for existing rows, or {@code null}. */
        String backfill;
        /**
         * Not a writable mapping for Hibernate's check of columns mapped twice: {@code insertable = false,
         * updatable = false}, or a key column of an identifier mapper ({@link Keys.EntityKey}).
         */
        boolean readOnly;
        /** The entity whose mapping added it, when that matters for duplicates. */
        EntityInfo owner;
        /**
         * A key or discriminator column of a SINGLE_TABLE hierarchy's root: Hibernate's duplicate check of every
         * entity of the hierarchy includes it.
         */
        boolean checkedInEveryEntity;
        /**
         * The entity a unidirectional {@code @OneToMany} with a NOT NULL join column writes this column for (Hibernate
         * gives that entity a property of its own for it, a "backref"), and that association; else {@code null}.
         */
        EntityInfo backrefOwner;
        Object backrefOf;
        /**
         * When Hibernate binds the mapping, among an entity's mappings of one column ({@link BindingOrder}): made
         * only when another mapping of the column comes, which few columns have.
         */
        java.util.function.Supplier<String> bindingOrder;
        /** Another mapping of the same column was bound first, so this one's attributes are not in the table. */
        boolean superseded;
        /** The path of the embedded attributes the column is inside ({@code "address"}), or {@code ""}. */
        String embeddedIn = "";
        /** How a basic value was mapped (its enum constants, for the check), or {@code null}. */
        BasicTypes.Mapping mapping;
        final Element origin;
        /** What maps the column, for messages: its {@code toString()} is made only for one. */
        final Object mappedBy;

        ColumnDraft(Ident name, ColumnType type, boolean nullable, Element origin, Object mappedBy) {
            this.name = name;
            this.type = type;
            this.nullable = nullable;
            this.origin = origin;
            this.mappedBy = mappedBy;
        }

        /** Takes the attributes of a mapping Hibernate binds before this one; the column keeps its place. */
        void adopt(ColumnDraft first) {
            type = first.type;
            nullable = first.nullable;
            identity = first.identity;
            defaultValue = first.defaultValue;
            columnDefinition = first.columnDefinition;
            renamedFrom = first.renamedFrom;
            backfill = first.backfill;
            mapping = first.mapping;
            bindingOrder = first.bindingOrder;
        }

        Column toColumn() {
            return new Column(name.text(), type, nullable, identity, defaultValue, columnDefinition, name.quoted(),
                    renamedFrom, backfill);
        }
    }

    record ForeignKeyDraft(String name, List<String> columns, TableDraft target, List<String> targetColumns,
                           OnDelete onDelete) {
    }

    final Ident schema;
    final Ident name;
    final boolean physical;
    /**
     * The name before the physical naming strategy (an entity's {@code @Table} name or entity name), which
     * Hibernate builds implicit join table names from; the physical name's text for other tables.
     */
    String logicalName;
    /**
     * The table of a TABLE_PER_CLASS entity with subclasses: rows of the subclasses live in other tables,
     * so, like Hibernate, no foreign key references it.
     */
    boolean hasDenormalizedTables;
    final Set<String> sources = new TreeSet<>();
    String renamedFrom;
    private final Map<String, ColumnDraft> columns = new LinkedHashMap<>();
    private final Map<String, String> logicalToPhysical = new LinkedHashMap<>();
    List<String> primaryKey;
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private final List<ForeignKeyDraft> foreignKeys = new ArrayList<>();
    /** Columns of {@code @NaturalId} attributes, by attribute name (Hibernate orders the key's columns so). */
    private final Map<String, List<String>> naturalId = new java.util.TreeMap<>();

    TableDraft(Ident schema, Ident name, boolean physical) {
        this.schema = schema;
        this.name = name;
        this.physical = physical;
        this.logicalName = name.text();
    }

    String nameText() {
        return name.text();
    }

    /**
     * Adds a column, or merges it with an equal one already there (a column mapped twice, read-only,
     * or shared by single-table subclasses). Different types for one column are a mapping error.
     */
    ColumnDraft addColumn(ColumnDraft column, String logicalName) {
        return addColumn(column, logicalName, null);
    }

    /**
     * Adds a column an entity maps. One entity may map a column several times when at most one mapping is
     * writable (the others {@code insertable = false, updatable = false}), as Hibernate allows; two writable
     * mappings Hibernate checks together ({@link #checkedTogether}) are refused, as Hibernate refuses them, and so
     * is a writable mapping beside a unidirectional {@code @OneToMany}'s NOT NULL join column
     * ({@link ColumnDraft#backrefOwner}), in either binding order. Like Hibernate's table, which keeps the column
     * object of the mapping bound first, the column then has that mapping's type, nullability and the rest.
     */
    ColumnDraft addColumn(ColumnDraft column, String logicalName, EntityInfo owner) {
        column.owner = owner;
        String key = key(column.name);
        ColumnDraft existing = columns.get(key);
        if (existing != null && checkedTogether(existing.backrefOwner, false, owner, column.checkedInEveryEntity)
                && !column.readOnly) {
            throw new MappingException(column.origin, Message.DUPLICATE_COLUMN, column.name, name,
                    existing.backrefOf, column.mappedBy);
        }
        if (existing != null && checkedTogether(existing.owner, existing.checkedInEveryEntity, column.backrefOwner,
                false) && !existing.readOnly) {
            throw new MappingException(column.origin, Message.DUPLICATE_COLUMN, column.name, name,
                    existing.mappedBy, column.backrefOf);
        }
        if (existing != null && checkedTogether(existing.owner, existing.checkedInEveryEntity, owner,
                column.checkedInEveryEntity) && !existing.readOnly && !column.readOnly) {
            throw new MappingException(column.origin, Message.DUPLICATE_COLUMN, column.name, name,
                    existing.mappedBy, column.mappedBy);
        }
        if (logicalName != null) {
            logicalToPhysical.putIfAbsent(logicalName, column.name.text());
        }
        if (existing != null && owner != null && same(owner, existing.owner)) {
            if (BindingOrder.before(BindingOrder.of(column.bindingOrder), BindingOrder.of(existing.bindingOrder))) {
                existing.adopt(column);
            } else {
                column.superseded = true;
            }
            existing.readOnly = existing.readOnly && column.readOnly;
            return existing;
        }
        if (existing == null) {
            columns.put(key, column);
            return column;
        }
        if (!existing.type.equals(column.type)) {
            TypeElement first = typeOf(existing.origin);
            TypeElement second = typeOf(column.origin);
            if (first != null && second != null && !first.equals(second)) {
                throw new MappingException(column.origin, Message.TABLE_CONFLICT, name, first.getQualifiedName(),
                        second.getQualifiedName(), column.name, existing.type, column.type);
            }
            throw new MappingException(column.origin, Message.COLUMN_TYPES_DIFFER, column.name, name,
                    existing.mappedBy, existing.type, column.mappedBy, column.type);
        }
        // A collection's table (owner null) bound over an entity's table: Hibernate binds the entity's columns first
        // (collections in a second pass) and its table keeps them, so a join table's NOT NULL does not reach them.
        // Nor does the collection's column make the entity's writable (a NOT NULL key's write is the backref's).
        if (column.owner != null || existing.owner == null) {
            existing.nullable = existing.nullable && column.nullable;
            existing.readOnly = existing.readOnly && column.readOnly;
        }
        existing.identity |= column.identity;
        if (existing.backrefOwner == null) {
            existing.backrefOwner = column.backrefOwner;
            existing.backrefOf = column.backrefOf;
        }
        return existing;
    }

    /**
     * Whether Hibernate's check of columns mapped twice ({@code PersistentClass.checkColumnDuplication}, which
     * runs for each entity) sees a mapping by entity {@code x} and one by {@code y} together: one entity's own
     * mappings, or in a SINGLE_TABLE hierarchy a subclass's with its direct superclass's (not a grandparent's:
     * Hibernate 6.6, 7.2 and 7.4 check one level up), and the root's key and discriminator with every entity's.
     */
    private static boolean checkedTogether(EntityInfo x, boolean xInEvery, EntityInfo y, boolean yInEvery) {
        if (x == null || y == null) {
            return false;
        }
        if (same(x, y)) {
            return true;
        }
        if (x.strategy() != EntityInfo.Inheritance.SINGLE_TABLE || y.strategy() != EntityInfo.Inheritance.SINGLE_TABLE
                || !same(x.root(), y.root())) {
            return false;
        }
        return same(x, y.parent()) || same(y, x.parent()) || (xInEvery && x.isRoot()) || (yInEvery && y.isRoot());
    }

    /** One entity (by name: an {@link EntityInfo} record's equality would compare its attributes). */
    private static boolean same(EntityInfo x, EntityInfo y) {
        return x == y || (x != null && y != null && x.qualifiedName().equals(y.qualifiedName()));
    }

    private static TypeElement typeOf(Element e) {
        for (Element c = e; c != null; c = c.getEnclosingElement()) {
            if (c instanceof TypeElement t) {
                return t;
            }
        }
        return null;
    }

    ColumnDraft column(String physicalName) {
        return columns.get(physicalName.toLowerCase(java.util.Locale.ROOT));
    }

    /** Resolves a name written in an annotation: a logical name first, else a physical one. */
    String resolveColumn(String written) {
        String trimmed = Ident.parse(written.trim()).text();
        String physical = logicalToPhysical.get(trimmed);
        if (physical != null) {
            return physical;
        }
        ColumnDraft c = column(trimmed);
        return c == null ? null : c.name.text();
    }

    /** The columns, in their order. */
    List<ColumnDraft> columnDrafts() {
        return new ArrayList<>(columns.values());
    }

    List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (ColumnDraft c : columns.values()) {
            names.add(c.name.text());
        }
        return names;
    }

    private static String key(Ident name) {
        return name.text().toLowerCase(java.util.Locale.ROOT);
    }

    void setPrimaryKey(List<String> cols) {
        primaryKey = List.copyOf(cols);
        for (String c : cols) {
            column(c).nullable = false;
        }
    }

    void addUnique(String explicitName, List<String> cols) {
        if (uniqueOver(new HashSet<>(cols)) == null) {
            String n = explicitName == null || explicitName.isEmpty() ? ConstraintNames.unique(name.text(), cols) : explicitName;
            uniques.add(new UniqueConstraint(n, cols));
        }
    }

    void addNaturalId(String attribute, List<String> cols) {
        naturalId.put(attribute, cols);
    }

    /**
     * The unique key Hibernate creates over every {@code @NaturalId} column (mutable or not), unless a unique
     * constraint over the same columns is already there. Added last, once every association has its columns.
     */
    void addNaturalIdKey() {
        if (!naturalId.isEmpty()) {
            addUnique(null, naturalId.values().stream().flatMap(List::stream).toList());
        }
    }

    void addIndex(String explicitName, List<String> cols, boolean unique) {
        String n = explicitName == null || explicitName.isEmpty() ? ConstraintNames.index(name.text(), cols) : explicitName;
        indexes.add(new Index(n, cols, unique));
    }

    void addCheck(CheckConstraint check) {
        if (!hasCheckNamed(check.name())) {
            checks.add(check);
        }
    }

    boolean hasCheckNamed(String checkName) {
        for (CheckConstraint c : checks) {
            if (c.name().equals(checkName)) {
                return true;
            }
        }
        return false;
    }

    void addForeignKey(ForeignKeyDraft fk) {
        for (ForeignKeyDraft f : foreignKeys) {
            if (f.target() == fk.target() && f.columns().equals(fk.columns())) {
                return;
            }
        }
        foreignKeys.add(fk);
    }

    /** Hibernate's DDL order, unless {@code keyUnique}, a unique constraint over exactly the key columns, fixes it. */
    private List<String> primaryKeyOrder(UniqueConstraint keyUnique) {
        return keyUnique != null ? keyUnique.columns() : KeyColumnOrder.order(primaryKey, c -> column(c).type);
    }

    /** The first unique constraint over exactly these columns, in any order, or null. */
    private UniqueConstraint uniqueOver(Set<String> cols) {
        for (UniqueConstraint u : uniques) {
            if (new HashSet<>(u.columns()).equals(cols)) {
                return u;
            }
        }
        return null;
    }

    Table toTable() {
        List<Column> cols = new ArrayList<>(columns.size());
        for (ColumnDraft c : columns.values()) {
            cols.add(c.toColumn());
        }
        // At most one unique constraint is over the key's columns (addUnique adds none twice): Hibernate orders the
        // key by it and leaves it out (6.6 and 7), the key making it unique already. PostgreSQL and SQLite leave it
        // out of a create table too, so a snapshot keeping it never matched the database.
        UniqueConstraint keyUnique = primaryKey == null ? null : uniqueOver(new HashSet<>(primaryKey));
        PrimaryKey pk = primaryKey == null ? null
                : new PrimaryKey(ConstraintNames.primaryKey(name.text()), primaryKeyOrder(keyUnique));
        List<UniqueConstraint> kept = uniques;
        if (keyUnique != null) {
            kept = new ArrayList<>(uniques);
            kept.remove(keyUnique);
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (ForeignKeyDraft f : foreignKeys) {
            if (!f.target().physical || f.target().hasDenormalizedTables) {
                continue;
            }
            String n = f.name() == null || f.name().isEmpty() ? ConstraintNames.foreignKey(name.text(), f.columns()) : f.name();
            fks.add(new ForeignKey(n, f.columns(), f.target().schema == null ? null : f.target().schema.text(),
                    f.target().name.text(), f.targetColumns(), f.onDelete()));
        }
        return new Table(schema == null ? null : schema.text(), name.text(), name.quoted(), renamedFrom,
                List.copyOf(sources), cols, pk, kept, indexes, checks, fks);
    }
}
