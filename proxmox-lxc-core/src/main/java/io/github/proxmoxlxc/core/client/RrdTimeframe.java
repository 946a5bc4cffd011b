package io.github.proxmoxlxc.core.client;

import java.time.Duration;

/** The span of an {@code rrddata} series; Proxmox returns about 70 points at the frame's resolution. */
public enum RrdTimeframe {
    /** The last hour, one point a minute. */
    HOUR("hour", Duration.ofMinutes(1)),
    /** The last day, one point per 30 minutes. */
    DAY("day", Duration.ofMinutes(30)),
    /** The last week, one point per 3 hours. */
    WEEK("week", Duration.ofHours(3)),
    /** The last month, one point per 12 hours. */
    MONTH("month", Duration.ofHours(12)),
    /** The last year, one point a week. */
    YEAR("year", Duration.ofDays(7));

    private final String wire;
    private final Duration resolution;

    RrdTimeframe(String wire, Duration resolution) {
        this.wire = wire;
        this.resolution = resolution;
    }

    /**
     * The value Proxmox expects for {@code timeframe}.
     *
     * @return e.g. {@code day}
     */
    public String wire() {
        return wire;
    }

    /**
     * The time between two points.
     *
     * @return the resolution
     */
    public Duration resolution() {
        return resolution;
    }
}
