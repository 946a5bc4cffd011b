package io.github.proxmoxlxc.core.client;

import java.util.Locale;

/**
 * Whether a cluster node is reachable, as {@code GET /nodes} reports it in {@code status}
 * ({@code online}, {@code offline} or {@code unknown}: pve-manager's {@code API2/Nodes.pm}, from the
 * cluster's membership and the node's last status update).
 *
 * <p>{@code unknown} as sent and a value this version does not know (one Proxmox adds later) are both
 * {@link #UNKNOWN}; the text as sent stays available from {@link NodeInfo#rawStatus()}.
 */
public enum NodeState {
    /** {@code online}. */
    ONLINE("online"),
    /** {@code offline}. */
    OFFLINE("offline"),
    /** {@code unknown}, a status this version does not know, or none sent. */
    UNKNOWN("unknown");

    private final String wireName;

    NodeState(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The text Proxmox sends for this state.
     *
     * @return {@code online}, {@code offline} or {@code unknown}
     */
    public String wireName() {
        return wireName;
    }

    /** Maps a status as sent; anything else (or empty) is {@link #UNKNOWN}. */
    static NodeState of(String status) {
        switch (status.toLowerCase(Locale.ROOT)) {
            case "online":
                return ONLINE;
            case "offline":
                return OFFLINE;
            default:
                return UNKNOWN;
        }
    }
}
