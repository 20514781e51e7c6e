package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every URL form that can carry a secret is printed masked; any text is scrubbed of the known secrets. */
class SecretsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // user info, with and without a port, several hosts, an @ in the password
        "jdbc:postgresql://bob:S3cret@127.0.0.1/db|jdbc:postgresql://bob:***@127.0.0.1/db",
        "jdbc:postgresql://bob:S3cret@db.example.com:5432/db?ssl=true|jdbc:postgresql://bob:***@db.example.com:5432/db?ssl=true",
        "jdbc:postgresql://bob:p@ss@h1:5432,h2:5433/db|jdbc:postgresql://bob:***@h1:5432,h2:5433/db",
        "jdbc:postgresql://S3cret@127.0.0.1/db|jdbc:postgresql://***@127.0.0.1/db",
        // query parameters, any case, first, middle and last, & and ; separated
        "jdbc:postgresql://h/db?password=S3cret|jdbc:postgresql://h/db?password=***",
        "jdbc:postgresql://h/db?user=bob&PASSWORD=S3cret&ssl=true|jdbc:postgresql://h/db?user=bob&PASSWORD=***&ssl=true",
        "jdbc:postgresql://h/db?sslmode=verify-full&sslpassword=S3cret|jdbc:postgresql://h/db?sslmode=verify-full&sslpassword=***",
        "jdbc:postgresql://h/db?user=a@b.c&password=S3cret|jdbc:postgresql://h/db?user=a@b.c&password=***",
        "jdbc:sqlserver://h;user=bob;pwd=S3cret;db=x|jdbc:sqlserver://h;user=bob;pwd=***;db=x",
        "jdbc:sqlite:data/app.db?passwd=S3cret&cipher=x|jdbc:sqlite:data/app.db?passwd=***&cipher=x",
        "jdbc:foo://h/db?auth_token=S3cret&client_secret=S3cret2|jdbc:foo://h/db?auth_token=***&client_secret=***",
        "jdbc:postgresql://h/db?password=|jdbc:postgresql://h/db?password=***",
        // both at once
        "jdbc:postgresql://bob:S3cret@h/db?password=S3cret2|jdbc:postgresql://bob:***@h/db?password=***",
        // nothing secret: unchanged (sslkey is a file path, shown to debug a failure)
        "jdbc:postgresql://127.0.0.1:5432/db?user=bob&sslkey=/keys/bob.pk8|jdbc:postgresql://127.0.0.1:5432/db?user=bob&sslkey=/keys/bob.pk8",
        "jdbc:sqlite:/home/bob/app.db|jdbc:sqlite:/home/bob/app.db",
        "jdbc:sqlite::memory:|jdbc:sqlite::memory:",
    })
    void aUrlIsPrintedWithItsSecretsMasked(String url, String masked) {
        assertEquals(masked, Secrets.maskUrl(url));
        for (String secret : Secrets.inUrl(url)) {
            assertFalse(!secret.isEmpty() && Secrets.maskUrl(url).contains(secret), secret);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://bob:S3cret@127.0.0.1/db|S3cret",
        "jdbc:postgresql://h/db?user=bob&password=S3cret&ssl=true|S3cret",
        "jdbc:postgresql://h/db?sslpassword=S3cret|S3cret",
    })
    void theSecretsOfAUrlAreFound(String url, String secret) {
        assertEquals(List.of(secret), Secrets.inUrl(url));
        assertTrue(Secrets.hasUserInfo(url) == url.contains("@"));
    }

    @org.junit.jupiter.api.Test
    void textIsScrubbedOfTheUrlAndOfEachSecretAsGivenAndDecoded() {
        String url = "jdbc:postgresql://h:x/db?password=p%40ss%26word";
        String text = "Unable to parse URL " + url + "; tried p@ss&word, then hunter22, then p%40ss%26word";
        String scrubbed = Secrets.scrub(text, url, Secrets.inUrl(url).isEmpty() ? List.of() : List.of(
                Secrets.inUrl(url).get(0), "hunter22"));
        assertEquals("Unable to parse URL jdbc:postgresql://h:x/db?password=***; tried ***, then ***, then ***",
                scrubbed);
    }

    @org.junit.jupiter.api.Test
    void anExceptionChainIsCopiedWithEveryMessageScrubbedAndItsClassesKept() {
        SQLException driver = new SQLException("password authentication failed, password was hunter22",
                new IllegalStateException("hunter22 again"));
        driver.addSuppressed(new RuntimeException("suppressed hunter22"));
        Throwable copy = Secrets.scrub(driver, null, List.of("hunter22"));
        StringWriter trace = new StringWriter();
        copy.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains("hunter22"), trace.toString());
        assertTrue(trace.toString().contains("java.sql.SQLException: password authentication failed, password was ***"),
                trace.toString());
        assertTrue(trace.toString().contains("java.lang.IllegalStateException: *** again"), trace.toString());
        assertTrue(trace.toString().contains("suppressed ***"), trace.toString());
        assertEquals(driver.getStackTrace()[0], copy.getStackTrace()[0]);
    }
}
