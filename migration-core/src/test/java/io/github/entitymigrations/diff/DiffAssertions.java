package io.github.entitymigrations.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The EF Core-style fixture check: one (from, to) pair, the exact upgrade, its exact reverse, and both replays. */
final class DiffAssertions {

    private DiffAssertions() {
    }

    /**
     * Asserts that {@code diff(from, to)} is exactly {@code expected}, that its downgrade is the reversed list of
     * reversed operations, and that {@link #assertRoundTrips} holds.
     */
    static Diff assertDiff(Schema from, Schema to, Operation... expected) {
        Diff diff = SchemaDiff.diff(from, to);
        List<Operation> want = Arrays.asList(expected);
        assertEquals(describe(want), describe(diff.upgrade()), "upgrade operations");
        assertEquals(want, diff.upgrade(), "upgrade operations (records)");
        List<Operation> reversed = new ArrayList<>();
        for (int i = want.size() - 1; i >= 0; i--) {
            reversed.add(want.get(i).reverse());
        }
        assertEquals(reversed, diff.downgrade(), "downgrade = reversed list of reversed operations");
        assertRoundTrips(from, to, diff);
        return diff;
    }

    /** Diffs and asserts the round trips only (for cases where the order of the operations is not the point). */
    static Diff assertRoundTrips(Schema from, Schema to) {
        Diff diff = SchemaDiff.diff(from, to);
        assertRoundTrips(from, to, diff);
        return diff;
    }

    /**
     * Replaying the upgrade on {@code from} gives {@code to}; replaying the downgrade on {@code to} (and on the
     * upgrade's result, which is what a database holds) gives {@code from}; the upgraded state diffs empty
     * against {@code to}. Every replay is strict: see {@link StrictReplay}.
     */
    static void assertRoundTrips(Schema from, Schema to, Diff diff) {
        Schema upgraded = StrictReplay.replay(from, diff.upgrade(), "upgrade replayed on from");
        assertEquals(Normalized.of(to), Normalized.of(upgraded), "upgrade replayed on from gives to");
        Schema back = StrictReplay.replay(upgraded, diff.downgrade(), "downgrade replayed on the upgraded state");
        assertEquals(Normalized.of(from), Normalized.of(back), "downgrade replayed on the upgraded state gives from");
        Schema down = StrictReplay.replay(to, diff.downgrade(), "downgrade replayed on to");
        assertEquals(Normalized.of(from), Normalized.of(down), "downgrade replayed on to gives from");
        Diff again = SchemaDiff.diff(upgraded, to);
        assertTrue(again.isEmpty(), () -> "the upgraded state still differs from to:\n"
                + StrictReplay.listing(again.upgrade()));
    }

    static List<String> describe(List<Operation> operations) {
        return operations.stream().map(Operation::describe).toList();
    }
}
