package com.example.shop;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * Boots Hibernate with {@code hibernate.hbm2ddl.auto=validate} against the database that
 * {@code mvn migration:upgrade} upgraded, so start-up fails unless the migrated schema is what the entities map
 * to; then persists a customer with an order and its lines, reads them back in a new session and prints a
 * summary. Any failure escapes {@code main}, so {@code java} exits non-zero and {@code exec:java} fails the
 * build.
 *
 * <p>Arguments: a PostgreSQL or MariaDB JDBC URL with its user and password ({@code jdbc:postgresql://host/db
 * user password}, {@code jdbc:mariadb://host/db user password}), or the path of an SQLite database file; with
 * none, the system property {@code shop.db}, else {@code entity-migrations.db} in the working directory (where
 * the migration goals put it by default).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].startsWith("jdbc:") && !args[0].startsWith("jdbc:sqlite:")) {
            try (SessionFactory factory = boot(args[0], args.length > 1 ? args[1] : null,
                    args.length > 2 ? args[2] : null)) {
                run(factory);
            }
            return;
        }
        Path db = Path.of(args.length > 0 ? args[0] : System.getProperty("shop.db", "entity-migrations.db"))
                .toAbsolutePath();
        if (!Files.isRegularFile(db)) {
            // SQLite would silently create an empty file; say what to run instead.
            throw new IllegalStateException("No database at " + db + ": run `mvn migration:upgrade` first");
        }
        try (SessionFactory factory = boot("jdbc:sqlite:" + db, null, null)) {
            run(factory);
        }
    }

    static SessionFactory boot(String url, String user, String password) {
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, url)
                // Refuse to start unless every table, column (with its type) and sequence is there.
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate");
        if (user != null && !user.isBlank()) {
            settings.applySetting(AvailableSettings.JAKARTA_JDBC_USER, user);
        }
        if (password != null && !password.isEmpty()) {
            settings.applySetting(AvailableSettings.JAKARTA_JDBC_PASSWORD, password);
        }
        if (url.startsWith("jdbc:sqlite:")) {
            // PostgreSQL's and MariaDB's dialects are detected; SQLite's lives in hibernate-community-dialects.
            settings.applySetting(AvailableSettings.DIALECT, "org.hibernate.community.dialect.SQLiteDialect")
                    // sqlite-jdbc cannot answer the all-columns metadata query on large schemas
                    // (xerial/sqlite-jdbc#487); per table, the validator checks exactly the same.
                    .applySetting(AvailableSettings.HBM2DDL_JDBC_METADATA_EXTRACTOR_STRATEGY, "individually")
                    // Two: on SQLite a sequence is a one-row table that Hibernate reads and bumps on a
                    // connection of its own, while the session holds the other.
                    .applySetting(AvailableSettings.POOL_SIZE, "2");
        }
        StandardServiceRegistry registry = settings.build();
        try {
            return new MetadataSources(registry)
                    .addAnnotatedClass(Customer.class)
                    .addAnnotatedClass(PurchaseOrder.class)
                    .addAnnotatedClass(OrderLine.class)
                    .buildMetadata()
                    .buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    static void run(SessionFactory factory) {
        // Millisecond precision: what sqlite-jdbc keeps of a timestamp (PostgreSQL and MariaDB keep microseconds).
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // Unique per run, so the example can run again against the same database.
        String suffix = Long.toString(now.toEpochMilli(), 36);
        String email = "ada-" + suffix + "@example.com";
        String number = "PO-" + suffix;

        Long orderId = factory.fromTransaction(session -> {
            Customer customer = new Customer(email, "Ada Lovelace", CustomerStatus.ACTIVE, now);
            session.persist(customer);
            PurchaseOrder order = new PurchaseOrder(number, customer, now);
            session.persist(order);
            session.persist(new OrderLine(order, 1, "Analytical Engine manual", 2, new BigDecimal("19.90")));
            session.persist(new OrderLine(order, 2, "Punched cards (box)", 3, new BigDecimal("4.25")));
            return order.getId();
        });

        String summary = factory.fromTransaction(session -> {
            PurchaseOrder order = session.createSelectionQuery(
                            "from PurchaseOrder o join fetch o.customer where o.id = :id", PurchaseOrder.class)
                    .setParameter("id", orderId)
                    .getSingleResult();
            List<OrderLine> lines = order.getLines();
            Customer customer = order.getCustomer();
            check(customer.getEmail().equals(email), "customer email " + customer.getEmail());
            check(customer.getStatus() == CustomerStatus.ACTIVE, "customer status " + customer.getStatus());
            check(customer.getCreatedAt().equals(now), "customer createdAt " + customer.getCreatedAt());
            check(order.getNumber().equals(number), "order number " + order.getNumber());
            check(lines.size() == 2, lines.size() + " order lines");
            check(lines.get(0).getId() != null && lines.get(0).getPosition() == 1, "first line");
            BigDecimal total = order.total();
            check(total.compareTo(new BigDecimal("52.55")) == 0, "order total " + total);
            long customers = session.createSelectionQuery("select count(*) from Customer", Long.class)
                    .getSingleResult();
            return "Shop OK: customer " + customer.getName() + " <" + customer.getEmail() + "> ("
                    + customer.getStatus() + "), order " + order.getNumber() + " with " + lines.size()
                    + " lines, total " + total + "; " + customers + " customer(s) in the database";
        });
        System.out.println(summary);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Read back wrong data: " + what);
        }
    }
}
