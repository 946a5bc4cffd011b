package io.github.proxmoxlxc.core.client;

import java.util.Objects;
import java.util.Optional;

/**
 * One option of {@code GET /nodes/{node}/lxc/{vmid}/pending}: its value in effect, a value waiting
 * for the next restart of the container, or a waiting deletion.
 */
public final class PendingOption {
    private final String key;
    private final String value;
    private final String pending;
    private final boolean delete;

    private PendingOption(String key, String value, String pending, boolean delete) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = value;
        this.pending = pending;
        this.delete = delete;
    }

    static PendingOption of(String key, Optional<String> value, Optional<String> pending, boolean delete) {
        return new PendingOption(key, value.orElse(null), pending.orElse(null), delete);
    }

    /**
     * The option name.
     *
     * @return e.g. {@code memory}, {@code net0}
     */
    public String key() {
        return key;
    }

    /**
     * The value in effect.
     *
     * @return the current value, empty if the option is not set yet
     */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /**
     * The value that takes effect when the container restarts.
     *
     * @return the pending value, empty if none
     */
    public Optional<String> pending() {
        return Optional.ofNullable(pending);
    }

    /**
     * Whether a deletion of this option waits for the next restart.
     *
     * @return true for a pending delete
     */
    public boolean pendingDelete() {
        return delete;
    }

    /**
     * Whether anything about this option waits for a restart.
     *
     * @return true for a pending value or deletion
     */
    public boolean isPending() {
        return pending != null || delete;
    }

    @Override
    public String toString() {
        return key + "=" + value + (pending != null ? " (pending " + pending + ")" : "") + (delete ? " (pending delete)" : "");
    }
}
