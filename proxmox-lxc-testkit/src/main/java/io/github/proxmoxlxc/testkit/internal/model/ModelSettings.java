package io.github.proxmoxlxc.testkit.internal.model;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the model.
 *
 * @param clock wall clock (task start times, tickets)
 * @param nanoTime monotonic time source in nanoseconds (task progress)
 * @param seed seed for pids, MAC and IP addresses
 * @param timeScale factor applied to every task duration (0.001: a 30 s create takes 30 ms)
 * @param durations nominal (unscaled) duration per worker type; missing types take 1 s
 */
public record ModelSettings(Clock clock, java.util.function.LongSupplier nanoTime, long seed, double timeScale,
        Map<String, Duration> durations) {

    /** Default nominal durations per worker type, roughly what a small node takes. */
    public static final Map<String, Duration> DEFAULT_DURATIONS = Map.of(
            "vzcreate", Duration.ofSeconds(30), "vzstart", Duration.ofSeconds(2), "vzstop", Duration.ofSeconds(1),
            "vzshutdown", Duration.ofSeconds(4), "vzreboot", Duration.ofSeconds(5), "vzdestroy", Duration.ofSeconds(2),
            "download", Duration.ofSeconds(20));

    /** Scaled duration of a worker type in nanoseconds. */
    long scaledNanos(String type) {
        Duration d = durations.getOrDefault(type, DEFAULT_DURATIONS.getOrDefault(type, Duration.ofSeconds(1)));
        return (long) (d.toNanos() * timeScale);
    }
}
