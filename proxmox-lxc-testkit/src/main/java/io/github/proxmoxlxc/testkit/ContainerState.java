package io.github.proxmoxlxc.testkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of one simulated container, for assertions in tests.
 *
 * @param vmid the container id
 * @param node the node that owns it
 * @param status {@code running} or {@code stopped}
 * @param lock the config lock ({@code create}, {@code destroyed}, {@code backup}, ...), if any
 * @param config the config as Proxmox stores it (values as in {@code /etc/pve/lxc/<vmid>.conf},
 *     including {@code lock}); raw {@code lxc.*} lines are in {@code rawLxc}
 * @param rawLxc raw {@code lxc.*} lines in file order, each a key and a value
 * @param ipAddresses IPv4 addresses (CIDR) the container got when it was started; empty when stopped
 */
public record ContainerState(int vmid, String node, String status, Optional<String> lock, Map<String, String> config,
        List<Map.Entry<String, String>> rawLxc, List<String> ipAddresses) {

    /**
     * Copies the collections so the snapshot cannot change.
     *
     * @param vmid the container id
     * @param node the node that owns it
     * @param status {@code running} or {@code stopped}
     * @param lock the config lock, if any
     * @param config the config options as stored, including {@code lock}
     * @param rawLxc raw {@code lxc.*} lines in file order, each a key and a value
     * @param ipAddresses IPv4 addresses (CIDR) the container got when it was started
     */
    public ContainerState {
        config = Map.copyOf(config);
        rawLxc = List.copyOf(rawLxc);
        ipAddresses = List.copyOf(ipAddresses);
    }
}
