package io.github.proxmoxlxc.core.client;

import java.util.Locale;

/**
 * Whether a container runs, as Proxmox reports it in {@code status} ({@code running} or
 * {@code stopped}: pve-container's {@code vmstatus}).
 *
 * <p>A value this version does not know (one Proxmox adds later) is {@link #UNKNOWN}; the text as
 * sent stays available from the accessor named {@code rawStatus()} of the type that carries it.
 */
public enum ContainerState {
    /** {@code running}. */
    RUNNING("running"),
    /** {@code stopped}. */
    STOPPED("stopped"),
    /** A status this version does not know, or none sent. */
    UNKNOWN("");

    private final String wireName;

    ContainerState(String wireName) {
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
    static ContainerState of(String status) {
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
