package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.OnDelete;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Hibernate Envers' audit tables, as Envers (Hibernate 6.6 to 7.4) creates them with its default settings: for each
 * audited entity table {@code <table>_AUD} (or {@code @AuditTable}) with the key, {@code REV}, {@code REVTYPE} and
 * every audited column, all nullable but the key; for each audited join table and collection table of basic values
 * {@code <table>_AUD} (or {@code @AuditJoinTable}); and the revision table, {@code REVINFO} with its sequence unless
 * the model has a {@code @RevisionEntity}. What Envers maps otherwise (an element collection of embeddables, a
 * {@code @OneToMany @JoinColumn}'s middle table, composite keys, ...) is named in a warning instead.
 */
final class AuditTables {

    static final String AUDITED = "org.hibernate.envers.Audited";
    private static final String NOT_AUDITED = "org.hibernate.envers.NotAudited";
    private static final String AUDIT_TABLE = "org.hibernate.envers.AuditTable";
    private static final String AUDIT_JOIN_TABLE = "org.hibernate.envers.AuditJoinTable";
    private static final String REVISION_ENTITY = "org.hibernate.envers.RevisionEntity";
    private static final String SUFFIX = "_AUD";

    /** A collection's own table: its owner's columns, its elements' and its index's (order or map key). */
    record Collection(EntityInfo owner, Attribute attribute, TableDraft table, List<String> ownerColumns,
                      List<String> elementColumns, List<String> indexColumns) {
    }

    /** A collection Envers audits in a table of its own that is not modelled: what it is. */
    private record Unmodelled(EntityInfo owner, Attribute attribute, String what) {
    }

    private record Revision(TableDraft table, String column, ColumnType type) {
    }

    private final SchemaBuilder b;
    private final List<Collection> collections = new ArrayList<>();
    private final List<Unmodelled> unmodelledCollections = new ArrayList<>();
    /** Audited mappings whose audit tables are not modelled: what it is, and where. */
    private final Map<String, Element> unsupported = new java.util.TreeMap<>();

    AuditTables(SchemaBuilder builder) {
        this.b = builder;
    }

    void collection(Collection c) {
        collections.add(c);
    }

    /** A collection Envers audits in a table of its own that is not modelled, should its owner be audited. */
    void unsupportedCollection(EntityInfo owner, Attribute a, String what) {
        unmodelledCollections.add(new Unmodelled(owner, a, what));
    }

    /** Adds the audit tables of the audited entities among {@code entities}; nothing when Envers is absent. */
    void add(List<EntityInfo> entities) {
        if (b.env.getElementUtils().getTypeElement(AUDITED) == null) {
            return; // Envers is not on the class path: nothing can be audited (spares a walk over every attribute)
        }
        List<EntityInfo> audited = new ArrayList<>();
        for (EntityInfo e : entities) {
            if (isAudited(e)) {
                audited.add(e);
            }
        }
        if (audited.isEmpty()) {
            return;
        }
        audited.sort(java.util.Comparator.comparingInt(AuditTables::depth)); // a JOINED parent's audit table first
        Revision revision = revision(entities);
        Map<EntityInfo, TableDraft> audits = new IdentityHashMap<>();
        for (EntityInfo e : audited) {
            b.guarded(e.type(), () -> entityAudit(e, revision, audits));
        }
        for (Collection c : collections) {
            if (audits.containsKey(c.owner()) && attributeAudited(c.attribute().element(), c.owner())) {
                b.guarded(c.owner().type(), () -> collectionAudit(c, revision));
            }
        }
        for (Unmodelled u : unmodelledCollections) {
            if (audits.containsKey(u.owner()) && attributeAudited(u.attribute().element(), u.owner())) {
                unsupported.put(u.owner().entityName() + "." + u.attribute().name() + " (" + u.what() + ")",
                        u.attribute().element());
            }
        }
        if (!unsupported.isEmpty()) {
            b.warn(unsupported.values().iterator().next(), Message.ENVERS_NOT_MODELLED,
                    String.join("; ", unsupported.keySet()));
        }
    }

    private static int depth(EntityInfo e) {
        int depth = 0;
        for (EntityInfo p = e.parent(); p != null; p = p.parent()) {
            depth++;
        }
        return depth;
    }

    /**
     * Audited: {@code @Audited} on the class or on one of its attributes. An {@code @Audited} mapped superclass does
     * not make an entity audited (Envers audits its attributes only in an audited entity).
     */
    private boolean isAudited(EntityInfo e) {
        if (Ann.named(e.type(), AUDITED) != null) {
            return true;
        }
        for (Attribute a : e.attributes()) {
            if (Ann.named(a.element(), AUDITED) != null) {
                return true;
            }
        }
        return false;
    }

    /** The application's {@code @RevisionEntity}'s table, else Envers' default {@code REVINFO}. */
    private Revision revision(List<EntityInfo> entities) {
        for (EntityInfo e : entities) {
            if (Ann.named(e.type(), REVISION_ENTITY) != null) {
                Keys.EntityKey key = b.keys.keyOf(e);
                return new Revision(key.table(), key.columns().get(0).physical().text(), key.columns().get(0).type());
            }
        }
        TableDraft table = b.table(null, b.naming.physical(Ident.plain("REVINFO")), true);
        TableDraft.ColumnDraft rev = new TableDraft.ColumnDraft(b.naming.physical(Ident.plain("REV")),
                ColumnType.of("INTEGER"), false, null, "REVINFO.REV");
        // Envers numbers revisions with Hibernate's native generator: the sequence on PostgreSQL (and SQLite),
        // identity on MariaDB and MySQL. One snapshot serves every database, so it has both: each uses its own.
        rev.identity = true;
        table.addColumn(rev, "REV");
        table.addColumn(new TableDraft.ColumnDraft(b.naming.physical(Ident.plain("REVTSTMP")), ColumnType.of("BIGINT"),
                true, null, "REVINFO.REVTSTMP"), "REVTSTMP");
        table.setPrimaryKey(List.of(rev.name.text()));
        b.addSequence(null, Ident.plain("REVINFO_SEQ"), 1, Generators.DEFAULT_ALLOCATION);
        return new Revision(table, rev.name.text(), ColumnType.of("INTEGER"));
    }

    private void entityAudit(EntityInfo e, Revision revision, Map<EntityInfo, TableDraft> audits) {
        notModelled(e);
        boolean joinedChild = e.parent() != null && e.root().strategy() == EntityInfo.Inheritance.JOINED;
        if (e.parent() != null && !joinedChild) {
            if (e.root().strategy() == EntityInfo.Inheritance.TABLE_PER_CLASS) {
                unsupported.put(e.entityName() + " (a TABLE_PER_CLASS hierarchy)", e.type());
            }
            audits.put(e, audits.get(e.root())); // a single table: the root's audit table has its columns
            return;
        }
        Keys.EntityKey key = b.keys.keyOf(e);
        if (key.columns().size() != 1) {
            unsupported.put(e.entityName() + " (a composite key)", e.type());
            return;
        }
        TableDraft table = key.table();
        Ann named = Ann.named(e.type(), AUDIT_TABLE);
        TableDraft audit = auditTable(table, named == null ? "" : named.string("value"),
                named == null ? "" : named.string("schema"));
        audit.sources.add(e.qualifiedName());
        TableDraft.ColumnDraft rev = addRev(audit, revision);
        List<String> primaryKey = new ArrayList<>(List.of(rev.name.text()));
        for (TableDraft.ColumnDraft c : table.columnDrafts()) {
            boolean isKey = table.primaryKey != null && table.primaryKey.contains(c.name.text());
            if (isKey || c.origin instanceof TypeElement || attributeAudited(embedding(c, e), e)) {
                copy(audit, c, isKey || c.origin instanceof TypeElement ? c.nullable : true);
                if (isKey) {
                    primaryKey.add(c.name.text());
                }
            }
        }
        audit.setPrimaryKey(primaryKey);
        if (joinedChild) {
            TableDraft parent = audits.get(e.parent());
            if (parent != null) {
                audit.addForeignKey(new TableDraft.ForeignKeyDraft(null, primaryKey, parent, parent.primaryKey,
                        OnDelete.NO_ACTION));
            }
        } else {
            addRevisionType(audit);
            addRevisionKey(audit, rev, revision);
        }
        audits.put(e, audit);
    }

    private void collectionAudit(Collection c, Revision revision) {
        Ann named = Ann.named(c.attribute().element(), AUDIT_JOIN_TABLE);
        TableDraft audit = auditTable(c.table(), named == null ? "" : named.string("name"),
                named == null ? "" : named.string("schema"));
        audit.sources.add(c.owner().qualifiedName());
        TableDraft.ColumnDraft rev = addRev(audit, revision);
        List<String> primaryKey = new ArrayList<>(List.of(rev.name.text()));
        for (List<String> group : List.of(c.ownerColumns(), c.elementColumns(), c.indexColumns())) {
            for (String name : group) {
                primaryKey.add(copy(audit, c.table().column(name), false).name.text());
            }
        }
        addRevisionType(audit);
        audit.setPrimaryKey(primaryKey);
        addRevisionKey(audit, rev, revision);
    }

    /** What Envers maps in tables or columns of its own that are not modelled here. */
    private void notModelled(EntityInfo e) {
        if (Ann.jpa(e.type(), "SecondaryTable") != null || Ann.jpa(e.type(), "SecondaryTables") != null) {
            unsupported.put(e.entityName() + " (a secondary table)", e.type());
        }
        if (Ann.named(e.type(), "org.hibernate.envers.AuditOverride") != null
                || Ann.named(e.type(), "org.hibernate.envers.AuditOverrides") != null) {
            unsupported.put(e.entityName() + " (@AuditOverride)", e.type());
        }
        Ann audited = Ann.named(e.type(), AUDITED);
        if (audited != null && (audited.bool("withModifiedFlag") || audited.isSet("auditParents"))) {
            unsupported.put(e.entityName() + " (@Audited(withModifiedFlag, auditParents))", e.type());
        }
        for (Attribute a : e.attributes()) {
            Ann on = Ann.named(a.element(), AUDITED);
            if (on != null && on.bool("withModifiedFlag")) {
                unsupported.put(e.entityName() + "." + a.name() + " (@Audited(withModifiedFlag))", a.element());
            }
        }
    }

    /** {@code <table>_AUD}, or the name and schema given, in the audited table's schema by default. */
    private TableDraft auditTable(TableDraft audited, String name, String schema) {
        Ident table = name.isEmpty() ? new Ident(audited.nameText() + SUFFIX, audited.name.quoted())
                : Ident.parse(name);
        Ident inSchema = schema.isEmpty() ? audited.schema : Ident.parse(schema);
        return b.table(inSchema, b.naming.physical(table), true);
    }

    private TableDraft.ColumnDraft addRev(TableDraft audit, Revision revision) {
        TableDraft.ColumnDraft rev = new TableDraft.ColumnDraft(b.naming.physical(Ident.plain("REV")), revision.type(),
                false, null, "REV");
        return audit.addColumn(rev, "REV");
    }

    /** {@code REVTYPE}: what the revision did to the row (added, modified, deleted). */
    private void addRevisionType(TableDraft audit) {
        audit.addColumn(new TableDraft.ColumnDraft(b.naming.physical(Ident.plain("REVTYPE")),
                ColumnType.of("TINYINT"), true, null, "REVTYPE"), "REVTYPE");
    }

    private static void addRevisionKey(TableDraft audit, TableDraft.ColumnDraft rev, Revision revision) {
        audit.addForeignKey(new TableDraft.ForeignKeyDraft(null, List.of(rev.name.text()), revision.table(),
                List.of(revision.column()), OnDelete.NO_ACTION));
    }

    /** What maps the column in the entity: the top embedded attribute for a column inside an embeddable. */
    private static Element embedding(TableDraft.ColumnDraft c, EntityInfo e) {
        if (c.embeddedIn.isEmpty()) {
            return c.origin;
        }
        int dot = c.embeddedIn.indexOf('.');
        String top = dot < 0 ? c.embeddedIn : c.embeddedIn.substring(0, dot);
        for (Attribute a : e.allAttributes()) {
            if (a.name().equals(top)) {
                return a.element();
            }
        }
        return c.origin; // embedded in a subclass sharing the table
    }

    /** The column as its audit table has it: same name and type, no default or identity, and its enum check. */
    private TableDraft.ColumnDraft copy(TableDraft audit, TableDraft.ColumnDraft c, boolean nullable) {
        TableDraft.ColumnDraft copy = new TableDraft.ColumnDraft(c.name, withoutLob(c), nullable, c.origin,
                c.mappedBy);
        copy.columnDefinition = c.columnDefinition;
        copy.mapping = c.mapping;
        TableDraft.ColumnDraft added = audit.addColumn(copy, c.name.text());
        if (c.mapping != null) {
            ColumnBinder.addEnumCheck(audit, added.name.text(), c.mapping);
        }
        return added;
    }

    /**
     * Envers maps an audited attribute without its {@code @Lob}, by its Java type and its column's size, in
     * Hibernate 6.6 (7 only for a converted one): a {@code @Lob} string or array, or a converted value, is a
     * {@code varchar}/{@code varbinary} of the column's length in its audit table. A {@code java.sql.Clob} or
     * {@code Blob} attribute stays a large object.
     */
    private ColumnType withoutLob(TableDraft.ColumnDraft c) {
        String name = c.type.name();
        if (!(name.equals("CLOB") || name.equals("NCLOB") || name.equals("BLOB")) || c.origin == null
                || Ann.jpa(c.origin, "Lob") == null || c.columnDefinition != null) {
            return c.type;
        }
        javax.lang.model.type.TypeMirror t = c.origin instanceof javax.lang.model.element.ExecutableElement m
                ? m.getReturnType() : c.origin.asType();
        if (t.toString().startsWith("java.sql.")
                || b.hibernate.atLeast(HibernateVersion.V7_2) && !b.basicTypes.isConverted(t, c.origin)) {
            return c.type;
        }
        Ann column = Ann.jpa(c.origin, "Column");
        int length = column == null ? BasicTypes.DEFAULT_LENGTH : column.integer("length");
        return ColumnType.ofLength(name.equals("BLOB") ? "VARBINARY" : "VARCHAR", length);
    }

    /**
     * Whether Envers audits the attribute {@code origin} in {@code e}'s audit table: not {@code @NotAudited} nor the
     * version; {@code @Audited} itself, or declared by an audited entity of {@code e}'s table, by an audited mapped
     * superclass of {@code e}, or by an embeddable of an audited entity.
     */
    private boolean attributeAudited(Element origin, EntityInfo e) {
        if (origin == null || Ann.named(origin, NOT_AUDITED) != null || Ann.jpa(origin, "Version") != null) {
            return false;
        }
        if (!(origin.getEnclosingElement() instanceof TypeElement declarer)) {
            return false;
        }
        boolean related = b.types.isSubtype(b.types.erasure(e.type().asType()), b.types.erasure(declarer.asType()))
                || b.types.isSubtype(b.types.erasure(declarer.asType()), b.types.erasure(e.type().asType()));
        if (EntityScanner.isEmbeddable(declarer)) {
            return Ann.named(origin, AUDITED) != null || Ann.named(e.type(), AUDITED) != null;
        }
        if (!related) {
            return false;
        }
        return Ann.named(origin, AUDITED) != null || Ann.named(declarer, AUDITED) != null;
    }
}
