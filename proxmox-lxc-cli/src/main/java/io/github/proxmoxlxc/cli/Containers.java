package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.ClusterResource;
import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.ContainerInterface;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Finding a container by vmid, and its addresses. */
final class Containers {
    private Containers() {
    }

    /** The container with this vmid on the given node, or wherever the cluster says it is. */
    static Container find(ProxmoxClient pve, int vmid, String node) {
        if (node != null) {
            return pve.node(node).container(vmid);
        }
        for (ClusterResource r : pve.cluster().resources("vm")) {
            if (r.vmid().equals(OptionalInt.of(vmid))) {
                if (!"lxc".equals(r.type())) {
                    throw CliException.invalid("vmid", Integer.toString(vmid), "is a " + r.type()
                            + " guest, not an LXC container");
                }
                return pve.node(r.node().orElseThrow()).container(vmid);
            }
        }
        throw new CliException(ExitCodes.API, List.of(new ErrorEntry("vmid", Integer.toString(vmid),
                "no such container in the cluster", "GET /cluster/resources")));
    }

    /** The container's IPv4 and IPv6 addresses (CIDR), loopback excluded; empty when not running. */
    static List<String> addresses(Container ct) {
        List<String> out = new ArrayList<>();
        for (ContainerInterface i : ct.interfaces()) {
            if ("lo".equals(i.name())) {
                continue;
            }
            i.inet().ifPresent(out::add);
            // every veth has an fe80:: link-local address (as on a node); like the provisioner, not shown
            i.inet6().filter(a -> !a.toLowerCase(java.util.Locale.ROOT).startsWith("fe80")).ifPresent(out::add);
        }
        return out;
    }
}
