package io.github.entitymigrations.spring;

import java.sql.Types;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;

/**
 * Hibernate's community {@code SQLiteDialect}, with one correction for {@code ddl-auto=validate}: a column
 * declared {@code integer} satisfies an attribute Hibernate maps to {@code bigint} (a {@code Long}).
 *
 * <p>Why: SQLite generates ids only for a column declared exactly {@code integer primary key} (an alias of
 * the 64-bit row id), so a {@code Long} identity id is {@code integer} in every schema that works, including
 * Hibernate's own {@code create} output, while the validator expects {@code bigint}. Both are the same 64-bit
 * integer storage in SQLite, so accepting it is exact. The correction goes one way only: an {@code Integer}
 * attribute over a {@code bigint} column is still refused, and every other type check is Hibernate's.
 *
 * <p>The auto-configuration sets it as {@code hibernate.dialect} for SQLite data sources (unless
 * {@code entity-migrations.sqlite-dialect=false} or another dialect is configured); outside Spring set
 * {@code hibernate.dialect=io.github.entitymigrations.spring.SqliteDialect}. Works on Hibernate 6.6 and 7.x.
 */
public class SqliteDialect extends org.hibernate.community.dialect.SQLiteDialect {

    /** The dialect for the default SQLite version. */
    public SqliteDialect() {
        super();
    }

    /** The dialect for the connected database's version (how Hibernate creates it from a JDBC connection). */
    public SqliteDialect(DialectResolutionInfo info) {
        super(info);
    }

    /** The dialect for a given SQLite version. */
    public SqliteDialect(DatabaseVersion version) {
        super(version);
    }

    @Override
    public boolean equivalentTypes(int expected, int found) {
        return super.equivalentTypes(expected, found) || expected == Types.BIGINT && found == Types.INTEGER;
    }
}
