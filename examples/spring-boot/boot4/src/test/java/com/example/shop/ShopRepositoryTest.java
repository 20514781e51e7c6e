package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.entitymigrations.api.EntityMigrations;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.test.context.TestPropertySource;

/**
 * The JPA slice (Spring Boot 4's @DataJpaTest, on the real database: spring.test.database.replace=none): it
 * includes Entity Migrations' auto-configuration, so the schema is migrated before Hibernate validates it.
 * Each test runs in a transaction that is rolled back. On SQLite the slice has a database of its own, so
 * the migrations it applies are its own (the postgres profile passes shop.slice.url).
 */
@DataJpaTest
@TestPropertySource(properties = "spring.datasource.url=${shop.slice.url:jdbc:sqlite:target/shop-slice.db}")
class ShopRepositoryTest {

    @Autowired
    TestEntityManager em;

    @Autowired
    CustomerRepository customers;

    @Autowired
    PurchaseOrderRepository orders;

    @Autowired
    EntityMigrations migrations;

    @Test
    void theSliceMigratedItsDatabase() {
        assertThat(migrations.current()).isEqualTo("0001");
        assertThat(migrations.history()).hasSize(1);
    }

    @Test
    void persistsACustomerWithAnOrderAndReadsThemBack() {
        Customer grace = customers.save(new Customer("Grace Hopper", "grace-slice@example.com",
                new Address("1 Navy Yard", "Arlington", null)));
        PurchaseOrder order = new PurchaseOrder("PO-SLICE-1", grace);
        order.addLine("COBOL manual", 3, new BigDecimal("9.99"));
        orders.save(order);
        em.flush();
        em.clear();

        Customer read = customers.findByEmail("grace-slice@example.com").orElseThrow();
        assertThat(read.getId()).isNotNull();
        assertThat(read.getStatus()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(read.getAddress().getCity()).isEqualTo("Arlington");
        assertThat(read.getVersion()).isZero();
        assertThat(read.getOrders()).hasSize(1);
        assertThat(orders.findWithLinesByCustomerEmail("grace-slice@example.com").get(0).total())
                .isEqualByComparingTo(new BigDecimal("29.97"));
    }
}
