package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.PgModel.col;
import static io.github.entitymigrations.dialect.PgModel.table;
import static io.github.entitymigrations.dialect.PgScenario.named;
import static io.github.entitymigrations.dialect.PgTables.BIGINT;
import static io.github.entitymigrations.dialect.PgTables.CUSTOMER;
import static io.github.entitymigrations.dialect.PgTables.HISTORY;
import static io.github.entitymigrations.dialect.PgTables.ORDER;
import static io.github.entitymigrations.dialect.PgTables.REGION;
import static io.github.entitymigrations.dialect.PgTables.SETTING;
import static io.github.entitymigrations.dialect.PgTables.TAG;
import static io.github.entitymigrations.dialect.PgTables.USER;
import static io.github.entitymigrations.dialect.PgTables.create;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/** Golden scenarios for keys, unique and check constraints and foreign keys. */
final class PgConstraintScenarios {

    /** {@code payment}: columns to hang foreign keys on. */
    static final Table PAYMENT = table("payment").id()
            .col(col("customer_id", BIGINT).defaultValue("0"), col("region_id", BIGINT)).build();

    /** {@code SettingHistory} before its foreign key. */
    static final Table HISTORY_WITHOUT_FK = table("SettingHistory")
            .col(col("id", BIGINT).identity(), col("setting_key", PgModel.varchar(50)))
            .pk("pk_setting_history", "id").build();

    private PgConstraintScenarios() {
    }

    static List<PgScenario> all() {
        List<PgScenario> all = new ArrayList<>(keysAndChecks());
        all.addAll(foreignKeys());
        return all;
    }

    static List<PgScenario> keysAndChecks() {
        return List.of(
                named("add primary key").given(create(TAG))
                        .when(new AddPrimaryKey(null, "tag", new PrimaryKey("pk_tag", List.of("id"))))
                        .expect("alter table tag add constraint pk_tag primary key (id)"),
                named("add composite primary key").given(create(TAG))
                        .when(new AddPrimaryKey(null, "tag", new PrimaryKey("PK_Tag", List.of("id", "label"))))
                        .expect("alter table tag add constraint pk_tag primary key (id, label)"),
                named("drop primary key").given(create(CUSTOMER))
                        .when(new DropPrimaryKey(null, "customer", CUSTOMER.primaryKey()))
                        .expect("alter table customer drop constraint pk_customer"),
                named("add unique constraint").given(create(CUSTOMER))
                        .when(new AddUnique(null, "customer", new UniqueConstraint("uk_customer_name", List.of("name"))))
                        .expect("alter table customer add constraint uk_customer_name unique (name)"),
                named("add unique constraint to quoted table").given(create(SETTING))
                        .when(new AddUnique(null, "AppSetting", new UniqueConstraint("uk_setting", List.of("Key", "value"))))
                        .expect("alter table \"AppSetting\" add constraint uk_setting unique (\"Key\", value)"),
                named("drop unique constraint").given(create(CUSTOMER))
                        .when(new DropUnique(null, "customer", CUSTOMER.uniques().get(0)))
                        .expect("alter table customer drop constraint uk_customer_email"),
                named("drop unique constraint in the default schema").defaultSchema("app").given(create(CUSTOMER))
                        .when(new DropUnique(null, "customer", CUSTOMER.uniques().get(0)))
                        .expect("alter table app.customer drop constraint uk_customer_email"),
                named("add check: values").given(create(CUSTOMER))
                        .when(new AddCheck(null, "customer", CheckConstraint.in("ck_customer_name", "name",
                                List.of("Ann", "O'Brien"))))
                        .expect("alter table customer add constraint ck_customer_name check (name in ('Ann', 'O''Brien'))"),
                named("add check: bounds").given(create(TAG))
                        .when(new AddCheck(null, "tag", CheckConstraint.between("ck_tag_id", "id", -1, 1000)))
                        .expect("alter table tag add constraint ck_tag_id check (id between -1 and 1000)"),
                named("add check: expression").given(create(CUSTOMER))
                        .when(new AddCheck(null, "customer", CheckConstraint.expression("ck_customer_email", "email",
                                "char_length(email) > 3")))
                        .expect("alter table customer add constraint ck_customer_email check (char_length(email) > 3)"),
                named("add check on a quoted column").given(create(USER))
                        .when(new AddCheck(null, "user", CheckConstraint.between("ck_user_select", "Select", 0, 9)))
                        .expect("alter table \"user\" add constraint ck_user_select check (\"Select\" between 0 and 9)"),
                named("drop check").given(create(CUSTOMER), create(ORDER))
                        .when(new DropCheck(null, "PurchaseOrder", ORDER.checks().get(2)))
                        .expect("alter table purchaseorder drop constraint ck_order_status"));
    }

    static List<PgScenario> foreignKeys() {
        return List.of(
                addForeignKey(OnDelete.NO_ACTION, ""),
                addForeignKey(OnDelete.CASCADE, " on delete cascade"),
                addForeignKey(OnDelete.SET_NULL, " on delete set null"),
                addForeignKey(OnDelete.SET_DEFAULT, " on delete set default"),
                addForeignKey(OnDelete.RESTRICT, " on delete restrict"),
                named("add foreign key to a quoted table").given(create(SETTING), create(HISTORY_WITHOUT_FK))
                        .when(new AddForeignKey(null, "SettingHistory", HISTORY.foreignKeys().get(0)))
                        .expect("alter table settinghistory add constraint fk_history_setting foreign key (setting_key) "
                                + "references \"AppSetting\" (\"Key\")"),
                named("add foreign key into another schema").defaultSchema("app")
                        .given(create(CUSTOMER), create(REGION), create(PAYMENT))
                        .when(new AddForeignKey(null, "payment", new ForeignKey("fk_payment_region", List.of("region_id"),
                                "reporting", "region", List.of("id"), OnDelete.CASCADE)))
                        .expect("alter table app.payment add constraint fk_payment_region foreign key (region_id) "
                                + "references reporting.region (id) on delete cascade"),
                named("drop foreign key").given(create(CUSTOMER), create(ORDER))
                        .when(new DropForeignKey(null, "PurchaseOrder", ORDER.foreignKeys().get(0)))
                        .expect("alter table purchaseorder drop constraint fk_order_customer"));
    }

    private static PgScenario addForeignKey(OnDelete onDelete, String clause) {
        return named("add foreign key, on delete " + onDelete).given(create(CUSTOMER), create(PAYMENT))
                .when(new AddForeignKey(null, "payment", new ForeignKey("fk_payment_customer", List.of("customer_id"),
                        null, "customer", List.of("id"), onDelete)))
                .expect("alter table payment add constraint fk_payment_customer foreign key (customer_id) "
                        + "references customer (id)" + clause);
    }
}
