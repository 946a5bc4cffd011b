package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.client.ContainerConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A token unique to one provisioning run, sent with the create as the last line of the
 * container's {@code description} and later looked for in its config: the only proof that a
 * container this run did not see created (its create response was lost) is the one it asked for.
 * A hostname proves nothing, since two runs may ask for the same one.
 *
 * <p>Why the description: pve-container stores it as {@code #} comment lines at the top of
 * {@code <vmid>.conf} (encoded with {@code encode_text}, decoded on read), returns it from
 * {@code GET .../config}, and checks only {@code VM.Config.Options} for it. Tags would also survive
 * but are shown in the resource tree and are subject to the datacenter's {@code user-tag-access}
 * policy, which may refuse a new tag per run. The line is written as an HTML comment so that a
 * Markdown rendering of the notes is meant to hide it; in the raw notes it is one short line.
 */
final class RunMarker {
    private final String line;

    private RunMarker(String id) {
        this.line = "<!-- proxmox-lxc run " + id + " -->";
    }

    /** A new marker from a random UUID. */
    static RunMarker create() {
        return new RunMarker(UUID.randomUUID().toString());
    }

    /** The line as stored in the description. */
    String line() {
        return line;
    }

    /** The create parameters with the marker appended to the description. */
    Map<String, String> addTo(Map<String, String> params) {
        Map<String, String> p = new LinkedHashMap<>(params);
        String d = p.get("description");
        p.put("description", d == null || d.isEmpty() ? line : (d.endsWith("\n") ? d : d + "\n") + line);
        return p;
    }

    /** Whether the config's description carries this marker on a line of its own. */
    boolean foundIn(ContainerConfig config) {
        String d = config.values().get("description");
        if (d == null) {
            return false;
        }
        for (String l : d.split("\n", -1)) {
            if (l.strip().equals(line)) {
                return true;
            }
        }
        return false;
    }
}
