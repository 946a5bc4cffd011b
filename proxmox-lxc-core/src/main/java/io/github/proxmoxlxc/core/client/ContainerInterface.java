package io.github.proxmoxlxc.core.client;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A network interface inside a running container ({@code GET /nodes/{node}/lxc/{vmid}/interfaces}).
 *
 * <p>Built by the client (no public constructor): fields Proxmox adds become new accessors
 * without breaking callers.
 */
public final class ContainerInterface {
    private final String name;
    private final Optional<String> hwaddr;
    private final Optional<String> inet;
    private final Optional<String> inet6;

    ContainerInterface(String name, Optional<String> hwaddr, Optional<String> inet, Optional<String> inet6) {
        this.name = name;
        this.hwaddr = hwaddr;
        this.inet = inet;
        this.inet6 = inet6;
    }

    /**
     * {@return the interface name, e.g. {@code eth0}}
     */
    public String name() {
        return name;
    }

    /**
     * {@return the MAC address, if it has one}
     */
    public Optional<String> hwaddr() {
        return hwaddr;
    }

    /**
     * {@return the IPv4 address with prefix, e.g. {@code 192.168.1.20/24}, if it has one}
     */
    public Optional<String> inet() {
        return inet;
    }

    /**
     * {@return the IPv6 address with prefix, if it has one}
     */
    public Optional<String> inet6() {
        return inet6;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ContainerInterface)) {
            return false;
        }
        ContainerInterface o = (ContainerInterface) other;
        return Objects.equals(name, o.name) && Objects.equals(hwaddr, o.hwaddr) && Objects.equals(inet, o.inet)
                && Objects.equals(inet6, o.inet6);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, hwaddr, inet, inet6);
    }

    @Override
    public String toString() {
        return "ContainerInterface[" + "name=" + name + ", hwaddr=" + hwaddr + ", inet=" + inet + ", inet6=" + inet6 + "]";
    }
}
