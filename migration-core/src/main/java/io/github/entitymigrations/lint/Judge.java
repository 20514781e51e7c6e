package io.github.entitymigrations.lint;

import java.util.List;

/** A group of rules judging one step at a time. */
interface Judge {

    /** Adds what the rules find in {@code step} to {@code out}; rules that do not apply to its database say nothing. */
    void judge(StepView step, List<Finding> out);
}
