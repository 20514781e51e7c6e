package io.github.entitymigrations.operations;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One dialect-neutral schema change, as data. Each operation carries the state it needs to reverse
 * itself (a dropped table keeps its definition, an altered column its previous form), so a downgrade is
 * the reversed list of reversed operations, never a guess.
 *
 * <p>Every operation writes its {@code equals} out, each component compared as the record's own would: a record's
 * own is linked through method handles the first time it runs, which in a fresh JVM spins some fifty classes (and
 * the JIT then compiles the code that spins them) before the first migration is applied; the checks compare every
 * migration's downgrade steps with its upgrade's. The record's own {@code hashCode} agrees with it;
 * {@code OperationEqualityTest} holds both to that.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CreateTable.class, name = "create_table"),
    @JsonSubTypes.Type(value = DropTable.class, name = "drop_table"),
    @JsonSubTypes.Type(value = RenameTable.class, name = "rename_table"),
    @JsonSubTypes.Type(value = AddColumn.class, name = "add_column"),
    @JsonSubTypes.Type(value = DropColumn.class, name = "drop_column"),
    @JsonSubTypes.Type(value = AlterColumn.class, name = "alter_column"),
    @JsonSubTypes.Type(value = RenameColumn.class, name = "rename_column"),
    @JsonSubTypes.Type(value = AddPrimaryKey.class, name = "add_primary_key"),
    @JsonSubTypes.Type(value = DropPrimaryKey.class, name = "drop_primary_key"),
    @JsonSubTypes.Type(value = AddUnique.class, name = "add_unique"),
    @JsonSubTypes.Type(value = DropUnique.class, name = "drop_unique"),
    @JsonSubTypes.Type(value = CreateIndex.class, name = "create_index"),
    @JsonSubTypes.Type(value = DropIndex.class, name = "drop_index"),
    @JsonSubTypes.Type(value = AddCheck.class, name = "add_check"),
    @JsonSubTypes.Type(value = DropCheck.class, name = "drop_check"),
    @JsonSubTypes.Type(value = AddForeignKey.class, name = "add_foreign_key"),
    @JsonSubTypes.Type(value = DropForeignKey.class, name = "drop_foreign_key"),
    @JsonSubTypes.Type(value = CreateSequence.class, name = "create_sequence"),
    @JsonSubTypes.Type(value = DropSequence.class, name = "drop_sequence"),
    @JsonSubTypes.Type(value = AlterSequence.class, name = "alter_sequence"),
    @JsonSubTypes.Type(value = Sql.class, name = "sql")
})
public sealed interface Operation permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn,
        RenameColumn, AddPrimaryKey, DropPrimaryKey, AddUnique, DropUnique, CreateIndex, DropIndex, AddCheck,
        DropCheck, AddForeignKey, DropForeignKey, CreateSequence, DropSequence, AlterSequence, Sql {

    /** The operation that undoes this one. */
    Operation reverse();

    /** Applies the change to a schema being replayed; fails if the schema does not allow it. */
    void applyTo(SchemaState state);

    /** One line for people: logs, {@code check} output, warnings. */
    String describe();

    /** Whether running it can lose data (a dropped table or column, a narrowed type). */
    @JsonIgnore
    default boolean isDestructive() {
        return false;
    }
}
