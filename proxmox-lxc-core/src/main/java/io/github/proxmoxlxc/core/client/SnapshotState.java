package io.github.proxmoxlxc.core.client;

import java.util.Locale;

/**
 * An unfinished snapshot operation, as Proxmox records it in a snapshot's {@code snapstate}
 * (pve-guest-common's {@code PVE::AbstractConfig}: {@code prepare} while a snapshot is taken,
 * {@code delete} while it is removed or after a removal failed; pve-container's config parser accepts
 * no other value). A complete snapshot has none: see {@link Snapshot#state()}.
 *
 * <p>A value this version does not know (one Proxmox adds later) is {@link #UNKNOWN}; the text as sent
 * stays available from {@link Snapshot#rawState()}.
 */
public enum SnapshotState {
    /** {@code prepare}: being taken, or left so by a task that ended before it committed or cleaned up. */
    PREPARE("prepare"),
    /** {@code delete}: being removed, or removing a volume snapshot failed. */
    DELETE("delete"),
    /** A state this version does not know. */
    UNKNOWN("");

    private final String wireName;

    SnapshotState(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The text Proxmox sends for this state.
     *
     * @return {@code prepare}, {@code delete}, or empty for {@link #UNKNOWN}
     */
    public String wireName() {
        return wireName;
    }

    /** Maps a snapstate as sent; anything unknown is {@link #UNKNOWN}. */
    static SnapshotState of(String snapstate) {
        switch (snapstate.toLowerCase(Locale.ROOT)) {
            case "prepare":
                return PREPARE;
            case "delete":
                return DELETE;
            default:
                return UNKNOWN;
        }
    }
}
