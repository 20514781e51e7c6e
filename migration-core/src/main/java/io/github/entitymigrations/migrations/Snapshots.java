package io.github.entitymigrations.migrations;

import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.SchemaJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the entity snapshot the processor wrote, or says how to get one. */
public final class Snapshots {

    static final String SETUP = """
            <plugin>
              <artifactId>maven-compiler-plugin</artifactId>
              <configuration>
                <annotationProcessorPaths>
                  <path>
                    <groupId>io.github.entitymigrations</groupId>
                    <artifactId>migration-processor</artifactId>
                    <version>%s</version>
                  </path>
                </annotationProcessorPaths>
              </configuration>
            </plugin>""";

    private Snapshots() {
    }

    /**
     * The Hibernate version the snapshot follows, as a sentence part for messages. A snapshot that does not
     * record one was written by a processor that followed Hibernate 6.6 only.
     */
    public static String followedHibernate(Schema snapshot) {
        String version = snapshot.hibernate() == null ? "6.6" : snapshot.hibernate();
        return "the entity snapshot follows Hibernate " + version;
    }

    public static Schema read(Path snapshot) {
        if (!Files.isRegularFile(snapshot)) {
            throw new MigrationException("No entity snapshot at " + snapshot + ".\n"
                    + Advice.current().phrase(Advice.Phrase.COMPILE_FIRST)
                    + ", and make sure migration-processor is on "
                    + "maven-compiler-plugin's annotationProcessorPaths, with every other processor you use:\n"
                    + SETUP.formatted(PluginVersion.get()));
        }
        try {
            return SchemaJson.read(Files.readString(snapshot));
        } catch (IOException | IllegalArgumentException e) {
            throw new MigrationException("Cannot read the entity snapshot " + snapshot + ": " + e.getMessage()
                    + ". " + Advice.current().phrase(Advice.Phrase.RECOMPILE), e);
        }
    }
}
