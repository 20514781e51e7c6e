package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.entitymigrations.api.EntityMigrations;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application: the auto-configuration migrated the database before Hibernate validated it
 * (ddl-auto=validate), and the transactional service writes and reads through Spring Data JPA.
 */
@SpringBootTest
class ShopApplicationTest {

    @Autowired
    ShopService shop;

    @Autowired
    PurchaseOrderRepository orders;

    @Autowired
    EntityMigrations migrations;

    @Test
    void theDatabaseIsAtHead() {
        assertThat(migrations.pending()).isEmpty();
        assertThat(migrations.current()).isEqualTo("0001");
        migrations.check();
    }

    @Test
    void placesAnOrderInOneTransactionAndReadsItBack() {
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        Customer ada = shop.register("Ada Lovelace", email, new Address("12 St James's Square", "London", "SW1Y"));
        assertThat(ada.getId()).isNotNull();

        PurchaseOrder placed = shop.placeOrder(email, "PO-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(placed.getId()).isNotNull();
        assertThat(placed.getVersion()).isZero();

        List<PurchaseOrder> read = orders.findWithLinesByCustomerEmail(email);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).getLines()).hasSize(2);
        assertThat(read.get(0).total()).isEqualByComparingTo(new BigDecimal("52.60"));
        assertThat(read.get(0).getStatus()).isEqualTo(OrderStatus.PLACED);
        System.out.println("Shop OK: order " + read.get(0).getOrderNumber() + " of " + email + " with "
                + read.get(0).getLines().size() + " lines, total " + read.get(0).total());
    }
}
