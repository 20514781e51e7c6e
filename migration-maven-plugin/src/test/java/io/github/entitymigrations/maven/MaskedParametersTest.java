package io.github.entitymigrations.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Maven's {@code -X} prints the {@code password} and {@code url} parameters with {@code toString()}: masked,
 * while the goals still get the value as written (evaluated when connecting).
 */
class MaskedParametersTest {

    @Test
    void aPasswordPrintsMasked() {
        Secret secret = new Secret();
        assertEquals("(none)", secret.toString());
        secret.set(configuration("password", "Hunter-22"));
        assertEquals("***", secret.toString());
        assertEquals("Hunter-22", secret.expression());
    }

    @Test
    void anEmptyPasswordIsNone() {
        Secret secret = new Secret();
        secret.set(configuration("password", null));
        assertEquals("(none)", secret.toString());
        assertNull(secret.expression());
    }

    @Test
    void aUrlPrintsWithItsSecretsMasked() {
        JdbcUrl url = new JdbcUrl();
        url.set(configuration("url", "jdbc:postgresql://bob:Hunter-22@db:5432/shop?sslpassword=Hunter-23"));
        assertEquals("jdbc:postgresql://bob:***@db:5432/shop?sslpassword=***", url.toString());
        assertEquals("jdbc:postgresql://bob:Hunter-22@db:5432/shop?sslpassword=Hunter-23", url.expression());
    }

    @Test
    void anExpressionPrintsAsWritten() {
        JdbcUrl url = new JdbcUrl();
        url.set(configuration("url", "${migration.url}"));
        assertEquals("${migration.url}", url.toString());
    }

    private static XmlPlexusConfiguration configuration(String name, String value) {
        XmlPlexusConfiguration c = new XmlPlexusConfiguration(name);
        c.setValue(value);
        return c;
    }
}
