package io.github.entitymigrations.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A unique constraint over exactly an entity's primary key columns: Hibernate orders the key by it and leaves it out
 * (its {@code Table} drops a unique key that is the primary key's), and so does the processor. PostgreSQL and SQLite
 * leave it out of a {@code create table} as well, so a snapshot keeping it was drift on every migrated database and
 * its later removal a {@code drop constraint} of a constraint that did not exist.
 */
class UniqueOverPrimaryKeyReferenceTest {

    private static final JavaFileObject TOKEN = HibernateBoot.source("Token",
            "@Entity @Table(uniqueConstraints = @UniqueConstraint(name = \"uk_token_id\", columnNames = \"id\"))",
            "public class Token { @Id Long id; @Column(unique = true) String value; }");
    private static final JavaFileObject SLOT = HibernateBoot.source("Slot",
            "@Entity @IdClass(SlotId.class)",
            "@Table(uniqueConstraints = @UniqueConstraint(name = \"uk_slot_key\", columnNames = {\"day\", \"room\"}))",
            "public class Slot { @Id String room; @Id int day; String label; }",
            "class SlotId implements java.io.Serializable { String room; int day; }");

    @Test
    void leftOutAsByHibernateWhichOrdersTheKeyByIt() {
        NormalizedSchema hibernate = HibernateBoot.read(List.of("test.Token", "test.Slot"), TOKEN, SLOT);
        Schema snapshot = HibernateBoot.snapshot(TOKEN, SLOT);

        Table token = snapshot.tablesNamed("Token").get(0);
        assertEquals(List.of("uk_Token_value"), token.uniques().stream().map(u -> u.name()).toList(),
                "only the unique constraint beside the key");
        Table slot = snapshot.tablesNamed("Slot").get(0);
        assertEquals(List.of(), slot.uniques());
        assertEquals(List.of("day", "room"), slot.primaryKey().columns(), "the key in the unique constraint's order");
        assertTrue(hibernate.dump().contains("primary key: (day, room)"), hibernate.dump());
        assertEquals(List.of(), hibernate.differences(SnapshotSchemaReader.normalize(snapshot)));
    }
}
