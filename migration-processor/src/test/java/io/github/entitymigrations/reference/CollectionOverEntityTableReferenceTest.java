package io.github.entitymigrations.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.schema.Schema;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A set's join or collection table that is also an entity's table, whose key has more columns than the set's
 * (found on Cryptomator Hub: {@code Vault.effectiveMembers} over the entity {@code EffectiveVaultAccess}, keyed on
 * vault, authority and role). Hibernate binds the entity first and gives a collection no key over a table that has
 * one, so the table keeps the entity's; the processor replaced it with the set's two columns.
 */
class CollectionOverEntityTableReferenceTest {

    private static final JavaFileObject MEMBER = HibernateBoot.source("Member",
            "@Entity public class Member { @Id String id; }");
    private static final JavaFileObject VAULT = HibernateBoot.source("Vault",
            "import java.util.Set;",
            "@Entity public class Vault { @Id Long id;",
            "  @ManyToMany @JoinTable(name = \"vault_access\", joinColumns = @JoinColumn(name = \"vault_id\"),",
            "      inverseJoinColumns = @JoinColumn(name = \"member_id\")) Set<Member> members;",
            "  @ElementCollection @CollectionTable(name = \"vault_tag\", joinColumns = @JoinColumn(name = \"vault_id\"))",
            "  @Column(name = \"tag\") Set<String> tags; }");
    private static final JavaFileObject ACCESS = HibernateBoot.source("VaultAccess",
            "@Entity @Table(name = \"vault_access\") public class VaultAccess {",
            "  @EmbeddedId Key id;",
            "  public enum Role { MEMBER, OWNER }",
            "  @Embeddable public static class Key implements java.io.Serializable {",
            "    @Column(name = \"vault_id\") Long vaultId; @Column(name = \"member_id\") String memberId;",
            "    @Enumerated(EnumType.STRING) @Column(name = \"role\", nullable = false) Role role; } }");
    private static final JavaFileObject TAG = HibernateBoot.source("VaultTag",
            "@Entity @Table(name = \"vault_tag\") @IdClass(VaultTag.Key.class) public class VaultTag {",
            "  @Id @Column(name = \"vault_id\") Long vaultId; @Id String tag; @Id int position;",
            "  public static class Key implements java.io.Serializable { Long vaultId; String tag; int position; } }");

    @Test
    void theTableKeepsTheEntitysKeyAsInHibernate() {
        NormalizedSchema hibernate = HibernateBoot.read(
                List.of("test.Member", "test.Vault", "test.VaultAccess", "test.VaultTag"), MEMBER, VAULT, ACCESS, TAG);
        Schema snapshot = HibernateBoot.snapshot(MEMBER, VAULT, ACCESS, TAG);

        assertEquals(List.of("vault_id", "member_id", "role"),
                snapshot.tablesNamed("vault_access").get(0).primaryKey().columns());
        assertEquals(3, snapshot.tablesNamed("vault_tag").get(0).primaryKey().columns().size());
        assertTrue(hibernate.dump().contains("primary key: (vault_id, member_id, role)"), hibernate.dump());
        assertEquals(List.of(), hibernate.differences(SnapshotSchemaReader.normalize(snapshot)));
    }
}
