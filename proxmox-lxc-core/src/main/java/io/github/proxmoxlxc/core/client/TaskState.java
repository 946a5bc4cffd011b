package io.github.proxmoxlxc.core.client;

import java.util.Locale;

/**
 * Whether a task (worker) runs, as Proxmox reports it in the {@code status} of
 * {@code GET /nodes/{node}/tasks/{upid}/status} ({@code running} or {@code stopped}).
 *
 * <p>A value this version does not know (one Proxmox adds later) is {@link #UNKNOWN}; the text as
 * sent stays available from {@link TaskStatus#rawStatus()}.
 */
public enum TaskState {
    /** {@code running}. */
    RUNNING("running"),
    /** {@code stopped}: the exit status tells success or failure. */
    STOPPED("stopped"),
    /** A status this version does not know, or none sent. */
    UNKNOWN("");

    private final String wireName;

    TaskState(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The text Proxmox sends for this state.
     *
     * @return {@code running}, {@code stopped}, or empty for {@link #UNKNOWN}
     */
    public String wireName() {
        return wireName;
    }

    /** Maps a status as sent; anything unknown (or empty) is {@link #UNKNOWN}. */
    static TaskState of(String status) {
        switch (status.toLowerCase(Locale.ROOT)) {
            case "running":
                return RUNNING;
            case "stopped":
                return STOPPED;
            default:
                return UNKNOWN;
        }
    }
}
