package io.github.entitymigrations.migrations;

import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.OperationTypes;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.operations.TableOperation;
import io.github.entitymigrations.schema.QualifiedName;
import java.util.LinkedHashSet;
import java.util.Set;

/** The tables and sequences an operation changes, to tell whether two branches can be put in a line. */
final class Touched {

    /**
     * Every operation touches something: tables, sequences, or what a sql step declares. Checked complete when the
     * class loads ({@link OperationTypes#decided}).
     */
    private static final Set<Class<?>> DECIDED = OperationTypes.decided("migrations.Touched",
            Set.of(CreateTable.class, DropTable.class, RenameTable.class, CreateSequence.class, DropSequence.class,
                    AlterSequence.class, Sql.class, TableOperation.class),
            Set.of());

    private Touched() {
    }

    static Set<String> by(Operation op) {
        Set<String> result = new LinkedHashSet<>();
        if (op instanceof CreateTable c) {
            result.add(table(c.table().schema(), c.table().name()));
            c.table().foreignKeys().forEach(fk -> result.add(table(fk.referencedSchema(), fk.referencedTable())));
        } else if (op instanceof DropTable d) {
            result.add(table(d.table().schema(), d.table().name()));
        } else if (op instanceof RenameTable r) {
            result.add(table(r.schema(), r.from()));
            result.add(table(r.schema(), r.to()));
        } else if (op instanceof CreateSequence c) {
            result.add(sequence(c.sequence().schema(), c.sequence().name()));
        } else if (op instanceof DropSequence d) {
            result.add(sequence(d.sequence().schema(), d.sequence().name()));
        } else if (op instanceof AlterSequence a) {
            result.add(sequence(a.from().schema(), a.from().name()));
        } else if (op instanceof Sql s) {
            s.schemaChanges().forEach(change -> result.addAll(by(change)));
        } else if (op instanceof TableOperation t) {
            result.add(table(t.schema(), t.table()));
            if (op instanceof AddForeignKey a) {
                // It depends on the referenced table, which the other branch might drop or rename.
                result.add(table(a.foreignKey().referencedSchema(), a.foreignKey().referencedTable()));
            }
        }
        return result;
    }

    private static String table(String schema, String name) {
        return "table " + QualifiedName.key(schema, name).replaceFirst("^\\.", "");
    }

    private static String sequence(String schema, String name) {
        return "sequence " + QualifiedName.key(schema, name).replaceFirst("^\\.", "");
    }
}
