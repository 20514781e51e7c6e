package io.github.entitymigrations.processor;

import static io.github.entitymigrations.processor.SnapshotCompiler.column;
import static io.github.entitymigrations.processor.SnapshotCompiler.columnNames;
import static io.github.entitymigrations.processor.SnapshotCompiler.compile;
import static io.github.entitymigrations.processor.SnapshotCompiler.foreignKey;
import static io.github.entitymigrations.processor.SnapshotCompiler.source;
import static io.github.entitymigrations.processor.SnapshotCompiler.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where {@code table = ...} puts a column. (HibernateReferenceTest proves the secondary tables of the supply
 * fixtures against Hibernate; these are the cases around them, each checked against Hibernate 6.6 by hand.)
 */
class SecondaryTableMappingTest {

    @Test
    void aSingleTableSubclassMayNameItsHierarchysTable() {
        Schema schema = compile(
                source("Root", "@Entity @Table(name = \"roots\") public class Root { @Id Long id; }"),
                source("Leaf", "@Entity public class Leaf extends Root { @Column(table = \"roots\") String x; }"));

        assertEquals(List.of("id", "DTYPE", "x"), columnNames(table(schema, "roots")));
    }

    @Test
    void aSecondaryTableIsKeyedByTheEntityKeyWithAForeignKeyToIt() {
        Schema schema = compile(source("Member",
                "@Entity @SecondaryTable(name = \"member_profile\")",
                "public class Member {",
                "  @Id Long id;",
                "  @Column(table = \"member_profile\") int visits;",
                "  @Column(table = \"member_profile\", nullable = false) String bio;",
                "}"));

        Table profile = table(schema, "member_profile");
        assertEquals(List.of("id"), profile.primaryKey().columns());
        assertEquals("Member", foreignKey(profile, "id").referencedTable());
        assertTrue(column(profile, "visits").nullable(), "a primitive in a secondary table is nullable");
        assertEquals(false, column(profile, "bio").nullable());
        assertEquals(List.of("id"), columnNames(table(schema, "Member")));
    }
}
