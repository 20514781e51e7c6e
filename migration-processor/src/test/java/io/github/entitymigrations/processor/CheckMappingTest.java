package io.github.entitymigrations.processor;

import static io.github.entitymigrations.processor.SnapshotCompiler.compile;
import static io.github.entitymigrations.processor.SnapshotCompiler.source;
import static io.github.entitymigrations.processor.SnapshotCompiler.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Hibernate's {@code @Check}: every one is kept, named as written, else with a name that depends only on its
 * table, column and condition. (HibernateReferenceTest proves the conditions and tables against Hibernate.)
 */
class CheckMappingTest {

    private static Map<String, String> checks(Table table) {
        Map<String, String> byName = new TreeMap<>();
        for (CheckConstraint c : table.checks()) {
            byName.put(c.name(), (c.column() == null ? "" : c.column() + ": ") + c.expression());
        }
        return byName;
    }

    @Test
    void everyClassAndAttributeCheckIsKeptUnderItsOwnName() {
        Schema schema = compile(source("Loan",
                "@Entity",
                "@org.hibernate.annotations.Check(constraints = \"amount > 0\")",
                "@org.hibernate.annotations.Check(constraints = \"rate < 1\")",
                "@org.hibernate.annotations.Check(name = \"ck_loan_term\", constraints = \"term between 1 and 360\")",
                "public class Loan {",
                "  @Id Long id; Long amount; Double rate; Integer term;",
                "  @org.hibernate.annotations.Check(constraints = \"grade <> 'Z'\")",
                "  @org.hibernate.annotations.Check(constraints = \"length(grade) = 1\")",
                "  String grade;",
                "}"));

        assertEquals(Map.of(
                "ck_Loan_" + ConstraintNames.shortHash("amount > 0"), "amount > 0",
                "ck_Loan_" + ConstraintNames.shortHash("rate < 1"), "rate < 1",
                "ck_loan_term", "term between 1 and 360",
                "ck_Loan_grade", "grade: grade <> 'Z'",
                "ck_Loan_grade_" + ConstraintNames.shortHash("length(grade) = 1"), "grade: length(grade) = 1"),
                checks(table(schema, "Loan")));
    }

    @Test
    void aCheckOnACollectionGoesToItsTable() {
        Schema schema = compile(source("Course",
                "@Entity public class Course {",
                "  @Id Long id;",
                "  @ElementCollection @org.hibernate.annotations.Check(constraints = \"seats > 0\")",
                "  java.util.List<Integer> seats;",
                "}"));

        // Hibernate writes this one twice, on the column and on the table; both are kept, as in its DDL.
        assertEquals(Map.of(
                "ck_Course_seats_seats", "seats: seats > 0",
                "ck_Course_seats_" + ConstraintNames.shortHash("seats > 0"), "seats > 0"),
                checks(table(schema, "Course_seats")));
    }
}
