package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.ClusterResource;
import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.ContainerInterface;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import java.util.ArrayList;
import java.util.List;

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
            if (r.vmid() != null && r.vmid() == vmid) {
                if (!"lxc".equals(r.type())) {
                    throw CliException.invalid("vmid", Integer.toString(vmid), "is a " + r.type()
                            + " guest, not an LXC container");
                }
                return pve.node(r.node()).container(vmid);
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
            if (i.inet() != null && !i.inet().isEmpty()) {
                out.add(i.inet());
            }
            // every veth has an fe80:: link-local address (as on a node); like the provisioner, not shown
            if (i.inet6() != null && !i.inet6().isEmpty() && !i.inet6().toLowerCase(java.util.Locale.ROOT).startsWith("fe80")) {
                out.add(i.inet6());
            }
        }
        return out;
    }
}
