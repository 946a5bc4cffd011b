package io.github.proxmoxlxc.hardware.gpu;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Group ids read from the host's {@code /etc/group}. They matter only for the legacy idmap method:
 * {@code devN} entries use the container's gids.
 *
 * @param gids group name to gid, for the groups found
 */
public record HostGroups(Map<String, Integer> gids) {
    /**
     * Copies the map.
     *
     * @param gids group name to gid, for the groups found
     */
    public HostGroups {
        gids = Map.copyOf(Objects.requireNonNull(gids, "gids"));
    }

    /**
     * The gid of a group.
     *
     * @param name the group name, e.g. {@code render}
     * @return the gid, or empty when the group is absent
     */
    public OptionalInt gid(String name) {
        Integer g = gids.get(name);
        return g == null ? OptionalInt.empty() : OptionalInt.of(g);
    }

    /**
     * The host's {@code video} gid (44 on Debian).
     *
     * @return the gid, or empty
     */
    public OptionalInt video() {
        return gid("video");
    }

    /**
     * The host's {@code render} gid (103 on PVE 7, 104 on PVE 8, 993 on PVE 9).
     *
     * @return the gid, or empty
     */
    public OptionalInt render() {
        return gid("render");
    }
}
