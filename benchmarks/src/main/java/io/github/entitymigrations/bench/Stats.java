package io.github.entitymigrations.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians, ratios and the number formats of the report. */
public final class Stats {

    private Stats() {
    }

    public static double median(double... values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    public static double medianMillis(List<Sample> samples) {
        return median(samples.stream().mapToDouble(Sample::millis).toArray());
    }

    /** The largest peak of the runs, in MiB, or NaN if none was known. */
    public static double peakMib(List<Sample> samples) {
        return samples.stream().mapToLong(Sample::peakRssKib).filter(k -> k >= 0).max().orElse(-1) / 1024.0;
    }

    public static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        double size = Math.abs(millis); // a difference may be negative: "-833 ms", as "833 ms" is printed
        return size >= 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000)
                : size >= 100 ? String.format(Locale.ROOT, "%.0f ms", millis)
                : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    public static String ratio(double value, double baseline) {
        return Double.isNaN(value) || Double.isNaN(baseline) || baseline <= 0 ? "n/a"
                : String.format(Locale.ROOT, "%.2f×", value / baseline);
    }

    public static String mib(double mib) {
        return mib < 0 || Double.isNaN(mib) ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", mib);
    }
}
