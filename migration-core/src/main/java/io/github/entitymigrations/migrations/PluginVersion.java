package io.github.entitymigrations.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version, for messages that show a snippet to paste. */
final class PluginVersion {

    private PluginVersion() {
    }

    static String get() {
        Properties p = new Properties();
        try (InputStream in = PluginVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "<version of migration-maven-plugin>";
        }
        return p.getProperty("version", "<version of migration-maven-plugin>");
    }
}
