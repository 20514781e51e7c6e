package io.github.entitymigrations.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The file-name part made from a message. */
class SlugTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Add phone to users!        | add_phone_to_users",
        "add phone to users         | add_phone_to_users",
        "  Add   PHONE -- to users  | add_phone_to_users",
        "users.phone: varchar(20)   | users_phone_varchar_20",
        "Créer l'élève, déjà vu     | creer_l_eleve_deja_vu",
        "Ärger über Öl              | arger_uber_ol",
        "v2 schema 2024             | v2_schema_2024",
        "__private__                | private",
        "snake_case_already         | snake_case_already",
    })
    void aMessageBecomesLowerCaseWordsJoinedByUnderscores(String message, String slug) {
        assertEquals(slug, Slug.of(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!!", "日本語のメッセージ", "—"})
    void aMessageWithoutLatinLettersOrDigitsGivesAGenericName(String message) {
        assertEquals("migration", Slug.of(message));
    }

    @Test
    void aLongMessageIsCutWithoutATrailingUnderscore() {
        String message = "add the phone number and the postal address of every customer to the users table please";

        String slug = Slug.of(message);

        assertTrue(slug.length() <= Slug.MAX_LENGTH, slug);
        assertTrue(message.replace(' ', '_').startsWith(slug), slug);
        assertFalse(slug.endsWith("_"), slug);
        // The cut at 60 falls right after a word: the underscore that follows is dropped.
        assertEquals("a".repeat(59), Slug.of("a".repeat(59) + " tail"));
        assertEquals("a".repeat(60), Slug.of("a".repeat(80)));
    }

    @Test
    void theSlugAlwaysMakesAValidMigrationFileName() {
        for (String message : new String[] {"Add phone", "", "Ärger", "x".repeat(200), "a  b", "1"}) {
            String fileName = "0001_" + Slug.of(message) + ".json";
            assertTrue(MigrationReader.FILE_NAME.matcher(fileName).matches(), fileName);
        }
    }
}
