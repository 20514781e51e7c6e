package io.github.entitymigrations.bench;

/**
 * One measured run.
 *
 * @param millis     wall time of the measured work
 * @param peakRssKib the peak resident set size of the process that did it (VmHWM), or -1 if unknown
 */
public record Sample(double millis, long peakRssKib) {
}
