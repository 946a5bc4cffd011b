package io.github.proxmoxlxc.testkit.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A container's mutable state (guarded by the model lock). */
final class Container {
    final int vmid;
    /** The node holding the config; changed by a migration. */
    String node;
    /** The config as pct stores it ({@code key: value} lines), including {@code lock}. */
    final Map<String, String> config = new LinkedHashMap<>();
    /** Raw {@code lxc.*} lines, in order; not settable through the API. */
    final List<String[]> rawLxc = new ArrayList<>();
    /** Snapshot sections ({@code [name]} in the file), in creation order: config copy plus snaptime etc. */
    final Map<String, Map<String, String>> snapshots = new LinkedHashMap<>();
    /** The {@code [pve:pending]} section: values not yet in effect, plus {@code delete} (comma list). */
    final Map<String, String> pending = new LinkedHashMap<>();
    String status = "stopped";
    final List<String> ips = new ArrayList<>();
    long startedAt;

    Container(int vmid, String node) {
        this.vmid = vmid;
        this.node = node;
    }

    String lock() {
        return config.get("lock");
    }

    String hostname() {
        return config.getOrDefault("hostname", "CT" + vmid);
    }
}
