package io.github.proxmoxlxc.testkit.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A storage as seen from one node (mutable model state, guarded by the model lock). */
public final class Storage {
    final String id;
    final String type;
    final Set<String> content;
    final long total;
    final boolean shared;
    boolean enabled;
    boolean active;
    long baseUsed;
    final List<Volume> volumes = new ArrayList<>();

    /** Creates a storage. */
    public Storage(String id, String type, Set<String> content, long total, long used, boolean shared,
            boolean enabled, boolean active) {
        this.id = id;
        this.type = type;
        this.content = new LinkedHashSet<>(content);
        this.total = total;
        this.baseUsed = used;
        this.shared = shared;
        this.enabled = enabled;
        this.active = active;
    }

    long used() {
        return baseUsed + volumes.stream().mapToLong(Volume::size).sum();
    }

    long avail() {
        return Math.max(0, total - used());
    }

    boolean available() {
        return enabled && active;
    }

    String contentString() {
        return String.join(",", content);
    }

    /** Storage id. */
    public String id() {
        return id;
    }
}
