package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.client.ContainerConfig;
import io.github.proxmoxlxc.core.internal.spec.SpecCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A line {@code <!-- proxmox-lxc ... -->} sent with the create as part of the container's
 * {@code description} and later looked for in its config. There are two kinds:
 * <ul>
 * <li>the run marker ({@link #run()}, {@code <!-- proxmox-lxc run <uuid> -->}): a token unique to one
 * provisioning run, the only proof that a container this run did not see created (its create response
 * was lost) is the one it asked for. A hostname proves nothing, since two runs may ask for the same
 * one;</li>
 * <li>the ensure marker ({@link #ensure(String)}, {@code <!-- proxmox-lxc ensure <key> -->}): ties a
 * container to an ensure key ({@code ProvisionRequest.ensureKey()}, else {@code hostname:<spec
 * hostname>}). ensure() without a vmid finds its container by this line, never by hostname or tags,
 * which anyone can set or change; the line is stable across calls for the same key, so a drifted
 * hostname or tag list does not make ensure() create a second container.</li>
 * </ul>
 *
 * <p>Why the description: pve-container stores it as {@code #} comment lines at the top of
 * {@code <vmid>.conf} (encoded with {@code encode_text}, decoded on read), returns it from
 * {@code GET .../config}, and checks only {@code VM.Config.Options} for it. Tags would also survive
 * but are shown in the resource tree and are subject to the datacenter's {@code user-tag-access}
 * policy, which may refuse a new tag per run. The line is written as an HTML comment so that a
 * Markdown rendering of the notes is meant to hide it; in the raw notes it is one short line.
 *
 * <p>Marker lines are not part of the description a spec compares or converges:
 * {@code ContainerSpec.fromConfig} leaves them out, and ensure() keeps them when it rewrites the
 * description.
 */
final class DescriptionMarker {
    private final String line;

    private DescriptionMarker(String line) {
        this.line = line;
    }

    /** A new run marker from a random UUID. */
    static DescriptionMarker run() {
        return new DescriptionMarker("<!-- proxmox-lxc run " + UUID.randomUUID() + " -->");
    }

    /** The ensure marker for a key (already checked by {@code ProvisionRequest.Builder.ensureKey}). */
    static DescriptionMarker ensure(String key) {
        return new DescriptionMarker("<!-- proxmox-lxc ensure " + key + " -->");
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

    /** The marker lines (of either kind) of a description. */
    static List<String> markers(String description) {
        List<String> out = new ArrayList<>();
        if (description == null) {
            return out;
        }
        for (String l : description.split("\n", -1)) {
            if (SpecCodec.isMarker(l)) {
                out.add(l.strip());
            }
        }
        return out;
    }
}
