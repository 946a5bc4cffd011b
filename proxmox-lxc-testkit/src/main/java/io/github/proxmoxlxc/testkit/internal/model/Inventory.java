package io.github.proxmoxlxc.testkit.internal.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Nodes, their storages and the aplinfo catalogue (mutable model state). */
final class Inventory {

    /** A cluster node. */
    record Node(String name, int cpus, long memory) { }

    /** An aplinfo entry. */
    record AplTemplate(String template, String os, String section, String pkg, String version, String headline) { }

    final Map<String, Node> nodes = new LinkedHashMap<>();
    /** node -> storage id -> storage; a shared storage is the same object on every node. */
    final Map<String, Map<String, Storage>> storages = new LinkedHashMap<>();
    final Map<String, AplTemplate> aplinfo = new LinkedHashMap<>();

    static AplTemplate templateOf(String file) {
        // debian-12-standard_12.7-1_amd64.tar.zst -> package debian-12-standard, version 12.7-1, os debian-12
        String base = file.replaceAll("\\.tar(\\.(zst|gz|xz|bz2))?$", "");
        String[] parts = base.split("_");
        String pkg = parts[0];
        String version = parts.length > 1 ? parts[1] : "1.0";
        String os = pkg.replaceAll("-standard$|-default$", "");
        String headline = os.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + os.substring(1) + " (standard)";
        return new AplTemplate(file, os, "system", pkg, version, headline);
    }
}
