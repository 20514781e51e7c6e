package com.example.fruits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The application starts (Hibernate validated the migrated schema), stores fruit and their harvests, and reads them
 * back in another transaction.
 */
@QuarkusTest
class FruitsTest {

    @Test
    void storesAndReadsFruitAndHarvests() {
        QuarkusTransaction.requiringNew().run(() -> {
            Fruit apple = new Fruit();
            apple.name = "apple";
            apple.color = "red";
            apple.persist();
            for (Quality q : List.of(Quality.PREMIUM, Quality.JUICE)) {
                Harvest h = new Harvest();
                h.fruit = apple;
                h.day = LocalDate.of(2026, 9, q == Quality.PREMIUM ? 14 : 21);
                h.kilograms = new BigDecimal(q == Quality.PREMIUM ? "120.50" : "64.25");
                h.quality = q;
                h.persist();
            }
        });
        QuarkusTransaction.requiringNew().run(() -> {
            Fruit apple = Fruit.findByName("apple");
            assertNotNull(apple, "the fruit was stored");
            List<Harvest> harvests = Harvest.of(apple);
            assertEquals(2, harvests.size());
            assertEquals(new BigDecimal("184.75"), harvests.stream().map(h -> h.kilograms)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            System.out.println("Fruits OK: " + apple.name + " (" + apple.color + "), " + harvests.size()
                    + " harvests, " + Fruit.count() + " fruit in the database");
        });
    }
}
