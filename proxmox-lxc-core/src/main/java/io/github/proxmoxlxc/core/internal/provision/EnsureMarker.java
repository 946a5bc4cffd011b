package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.client.ContainerConfig;
import io.github.proxmoxlxc.core.internal.spec.SpecCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The marker that ties a container to an ensure key ({@code ProvisionRequest.ensureKey()}, else
 * {@code hostname:<spec hostname>}): the line {@code <!-- proxmox-lxc ensure <key> -->} in the
 * description, written with the create, as the run marker is ({@link RunMarker}). ensure() without
 * a vmid finds its container by this line, never by hostname or tags, which anyone can set or
 * change; the line is stable across calls for the same key, so a drifted hostname or tag list
 * does not make ensure() create a second container.
 *
 * <p>Marker lines ({@code <!-- proxmox-lxc ... -->}) are not part of the description a spec
 * compares or converges: {@code ContainerSpec.fromConfig} leaves them out, and ensure() keeps them
 * when it rewrites the description.
 */
final class EnsureMarker {
    private final String line;

    private EnsureMarker(String key) {
        this.line = "<!-- proxmox-lxc ensure " + key + " -->";
    }

    /** The marker for a key (already checked by {@code ProvisionRequest.Builder.ensureKey}). */
    static EnsureMarker of(String key) {
        return new EnsureMarker(key);
    }

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

    /** The marker lines of a description, each ending with a newline but the last. */
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
