package io.github.entitymigrations.operations;

import static io.github.entitymigrations.operations.SchemaBuilder.schema;

import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.Schema;
import java.util.function.Consumer;

/**
 * Two tables, {@code teams} and {@code users} with a {@code team_id} column referencing a team: the shape of the
 * key-change cases the differ's and the runner's tests share.
 */
public final class TeamsAndUsers {

    private TeamsAndUsers() {
    }

    /**
     * Teams with an id of {@code idType}, users with {@code team_id} of the same type (NOT NULL when {@code required})
     * and, when {@code foreignKey}, {@code fk_users_team_id} on it; {@code users} takes {@code more} too.
     */
    public static Schema of(ColumnType idType, boolean required, boolean foreignKey,
                            Consumer<SchemaBuilder.TableBuilder> more) {
        return schema(s -> {
            s.table("teams", t -> {
                t.col("id", idType).notNull();
                t.pk("pk_teams", "id");
            });
            s.table("users", t -> {
                t.id();
                SchemaBuilder.ColumnBuilder team = t.col("team_id", idType);
                if (required) {
                    team.notNull();
                }
                more.accept(t);
                if (foreignKey) {
                    t.fk("fk_users_team_id", "team_id", "teams");
                }
            });
        });
    }

    /** {@link #of} with the foreign key and nothing more: {@code Integer} ids ({@code INTEGER}) or {@code Long}s. */
    public static Schema withIds(ColumnType idType) {
        return of(idType, false, true, t -> { });
    }
}
