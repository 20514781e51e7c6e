package io.github.entitymigrations.api;

import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationFile;
import io.github.entitymigrations.runner.Applied;
import io.github.entitymigrations.runner.DatabaseStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The facade's history and pending lists, from the chain and the database's version rows. */
final class Histories {

    private Histories() {
    }

    /** Every migration of the files and every applied one without a file, oldest first. */
    static List<MigrationInfo> of(MigrationChain chain, DatabaseStatus status) {
        Map<String, Applied> applied = new LinkedHashMap<>();
        status.applied().forEach(r -> applied.put(r.id(), r));
        List<MigrationInfo> infos = new ArrayList<>();
        Set<String> inFiles = chain.migrations().stream().map(MigrationFile::id).collect(Collectors.toSet());
        for (MigrationFile f : chain.migrations()) {
            Applied row = applied.get(f.id());
            infos.add(row == null ? new MigrationInfo(f.id(), f.message(), false, null, false)
                    : new MigrationInfo(f.id(), f.message(), true, row.appliedAt(), row.stamped()));
        }
        for (Applied row : applied.values()) {
            if (!inFiles.contains(row.id())) {
                infos.add(new MigrationInfo(row.id(), row.message(), true, row.appliedAt(),
                        row.stamped()));
            }
        }
        // Numeric order also when widths differ (0999 before 1000).
        infos.sort(Comparator.comparing((MigrationInfo i) -> i.id().length()).thenComparing(MigrationInfo::id));
        return List.copyOf(infos);
    }

    /** The ids of the files not applied, oldest first. */
    static List<String> pending(MigrationChain chain, DatabaseStatus status) {
        Set<String> applied = status.applied().stream().map(Applied::id).collect(Collectors.toSet());
        return chain.migrations().stream().map(MigrationFile::id).filter(id -> !applied.contains(id)).toList();
    }
}
