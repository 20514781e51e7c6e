package io.github.entitymigrations.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A read-only {@code @OneToOne} over join columns that basic attributes of the entity also map. Over one column
 * Hibernate creates no unique key (the basic attribute's column, bound first, is the table's; the one-to-one's
 * uniqueness was an attribute of its own column object); over several it creates the one-to-one's unique key on the
 * table's columns. The processor follows both, compared with the Hibernate on the class path.
 */
class SharedJoinColumnsReferenceTest {

    private static final JavaFileObject SITE = HibernateBoot.source("Site",
            "@Entity @IdClass(SiteId.class) public class Site { @Id String region; @Id int number; String label; }",
            "class SiteId implements java.io.Serializable { String region; int number; }");
    private static final JavaFileObject LEASE = HibernateBoot.source("Lease",
            "@Entity public class Lease {",
            "  @Id Long id;",
            "  @Column(name = \"site_region\") String siteRegion;",
            "  @Column(name = \"site_number\") Integer siteNumber;",
            "  @OneToOne @JoinColumns({",
            "    @JoinColumn(name = \"site_region\", referencedColumnName = \"region\","
                    + " insertable = false, updatable = false),",
            "    @JoinColumn(name = \"site_number\", referencedColumnName = \"number\","
                    + " insertable = false, updatable = false) })",
            "  Site site;",
            "}");
    private static final JavaFileObject PERMIT = HibernateBoot.source("Permit",
            "@Entity public class Permit {",
            "  @Id Long id;",
            "  @Column(name = \"lease_id\") Long leaseId;",
            "  @OneToOne @JoinColumn(name = \"lease_id\", insertable = false, updatable = false) Lease lease;",
            "}");

    @Test
    void uniqueOverSeveralSharedColumnsNoneOverOneAsInHibernate() {
        NormalizedSchema hibernate = HibernateBoot.read(List.of("test.Site", "test.Lease", "test.Permit"),
                SITE, LEASE, PERMIT);
        Schema snapshot = HibernateBoot.snapshot(SITE, LEASE, PERMIT);

        Table lease = snapshot.tablesNamed("Lease").get(0);
        assertEquals(1, lease.uniques().size(), "the one-to-one's key over both shared columns");
        assertEquals(List.of("site_number", "site_region"),
                lease.uniques().get(0).columns().stream().sorted().toList());
        assertEquals(List.of(), snapshot.tablesNamed("Permit").get(0).uniques(), "none over one shared column");
        assertTrue(hibernate.dump().contains("unique"), hibernate.dump());
        assertEquals(List.of(), hibernate.differences(SnapshotSchemaReader.normalize(snapshot)), hibernate.dump());
    }
}
