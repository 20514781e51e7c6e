package io.github.entitymigrations.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.api.Fixtures.Db;
import io.github.entitymigrations.migrations.Console;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.loader.net.protocol.Handlers;

/**
 * {@code classpath:db/migrations} in a Spring Boot executable jar (Boot 3.2+): the application's classes are
 * {@code BOOT-INF/classes/} inside the jar, reached through Boot's own {@code jar:nested:} URLs
 * ({@code jar:nested:/app.jar/!BOOT-INF/classes/!/db/migrations}), as Boot's launcher class loader has them.
 */
class SpringBootJarLocationTest {

    @TempDir
    Path tmp;

    @Test
    void migrationsInBootInfClassesOfAnExecutableJar() throws Exception {
        List<String[]> entries = new ArrayList<>(Fixtures.migrationEntries("BOOT-INF/classes/db/migrations", 3));
        entries.add(new String[] {"BOOT-INF/classes/application.properties", "spring.application.name=app\n"});
        Path jar = Fixtures.jar(tmp.resolve("app.jar"), entries);
        Handlers.register(); // what Boot's launcher does first: its jar: and nested: handlers
        URL classes = new URL("jar:nested:" + jar.toAbsolutePath() + "/!BOOT-INF/classes/!/");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, null)) {
            URL found = loader.getResource("db/migrations");
            assertTrue(String.valueOf(found).startsWith("jar:nested:" + jar.toAbsolutePath()
                    + "/!BOOT-INF/classes/!/db/migrations"), String.valueOf(found));
            EntityMigrations m = EntityMigrations.configure().dataSource(Db.sqlite(tmp.resolve("app.db")).dataSource())
                    .classLoader(loader).console(Console.SILENT).load();
            assertEquals(List.of("0001", "0002", "0003"), m.pending());
            m.upgrade();
            assertEquals("0003", m.current());
        }
    }
}
