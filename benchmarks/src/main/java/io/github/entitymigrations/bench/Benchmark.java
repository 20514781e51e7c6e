package io.github.entitymigrations.bench;

import java.util.List;

/** One benchmark of the report (see {@link Main}). */
public interface Benchmark {

    /** The short name for {@code --only}. */
    String name();

    /** Measures and returns its part of the report. */
    List<Section> run(Context context) throws Exception;
}
