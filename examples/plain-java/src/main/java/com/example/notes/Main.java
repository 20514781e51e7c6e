package com.example.notes;

import io.github.entitymigrations.api.EntityMigrations;
import io.github.entitymigrations.api.MigrationInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.sqlite.SQLiteDataSource;

/**
 * Starts as an application would: applies the migrations packaged in its jar (classpath:db/migrations) to
 * its database with the library API, checks that the database is at head and matches the entities, then
 * uses the table. Usage: {@code java -cp notes.jar:<dependencies> com.example.notes.Main path/to/notes.db}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + (args.length > 0 ? args[0] : "notes.db"));

        System.out.println("Migrations from " + Main.class.getClassLoader().getResource("db/migrations"));
        EntityMigrations migrations = EntityMigrations.configure()
                .dataSource(dataSource)                 // the location defaults to classpath:db/migrations
                .load();
        migrations.upgrade();
        migrations.check();                             // at head, and the migrations match the entities
        System.out.println("current: " + migrations.current());
        for (MigrationInfo m : migrations.history()) {
            System.out.println("history: " + m.id() + " " + (m.applied() ? "applied" : "pending") + " " + m.message());
        }

        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("insert into Note (id, text) values (?, ?)")) {
                insert.setLong(1, System.nanoTime());
                insert.setString(2, "migrated from the jar");
                insert.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from Note")) {
                rs.next();
                System.out.println("Notes OK: " + rs.getLong(1) + " note(s) in the database");
            }
        }
    }
}
