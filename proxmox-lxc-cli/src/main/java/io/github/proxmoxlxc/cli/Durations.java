package io.github.proxmoxlxc.cli;

import java.util.Locale;

/** Elapsed times for people: {@code 850ms}, {@code 1.2s}, {@code 2m05s}. */
final class Durations {
    private Durations() {
    }

    static String format(long millis) {
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long s = millis / 1000;
        return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
