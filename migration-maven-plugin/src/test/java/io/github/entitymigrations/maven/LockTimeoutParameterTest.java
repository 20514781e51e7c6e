package io.github.entitymigrations.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.MigrationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code lockTimeout} takes an ISO-8601 duration or seconds; anything else is one clear error. */
class LockTimeoutParameterTest {

    @Test
    void isoDurationsAndSecondsAreAccepted() {
        assertEquals(Duration.ofMinutes(10), AbstractDatabaseMojo.lockTimeout("PT10M"));
        assertEquals(Duration.ofSeconds(30), AbstractDatabaseMojo.lockTimeout(" pt30s "));
        assertEquals(Duration.ofSeconds(90), AbstractDatabaseMojo.lockTimeout("90"));
        assertEquals(Duration.ZERO, AbstractDatabaseMojo.lockTimeout("0"));
        assertNull(AbstractDatabaseMojo.lockTimeout(""), "not configured: the runner's default");
    }

    @Test
    void anythingElseIsRefusedSayingWhatIsExpected() {
        for (String bad : new String[] {"10m", "ten", "-PT1M", "PT", "1.5"}) {
            MigrationException e = assertThrows(MigrationException.class, () -> AbstractDatabaseMojo.lockTimeout(bad));
            assertTrue(e.getMessage().contains("-Dmigration.lockTimeout") && e.getMessage().contains("PT10M")
                    && e.getMessage().endsWith("got " + bad), e.getMessage());
        }
    }
}
