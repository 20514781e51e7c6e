package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.NamingStrategy;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Turns entity classes into a {@link Schema}, the way Hibernate binds them (6.6, or the 7.x release
 * {@link HibernateVersion} names where they differ). Three phases: every
 * table with its keys and basic columns; then associations, which need the other side's columns; then
 * table-level indexes and unique constraints, which may name any of those columns.
 * A mapping error aborts only the entity it is found in; it is reported and the rest goes on.
 */
final class SchemaBuilder {

    final ProcessingEnvironment env;
    final Types types;
    final Naming naming;
    final boolean beanValidation;
    /** The Hibernate release whose schema to follow where releases differ. */
    final HibernateVersion hibernate;
    final EntityScanner scanner;
    final BasicTypes basicTypes;
    final Keys keys;
    final ColumnBinder columns;
    final AssociationBinder associations;
    final SecondaryTables secondaryTables;
    final DiscriminatorChecks discriminatorChecks;
    final AuditTables audit;
    private final Reporter reporter;
    private final Map<String, TableDraft> tables = new LinkedHashMap<>();
    private final Map<String, Sequence> sequences = new TreeMap<>();
    private final Map<String, TableDraft> entityTables = new HashMap<>();
    private final List<Runnable> deferred = new ArrayList<>();
    private final List<Runnable> constraints = new ArrayList<>();
    private List<EntityInfo> entities = List.of();
    /** Every entity's subclasses among {@link #entities}, by the entity's type, in their order; built on first use. */
    private Map<TypeElement, List<EntityInfo>> subclasses;

    SchemaBuilder(ProcessingEnvironment env, Naming naming, boolean beanValidation, HibernateVersion hibernate,
                  Reporter reporter, Map<String, TypeMirror> autoApplyConverters) {
        this.hibernate = hibernate;
        this.env = env;
        this.types = env.getTypeUtils();
        this.naming = naming.following(hibernate);
        this.beanValidation = beanValidation;
        this.reporter = reporter;
        this.scanner = new EntityScanner(env);
        this.basicTypes = new BasicTypes(types, autoApplyConverters, hibernate);
        this.keys = new Keys(this);
        this.columns = new ColumnBinder(this);
        this.associations = new AssociationBinder(this);
        this.secondaryTables = new SecondaryTables(this);
        this.discriminatorChecks = new DiscriminatorChecks(this);
        this.audit = new AuditTables(this);
    }

    /**
     * The bound tables and sequences, before they become the snapshot's records. {@link #toSchema} reads only
     * these drafts (names, types, keys and constraints, no compiler state), so it may run on another thread
     * once binding is over; binding itself reads javac's symbols and runs on javac's thread.
     */
    static final class Bound {
        private final NamingStrategy naming;
        private final List<TableDraft> tables;
        private final List<Sequence> sequences;
        private final String hibernate;

        private Bound(NamingStrategy naming, List<TableDraft> tables, List<Sequence> sequences, String hibernate) {
            this.naming = naming;
            this.tables = tables;
            this.sequences = sequences;
            this.hibernate = hibernate;
        }

        Schema toSchema() {
            List<Table> result = new ArrayList<>(tables.size());
            for (TableDraft t : tables) {
                result.add(t.toTable());
            }
            return new Schema(naming, result, sequences, hibernate);
        }
    }

    /** Binds every entity: the reported mapping errors, and the tables and sequences for {@link Bound#toSchema}. */
    Bound bind(List<TypeElement> entityTypes) {
        List<EntityInfo> infos = new ArrayList<>();
        for (TypeElement type : new EntityClosure(this).of(entityTypes)) {
            try {
                infos.add(scanner.scan(type));
            } catch (RuntimeException e) {
                reportOn(type, e);
            }
        }
        entities = infos;
        subclasses = null;
        for (EntityInfo e : infos) {
            try {
                bindEntity(e);
            } catch (RuntimeException problem) {
                reportOn(e.type(), problem);
            }
        }
        for (Runnable r : deferred) {
            r.run();
        }
        for (Runnable r : constraints) {
            r.run();
        }
        discriminatorChecks.apply();
        audit.add(infos);
        List<TableDraft> physical = new ArrayList<>(tables.size());
        for (TableDraft t : tables.values()) {
            if (t.physical) {
                physical.add(t);
            }
        }
        return new Bound(naming.strategy(), physical, List.copyOf(sequences.values()), hibernate.label());
    }

    /** Runs one entity's work, turning a mapping problem into a diagnostic on that entity. */
    void guarded(TypeElement type, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            reportOn(type, e);
        }
    }

    /** A mapping problem as a diagnostic on its element, anything else as an internal error on {@code type}. */
    private void reportOn(TypeElement type, RuntimeException e) {
        if (e instanceof MappingException mapping) {
            reporter.error(mapping);
        } else {
            reporter.internalError(type, e);
        }
    }

    /** Reports a problem that spoils one value only, so the entity's other problems are reported too. */
    void report(MappingException e) {
        reporter.error(e);
    }

    /** Reports a warning on an element. */
    void warn(javax.lang.model.element.Element element, Message message, Object... args) {
        reporter.warning(element, message.format(args));
    }

    /** Queues association work for phase two, still reporting against its entity. */
    void defer(EntityInfo owner, Runnable work) {
        deferred.add(() -> guarded(owner.type(), work));
    }

    private void bindEntity(EntityInfo e) {
        Unsupported.check(e);
        TableDraft table = tableOf(e);
        table.sources.add(e.qualifiedName());
        Ann renamed = Ann.named(e.type(), ProjectAnnotations.RENAMED_FROM);
        if (renamed != null && ownsTable(e)) {
            table.renamedFrom = naming.physical(Ident.parse(renamed.string("value"))).text();
        }
        boolean fieldAccess = scanner.hierarchyUsesFields(e.root().type());
        Scope scope = Scope.of(e, table, !e.isRoot() && e.strategy() == EntityInfo.Inheritance.SINGLE_TABLE,
                fieldAccess);
        if (ownsTable(e)) {
            keys.bindPrimaryKey(e, table);
        }
        secondaryTables.of(e);
        if (e.strategy() == EntityInfo.Inheritance.TABLE_PER_CLASS && !subclassesOf(e).isEmpty()) {
            table.hasDenormalizedTables = true;
        }
        if (e.isRoot() && hasDiscriminator(e)) {
            columns.bindDiscriminator(e, table, subclassesOf(e));
        }
        List<Attribute> attributes = e.strategy() == EntityInfo.Inheritance.TABLE_PER_CLASS ? e.allAttributes()
                : e.attributes();
        for (Attribute a : attributes) {
            columns.bindAttribute(scope, a);
        }
        // Indexes and unique constraints may name join columns that associations add in phase two.
        constraints.add(() -> guarded(e.type(), () -> {
            TableAnnotations.apply(this, e, table);
            secondaryTables.applyConstraints(e);
        }));
    }

    /** Whether the entity has its own table (not a single-table subclass). */
    static boolean ownsTable(EntityInfo e) {
        return e.isRoot() || e.strategy() != EntityInfo.Inheritance.SINGLE_TABLE;
    }

    private boolean hasDiscriminator(EntityInfo root) {
        if (Ann.hasJpa(root.type(), "DiscriminatorColumn")) {
            return true;
        }
        return root.strategy() == EntityInfo.Inheritance.SINGLE_TABLE && !subclassesOf(root).isEmpty();
    }

    /** Every entity being built. */
    List<EntityInfo> entities() {
        return entities;
    }

    /** Every entity below {@code root} in its hierarchy, among the entities being built. */
    List<EntityInfo> subclassesOf(EntityInfo root) {
        if (subclasses == null) {
            // Once for all entities: asked for every hierarchy root, a scan of every entity each time is quadratic.
            subclasses = new HashMap<>();
            for (EntityInfo e : entities) {
                for (EntityInfo p = e.parent(); p != null; p = p.parent()) {
                    List<EntityInfo> below = subclasses.get(p.type());
                    if (below == null) {
                        below = new ArrayList<>();
                        subclasses.put(p.type(), below);
                    }
                    below.add(e);
                }
            }
        }
        return new ArrayList<>(subclasses.getOrDefault(root.type(), List.of()));
    }

    /** The table holding an entity's own columns. */
    TableDraft tableOf(EntityInfo e) {
        TableDraft known = entityTables.get(e.qualifiedName());
        if (known != null) {
            return known;
        }
        if (!ownsTable(e)) {
            TableDraft rootTable = tableOf(e.root());
            entityTables.put(e.qualifiedName(), rootTable);
            return rootTable;
        }
        Ident logical = e.table() != null ? e.table() : Ident.plain(e.entityName());
        boolean physical = !(e.strategy() == EntityInfo.Inheritance.TABLE_PER_CLASS && e.isAbstract());
        // Hibernate's @Subselect maps an entity to a query: no table is created and no foreign key references it.
        // Its draft is its own, not shared by name, so that a table of the same name stays a table.
        TableDraft t = Ann.named(e.type(), "org.hibernate.annotations.Subselect") != null
                ? new TableDraft(naming.physical(e.schema()), naming.physical(logical), false)
                : table(e.schema(), naming.physical(logical), physical);
        t.logicalName = logical.text();
        entityTables.put(e.qualifiedName(), t);
        return t;
    }

    /** The table of that (physical) name, created on first use; tables are shared by name. */
    TableDraft table(Ident schema, Ident physicalName, boolean physical) {
        Ident physicalSchema = naming.physical(schema);
        String key = QualifiedName.key(physicalSchema == null ? null : physicalSchema.text(), physicalName.text());
        TableDraft known = tables.get(key);
        if (known == null) {
            known = new TableDraft(physicalSchema, physicalName, physical);
            tables.put(key, known);
        }
        return known;
    }

    void addSequence(Ident schema, Ident name, long start, long increment) {
        Ident physicalSchema = naming.physical(schema);
        Ident physicalName = naming.physical(name);
        Sequence s = new Sequence(physicalSchema == null ? null : physicalSchema.text(), physicalName.text(), start,
                increment, physicalName.quoted());
        sequences.putIfAbsent(s.qualifiedName(), s);
    }

    /** The entity info of any {@code @Entity} type, scanned on demand (it may come from a class file). */
    EntityInfo entity(TypeElement type) {
        return scanner.scan(type);
    }
}
