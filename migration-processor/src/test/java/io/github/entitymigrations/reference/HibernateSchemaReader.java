package io.github.entitymigrations.reference;

import static io.github.entitymigrations.reference.NormalizedSchema.list;
import static io.github.entitymigrations.reference.NormalizedSchema.qualify;
import static io.github.entitymigrations.reference.NormalizedSchema.set;

import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.type.SqlTypes;

/**
 * Boots Hibernate (6.6, or 7.x in the hibernate-reference modules) over the fixture entities without a
 * database (PostgreSQL dialect, no JDBC metadata access; or on a PostgreSQL connection, see {@link #connectedTo})
 * and reduces its relational mapping model to a {@link NormalizedSchema}: what Hibernate's own schema export
 * would create. The create script it generates is kept as well.
 *
 * <p>A session factory is built too, because Hibernate applies Bean Validation constraints to the
 * mapping ({@code @NotNull}, {@code @Size}, {@code @Digits}) only while the session factory starts.
 * Nothing here opens a connection unless {@link #connectedTo} asks for one.
 */
final class HibernateSchemaReader {

    /** Hibernate's generated constraint names: a prefix and a base-35 hash. */
    private static final Pattern GENERATED_NAME = Pattern.compile("(FK|UK|IDX)[0-9a-z]{15,32}");
    private static final Pattern IN_CHECK = Pattern.compile("(\\S+) in \\((.*)\\)");
    private static final Pattern BETWEEN_CHECK = Pattern.compile("(\\S+) between (-?\\d+) and (-?\\d+)");

    private static final Map<Integer, String> TYPE_NAMES = sqlTypeNames();

    private final String naming;
    private final boolean beanValidation;
    private final StringWriter ddl = new StringWriter();
    private final Map<String, String> settings = new TreeMap<>();
    private String jdbcUrl;

    /**
     * @param naming         {@code jpa} (Hibernate's defaults) or {@code spring} (Spring Boot's strategies)
     * @param beanValidation whether a Bean Validation provider may apply constraints to the DDL
     */
    HibernateSchemaReader(String naming, boolean beanValidation) {
        this.naming = naming;
        this.beanValidation = beanValidation;
    }

    /** One more Hibernate setting, as an application sets it ({@code hibernate.auto_quote_keyword=true}). */
    HibernateSchemaReader with(String setting, String value) {
        settings.put(setting, value);
        return this;
    }

    /**
     * Boots Hibernate on a PostgreSQL connection, as an application does: the dialect is then built from the
     * connection's metadata (the server's version, the keywords its driver reports) instead of with no database.
     */
    HibernateSchemaReader connectedTo(String url) {
        this.jdbcUrl = url;
        return this;
    }

    /** The PostgreSQL DDL script Hibernate generated during {@link #read}. */
    String ddl() {
        return ddl.toString();
    }

    /** Boots Hibernate over {@code entities} and normalizes its mapping. */
    NormalizedSchema read(Collection<Class<?>> entities) {
        StandardServiceRegistry registry = registry();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            Map<Column, String> columnDefinitions = columnDefinitions(metadata);
            try (SessionFactory ignored = metadata.buildSessionFactory()) {
                return normalize(metadata, columnDefinitions);
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private StandardServiceRegistry registry() {
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder();
        if (jdbcUrl == null) {
            builder.applySetting(AvailableSettings.DIALECT, PostgreSQLDialect.class.getName())
                    .applySetting(AvailableSettings.ALLOW_METADATA_ON_BOOT, "false");
        } else {
            builder.applySetting(AvailableSettings.JAKARTA_JDBC_URL, jdbcUrl)
                    .applySetting(AvailableSettings.POOL_SIZE, "1");
        }
        builder.applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                // Generating the create script, as ddl-auto=create would, also makes Hibernate order the
                // columns of composite primary keys the way its DDL does (ColumnOrderingStrategyStandard:
                // by physical size, then name), instead of leaving the mapping's attribute order.
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "create")
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, ddl)
                .applySetting(AvailableSettings.HBM2DDL_DELIMITER, ";")
                // AUTO is the default: Bean Validation reaches the DDL whenever a provider is present.
                .applySetting(AvailableSettings.JAKARTA_VALIDATION_MODE, beanValidation ? "auto" : "none");
        settings.forEach(builder::applySetting);
        if (naming.equals("spring")) {
            builder.applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
                    CamelCaseToUnderscoresNamingStrategy.class.getName());
            builder.applySetting(AvailableSettings.IMPLICIT_NAMING_STRATEGY,
                    SpringImplicitNamingStrategy.class.getName());
        }
        return builder.build();
    }

    /**
     * Each column's {@code columnDefinition}, read before anything asks for a rendered type:
     * {@code Column.getSqlType(Metadata)} caches the rendered type in the same field, and the tables of
     * a TABLE_PER_CLASS hierarchy share their inherited Column objects.
     */
    private static Map<Column, String> columnDefinitions(Metadata metadata) {
        Map<Column, String> definitions = new IdentityHashMap<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (Table table : namespace.getTables()) {
                for (Column column : table.getColumns()) {
                    definitions.putIfAbsent(column, column.getSqlType());
                }
            }
        }
        return definitions;
    }

    private NormalizedSchema normalize(Metadata metadata, Map<Column, String> columnDefinitions) {
        Dialect dialect = metadata.getDatabase().getDialect();
        NormalizedSchema schema = new NormalizedSchema();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (Table table : namespace.getTables()) {
                // Abstract TABLE_PER_CLASS roots and subselects are in the model but not in the database.
                if (table.isPhysicalTable()) {
                    addTable(schema, table, metadata, dialect, columnDefinitions);
                }
            }
            // Sequences of SequenceStyleGenerator are registered while the metadata is built.
            for (Sequence sequence : namespace.getSequences()) {
                var name = sequence.getName();
                String schemaName = name.getSchemaName() == null ? null : name.getSchemaName().getText();
                schema.addSequence(qualify(schemaName, name.getSequenceName().getText()),
                        NormalizedSchema.sequence(sequence.getInitialValue(), sequence.getIncrementSize(),
                                name.getSequenceName().isQuoted()));
            }
        }
        return schema;
    }

    private static void addTable(NormalizedSchema schema, Table table, Metadata metadata, Dialect dialect,
                                 Map<Column, String> columnDefinitions) {
        String name = tableName(table);
        schema.addTable(name, table.isQuoted() ? "quoted" : "");
        for (Column column : table.getColumns()) {
            int typeCode = column.getSqlTypeCode(metadata);
            Size size = column.getColumnSize(dialect, metadata);
            String columnDefinition = userColumnDefinition(columnDefinitions.get(column), typeCode, size, metadata);
            String type = typeName(typeCode, size);
            String rendered = columnDefinition != null ? null : "postgresql " + column.getSqlType(metadata);
            schema.add(name, "column " + column.getName(), NormalizedSchema.column(type, column.isNullable(),
                    column.isIdentity(), column.getDefaultValue(), columnDefinition, column.isQuoted()), null, rendered);
        }
        List<String> pk = List.of();
        if (table.getPrimaryKey() != null) {
            pk = names(table.getPrimaryKey().getColumns());
            schema.add(name, "primary key", list(pk), null);
        }
        for (UniqueKey key : table.getUniqueKeys().values()) {
            schema.add(name, "unique " + set(names(key.getColumns())), "", explicitName(key.getName()));
        }
        for (Column column : table.getColumns()) {
            if (column.isUnique() && !pk.equals(List.of(column.getName()))) {
                schema.add(name, "unique " + set(List.of(column.getName())), "", null);
            }
        }
        for (Index index : table.getIndexes().values()) {
            List<String> columns = index.getSelectables().stream().map(Selectable::getText).toList();
            String key = index.isUnique() ? "unique " + set(columns) : "index " + list(columns);
            schema.add(name, key, "", explicitName(index.getName()));
        }
        for (ForeignKey fk : table.getForeignKeys().values()) {
            // What the schema exporter skips: FKs to abstract union tables, and "none" (disabled) ones.
            if (fk.isPhysicalConstraint() && fk.isCreationEnabled()) {
                List<Column> referenced = fk.isReferenceToPrimaryKey()
                        ? fk.getReferencedTable().getPrimaryKey().getColumns() : fk.getReferencedColumns();
                String[] item = NormalizedSchema.foreignKey(names(fk.getColumns()), tableName(fk.getReferencedTable()),
                        names(referenced), fk.getOnDeleteAction() == null ? null : fk.getOnDeleteAction().name());
                schema.add(name, item[0], item[1], explicitName(fk.getName()));
            }
        }
        for (Column column : table.getColumns()) {
            for (CheckConstraint check : column.getCheckConstraints()) {
                schema.add(name, "check " + normalizeCheck(check.getConstraint()), "", explicitName(check.getName()));
            }
        }
        for (CheckConstraint check : table.getChecks()) {
            schema.add(name, "check " + normalizeCheck(check.getConstraint()), "", explicitName(check.getName()));
        }
    }

    /**
     * A column's {@code columnDefinition} as the mapping wrote it. Hibernate also fills it in itself, with
     * the dialect's own name of the column's type, for the columns of a table generator's table; that one
     * renders exactly as the type does, so it is not a definition the mapping gave.
     */
    private static String userColumnDefinition(String definition, int typeCode, Size size, Metadata metadata) {
        if (definition == null) {
            return null;
        }
        String rendered = metadata.getDatabase().getTypeConfiguration().getDdlTypeRegistry()
                .getTypeName(typeCode, size);
        return definition.equalsIgnoreCase(rendered) ? null : definition;
    }

    static String typeName(int code, Size size) {
        String name = TYPE_NAMES.getOrDefault(code, "UNKNOWN_" + code);
        return NormalizedSchema.columnType(name, size.getLength(), size.getPrecision(), size.getScale());
    }

    /**
     * A check condition in comparable form: {@code col in (A, B)} with the values sorted and unquoted,
     * {@code col between 0 and 4}, or the condition itself without double quotes.
     */
    static String normalizeCheck(String condition) {
        String text = condition.replace("\"", "").trim();
        Matcher in = IN_CHECK.matcher(text);
        if (in.matches()) {
            Set<String> values = new TreeSet<>();
            for (String v : in.group(2).split(",")) {
                values.add(v.trim().replaceAll("^'|'$", ""));
            }
            return in.group(1) + " in (" + String.join(", ", values) + ")";
        }
        Matcher between = BETWEEN_CHECK.matcher(text);
        if (between.matches()) {
            return between.group(1) + " between " + between.group(2) + " and " + between.group(3);
        }
        return text;
    }

    /** A name the mapping gives, without the quotes global quoting puts around it; {@code null} for generated ones. */
    private static String explicitName(String quotedName) {
        String name = quotedName != null && quotedName.length() > 1 && quotedName.startsWith("\"")
                && quotedName.endsWith("\"") ? quotedName.substring(1, quotedName.length() - 1) : quotedName;
        return name == null || name.isEmpty() || GENERATED_NAME.matcher(name).matches() ? null : name;
    }

    private static String tableName(Table table) {
        return qualify(table.getSchema(), table.getName());
    }

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::getName).toList();
    }

    private static Map<Integer, String> sqlTypeNames() {
        Map<Integer, String> names = new HashMap<>();
        for (Field field : SqlTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                try {
                    names.putIfAbsent(field.getInt(null), field.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }
}
