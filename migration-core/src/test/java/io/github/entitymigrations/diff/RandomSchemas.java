package io.github.entitymigrations.diff;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.NamingStrategy;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A seeded generator of valid schemas (as the processor writes them: foreign keys reference a primary key,
 * key columns are NOT NULL, constraint names are unique in their table). Names come from small pools, so two
 * independent schemas share tables and columns and their diff has alterations, not only drops and creates.
 * {@link Mutations} derives a second schema from a first one.
 */
public final class RandomSchemas {

    static final String[] TABLES = {"alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "lambda"};
    static final String[] COLUMNS = {"code", "name", "amount", "created", "flag", "note", "qty", "status", "label",
        "kind", "score", "price"};
    static final String[] SEQUENCES = {"alpha_seq", "beta_seq", "gamma_seq", "shared_seq"};

    final Random random;
    private int fresh;

    public RandomSchemas(long seed) {
        this.random = new Random(seed);
    }

    /** A schema of 0 to 5 tables, with foreign keys among them (self-references and cycles included). */
    public Schema schema() {
        Model m = new Model(new ArrayList<>(), new ArrayList<>());
        int tables = random.nextInt(6);
        for (int i = 0; i < tables; i++) {
            addTable(m);
        }
        for (MTable t : List.copyOf(m.tables)) {
            for (int i = random.nextInt(3); i > 0; i--) {
                addForeignKey(m, t);
            }
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            addSequence(m);
        }
        return m.toSchema();
    }

    MTable addTable(Model m) {
        // Not the old name of a table renamed in this change: generate refuses a new table taking it at once.
        String name = unused(TABLES, n -> m.table(n) == null
                && m.tables().stream().noneMatch(o -> n.equalsIgnoreCase(o.renamedFrom)));
        if (name == null) {
            return null;
        }
        MTable t = new MTable(name);
        int keyColumns = random.nextInt(10) == 0 ? 0 : random.nextInt(5) == 0 ? 2 : 1;
        List<String> key = new ArrayList<>();
        for (int i = 0; i < keyColumns; i++) {
            String col = i == 0 ? "id" : "version";
            ColumnType type = i == 0 ? pick(ColumnType.of("BIGINT"), ColumnType.of("INTEGER"),
                    ColumnType.ofLength("VARCHAR", 36), ColumnType.of("UUID")) : ColumnType.of("INTEGER");
            boolean identity = keyColumns == 1 && type.name().endsWith("INT") && random.nextBoolean();
            t.columns.add(new Column(col, type, false, identity, null, null, false, null));
            key.add(col);
        }
        if (!key.isEmpty()) {
            t.pk = new PrimaryKey("pk_" + name, key);
        }
        for (int i = 1 + random.nextInt(Math.max(1, 6 - keyColumns - 1)); i > 0 && t.columns.size() < 6; i--) {
            addColumn(t);
        }
        for (int i = random.nextInt(2); i > 0; i--) {
            addUnique(t);
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            addIndex(t);
        }
        for (int i = random.nextInt(2); i > 0; i--) {
            addCheck(t);
        }
        m.tables.add(t);
        return t;
    }

    Column addColumn(MTable t) {
        String name = unused(COLUMNS, n -> t.column(n) == null && !renamedAway(t, n));
        if (name == null) {
            return null;
        }
        Column c = new Column(name, type(), random.nextInt(3) > 0, false, null, null, false, null);
        c = withDefault(c, random.nextInt(4) == 0);
        t.columns.add(c);
        return c;
    }

    ColumnType type() {
        return switch (random.nextInt(10)) {
            case 0 -> ColumnType.of("INTEGER");
            case 1 -> ColumnType.of("BIGINT");
            case 2 -> ColumnType.of("SMALLINT");
            case 3, 4 -> ColumnType.ofLength("VARCHAR", pick(10, 50, 100, 255));
            case 5 -> ColumnType.numeric("NUMERIC", pick(8, 10, 12), pick(0, 2, 4));
            case 6 -> ColumnType.of("BOOLEAN");
            case 7 -> ColumnType.of("TIMESTAMP");
            case 8 -> ColumnType.of("CLOB");
            default -> ColumnType.ofLength("CHAR", pick(1, 3));
        };
    }

    Column withDefault(Column c, boolean give) {
        String value = !give ? null : c.type().name().equals("VARCHAR") || c.type().name().equals("CHAR")
                || c.type().name().equals("CLOB") ? "'" + pick("x", "y") + "'" : c.type().name().equals("BOOLEAN")
                ? pick("true", "false") : c.type().name().equals("TIMESTAMP") ? "CURRENT_TIMESTAMP" : pick("0", "1");
        if (c.type().name().equals("CLOB")) {
            value = null; // PostgreSQL's CLOB is an oid (as Hibernate maps it), which takes no text default
        }
        return new Column(c.name(), c.type(), c.nullable(), c.identity(), value, c.columnDefinition(), c.quoted(),
                c.renamedFrom());
    }

    void addUnique(MTable t) {
        List<String> cols = someColumns(t, false);
        if (!cols.isEmpty() && t.uniques.stream().noneMatch(u -> Model.sameSet(u.columns(), cols))) {
            t.uniques.add(new UniqueConstraint(t.freeName("uk_" + t.name + "_" + String.join("_", cols)), cols));
        }
    }

    void addIndex(MTable t) {
        List<String> cols = someColumns(t, true);
        boolean unique = random.nextInt(3) == 0;
        if (!cols.isEmpty() && t.indexes.stream().noneMatch(i -> i.unique() == unique
                && Model.lower(i.columns()).equals(Model.lower(cols)))) {
            t.indexes.add(new Index(t.freeName((unique ? "ux_" : "ix_") + t.name + "_" + String.join("_", cols)), cols,
                    unique));
        }
    }

    void addCheck(MTable t) {
        if (t.columns.isEmpty()) {
            return;
        }
        Column c = t.columns.get(random.nextInt(t.columns.size()));
        String name = t.freeName("ck_" + t.name + "_" + c.name());
        CheckConstraint check = switch (random.nextInt(3)) {
            case 0 -> CheckConstraint.in(name, c.name(),
                    random.nextBoolean() ? List.of("A", "B") : List.of("A", "B", "C"));
            case 1 -> CheckConstraint.between(name, c.name(), 0, pick(3L, 9L));
            default -> CheckConstraint.expression(name, null, pick("1 = 1", "2 > 1"));
        };
        String content = Keys.of(check);
        if (t.checks.stream().noneMatch(k -> Keys.of(k).equals(content))) {
            t.checks.add(check);
        }
    }

    /**
     * A foreign key from {@code t} to the primary key of a random table (maybe {@code t} itself), through new
     * columns {@code <target>_<key column>} of the key columns' types.
     */
    void addForeignKey(Model m, MTable t) {
        List<MTable> targets = m.tables.stream().filter(x -> x.pk != null).toList();
        if (targets.isEmpty()) {
            return;
        }
        MTable target = targets.get(random.nextInt(targets.size()));
        List<String> cols = new ArrayList<>();
        boolean nullable = random.nextBoolean();
        for (String key : target.pk.columns()) {
            String name = (target.name + "_" + key).toLowerCase(Locale.ROOT);
            if (t.column(name) != null || renamedAway(t, name)) {
                return;
            }
            cols.add(name);
        }
        for (int i = 0; i < cols.size(); i++) {
            ColumnType type = target.column(target.pk.columns().get(i)).type();
            t.columns.add(new Column(cols.get(i), type, nullable, false, null, null, false, null));
        }
        t.fks.add(new ForeignKey(t.freeName("fk_" + t.name + "_" + String.join("_", cols)), cols, null, target.name,
                target.pk.columns(), random.nextBoolean() ? OnDelete.NO_ACTION : OnDelete.CASCADE));
    }

    void addSequence(Model m) {
        String name = unused(SEQUENCES, n -> m.sequences.stream().noneMatch(s -> s.name().equalsIgnoreCase(n)));
        if (name != null) {
            m.sequences.add(new Sequence(null, name, pick(1L, 100L), pick(1L, 50L)));
        }
    }

    /** One to two columns of {@code t} (ordered at random when {@code ordered}), or none. */
    List<String> someColumns(MTable t, boolean ordered) {
        if (t.columns.isEmpty()) {
            return List.of();
        }
        List<String> cols = new ArrayList<>();
        cols.add(t.columns.get(random.nextInt(t.columns.size())).name());
        Column second = t.columns.get(random.nextInt(t.columns.size()));
        if (random.nextBoolean() && !second.name().equalsIgnoreCase(cols.get(0))) {
            cols.add(ordered || random.nextBoolean() ? cols.size() : 0, second.name());
        }
        return cols;
    }

    /** Whether a column of {@code t} was renamed from {@code name} in this change (its name is not free yet). */
    static boolean renamedAway(MTable t, String name) {
        return t.columns.stream().anyMatch(c -> name.equalsIgnoreCase(c.renamedFrom()));
    }

    String unused(String[] pool, Predicate<String> free) {
        List<String> candidates = java.util.Arrays.stream(pool).filter(free).toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    String freshName(String prefix) {
        return prefix + (++fresh);
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** A table being generated or mutated. */
    static final class MTable {
        String name;
        String renamedFrom;
        List<Column> columns = new ArrayList<>();
        PrimaryKey pk;
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        List<ForeignKey> fks = new ArrayList<>();

        MTable(String name) {
            this.name = name;
        }

        static MTable of(Table t) {
            MTable m = new MTable(t.name());
            m.columns.addAll(t.columns().stream().map(c -> new Column(c.name(), c.type(), c.nullable(), c.identity(),
                    c.defaultValue(), c.columnDefinition(), c.quoted(), null)).toList());
            m.pk = t.primaryKey();
            m.uniques.addAll(t.uniques());
            m.indexes.addAll(t.indexes());
            m.checks.addAll(t.checks());
            m.fks.addAll(t.foreignKeys());
            return m;
        }

        Table toTable() {
            return new Table(null, name, false, renamedFrom, List.of(), columns, pk, uniques, indexes, checks, fks);
        }

        Column column(String n) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(n)).findFirst().orElse(null);
        }

        /** {@code base}, or {@code base} with a number, so no two keys, constraints or indexes share a name. */
        String freeName(String base) {
            String name = base;
            for (int i = 2; taken(name); i++) {
                name = base + "_" + i;
            }
            return name;
        }

        boolean taken(String n) {
            List<String> names = new ArrayList<>();
            if (pk != null) {
                names.add(pk.name());
            }
            uniques.forEach(u -> names.add(u.name()));
            indexes.forEach(i -> names.add(i.name()));
            checks.forEach(c -> names.add(c.name()));
            fks.forEach(f -> names.add(f.name()));
            return names.stream().anyMatch(x -> x.equalsIgnoreCase(n));
        }
    }

    /** A schema being generated or mutated. */
    record Model(List<MTable> tables, List<Sequence> sequences) {

        static Model of(Schema s) {
            return new Model(new ArrayList<>(s.tables().stream().map(MTable::of).toList()),
                    new ArrayList<>(s.sequences()));
        }

        MTable table(String name) {
            return tables.stream().filter(t -> t.name.equalsIgnoreCase(name)).findFirst().orElse(null);
        }

        Schema toSchema() {
            return new Schema(NamingStrategy.JPA, tables.stream().map(MTable::toTable).toList(), sequences);
        }

        static List<String> lower(List<String> names) {
            return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        }

        static boolean sameSet(List<String> a, List<String> b) {
            return new java.util.HashSet<>(lower(a)).equals(new java.util.HashSet<>(lower(b)));
        }
    }
}
