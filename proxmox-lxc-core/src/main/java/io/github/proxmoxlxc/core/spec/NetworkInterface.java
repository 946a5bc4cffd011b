package io.github.proxmoxlxc.core.spec;

import io.github.proxmoxlxc.core.internal.spec.Formats;
import io.github.proxmoxlxc.core.internal.spec.NetCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One network interface of a container: the value of a {@code net[n]} parameter
 * ({@code name=eth0,bridge=vmbr0,ip=dhcp,...}).
 *
 * <p>Values are checked when the interface is encoded or when the spec holding it is built, so
 * that a spec reports every problem at once. A value that would change the meaning of the
 * property string (a {@code ,}, {@code =}, {@code ;} or newline) is rejected, never escaped.
 *
 * <pre>{@code
 * NetworkInterface eth0 = NetworkInterface.builder().name("eth0").bridge("vmbr0").dhcp().build();
 * eth0.encode();   // "name=eth0,bridge=vmbr0,ip=dhcp"
 * }</pre>
 */
public final class NetworkInterface {
    private final String name;
    private final String bridge;
    private final String hwaddr;
    private final String ip;
    private final String gw;
    private final String ip6;
    private final String gw6;
    private final Integer mtu;
    private final Integer tag;
    private final List<Integer> trunks;
    private final boolean firewall;
    private final Double rate;
    private final boolean linkDown;
    private final boolean hostManaged;

    private NetworkInterface(Builder b) {
        this.name = b.name;
        this.bridge = b.bridge;
        this.hwaddr = b.hwaddr;
        this.ip = b.ip;
        this.gw = b.gw;
        this.ip6 = b.ip6;
        this.gw6 = b.gw6;
        this.mtu = b.mtu;
        this.tag = b.tag;
        this.trunks = List.copyOf(b.trunks);
        this.firewall = b.firewall;
        this.rate = b.rate;
        this.linkDown = b.linkDown;
        this.hostManaged = b.hostManaged;
    }

    /**
     * Starts a new interface.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a new interface with its name set, e.g. {@code builder("eth0")} for the usual first
     * interface (a static method of a spec value type returns a builder only when it is called
     * {@code builder}).
     *
     * @param name the interface name inside the container, e.g. {@code eth0}
     * @return a builder with the name set
     */
    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /**
     * Decodes a {@code net[n]} value as {@code GET .../config} returns it; {@code type=veth} is
     * accepted and dropped (it is the only type).
     *
     * @param value the property string
     * @return the interface
     * @throws InvalidSpecException naming {@code net} and the sub-key on any syntax or format error
     */
    public static NetworkInterface parse(String value) {
        return NetCodec.parse("net", value);
    }

    /**
     * Encodes this interface as Proxmox expects it (name first, then the other keys sorted).
     *
     * @return the property string
     * @throws InvalidSpecException if a value breaks a rule
     */
    public String encode() {
        return NetCodec.encode("net", this);
    }

    /**
     * A builder holding this interface's values.
     *
     * @return a builder to derive a changed copy
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.bridge = bridge;
        b.hwaddr = hwaddr;
        b.ip = ip;
        b.gw = gw;
        b.ip6 = ip6;
        b.gw6 = gw6;
        b.mtu = mtu;
        b.tag = tag;
        b.trunks.addAll(trunks);
        b.firewall = firewall;
        b.rate = rate;
        b.linkDown = linkDown;
        b.hostManaged = hostManaged;
        return b;
    }

    /**
     * The name inside the container (required), e.g. {@code eth0}.
     *
     * @return the name, or empty when not set (a violation)
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * The bridge on the host, e.g. {@code vmbr0}.
     *
     * @return the bridge, if set
     */
    public Optional<String> bridge() {
        return Optional.ofNullable(bridge);
    }

    /**
     * The MAC address; Proxmox generates one when unset.
     *
     * @return the address, if set
     */
    public Optional<String> macAddress() {
        return Optional.ofNullable(hwaddr);
    }

    /**
     * The IPv4 configuration as sent: {@code dhcp}, {@code manual} or an address in CIDR form.
     *
     * @return the configuration, if set
     */
    public Optional<String> ip() {
        return Optional.ofNullable(ip);
    }

    /**
     * The IPv4 default gateway.
     *
     * @return the gateway, if set
     */
    public Optional<String> gateway() {
        return Optional.ofNullable(gw);
    }

    /**
     * The IPv6 configuration as sent: {@code auto}, {@code dhcp}, {@code manual} or CIDR.
     *
     * @return the configuration, if set
     */
    public Optional<String> ip6() {
        return Optional.ofNullable(ip6);
    }

    /**
     * The IPv6 default gateway.
     *
     * @return the gateway, if set
     */
    public Optional<String> gateway6() {
        return Optional.ofNullable(gw6);
    }

    /**
     * The MTU (64..65535).
     *
     * @return the MTU, if set
     */
    public OptionalInt mtu() {
        return mtu == null ? OptionalInt.empty() : OptionalInt.of(mtu);
    }

    /**
     * The VLAN tag (1..4094).
     *
     * @return the tag, if set
     */
    public OptionalInt tag() {
        return tag == null ? OptionalInt.empty() : OptionalInt.of(tag);
    }

    /**
     * The VLAN ids passed through ({@code trunks}, sent {@code ;}-joined).
     *
     * @return an unmodifiable list, empty when unset
     */
    public List<Integer> trunks() {
        return trunks;
    }

    /**
     * Whether the interface's firewall rules apply.
     *
     * @return true when {@code firewall=1}
     */
    public boolean firewall() {
        return firewall;
    }

    /**
     * The rate limit in MB/s.
     *
     * @return the rate, if set
     */
    public OptionalDouble rate() {
        return rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate);
    }

    /**
     * Whether the link is down (cable pulled).
     *
     * @return true when {@code link_down=1}
     */
    public boolean linkDown() {
        return linkDown;
    }

    /**
     * Whether the host manages the interface's IP configuration ({@code host-managed=1}, PVE 9.1).
     *
     * @return true when host-managed
     */
    public boolean hostManaged() {
        return hostManaged;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NetworkInterface)) {
            return false;
        }
        NetworkInterface n = (NetworkInterface) o;
        return firewall == n.firewall && linkDown == n.linkDown && hostManaged == n.hostManaged
                && Objects.equals(name, n.name) && Objects.equals(bridge, n.bridge)
                && Objects.equals(hwaddr, n.hwaddr) && Objects.equals(ip, n.ip) && Objects.equals(gw, n.gw)
                && Objects.equals(ip6, n.ip6) && Objects.equals(gw6, n.gw6) && Objects.equals(mtu, n.mtu)
                && Objects.equals(tag, n.tag) && trunks.equals(n.trunks) && Objects.equals(rate, n.rate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, bridge, hwaddr, ip, gw, ip6, gw6, mtu, tag, trunks, firewall, rate, linkDown,
                hostManaged);
    }

    @Override
    public String toString() {
        return "NetworkInterface[" + Formats.printable(NetCodec.printUnchecked(this)) + "]";
    }

    /** Builds a {@link NetworkInterface}. */
    public static final class Builder {
        private String name;
        private String bridge;
        private String hwaddr;
        private String ip;
        private String gw;
        private String ip6;
        private String gw6;
        private Integer mtu;
        private Integer tag;
        private final List<Integer> trunks = new ArrayList<>();
        private boolean firewall;
        private Double rate;
        private boolean linkDown;
        private boolean hostManaged;

        private Builder() {
        }

        /**
         * Sets the interface name inside the container (required).
         *
         * @param name e.g. {@code eth0}; pattern {@code [-_.\w\d]+}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the host bridge.
         *
         * @param bridge e.g. {@code vmbr0}; pattern {@code [-_.\w\d]+}
         * @return this builder
         */
        public Builder bridge(String bridge) {
            this.bridge = Objects.requireNonNull(bridge, "bridge");
            return this;
        }

        /**
         * Sets a fixed unicast MAC address.
         *
         * @param hwaddr e.g. {@code BC:24:11:00:00:01}
         * @return this builder
         */
        public Builder macAddress(String hwaddr) {
            this.hwaddr = Objects.requireNonNull(hwaddr, "hwaddr");
            return this;
        }

        /**
         * Uses DHCP for IPv4 ({@code ip=dhcp}).
         *
         * @return this builder
         */
        public Builder dhcp() {
            this.ip = "dhcp";
            return this;
        }

        /**
         * Leaves IPv4 to the container ({@code ip=manual}).
         *
         * @return this builder
         */
        public Builder manualIp() {
            this.ip = "manual";
            return this;
        }

        /**
         * Sets the IPv4 configuration as Proxmox spells it.
         *
         * @param ip {@code dhcp}, {@code manual} or an address in CIDR form ({@code 10.0.0.5/24},
         *     prefix 8..32)
         * @return this builder
         */
        public Builder ip(String ip) {
            this.ip = Objects.requireNonNull(ip, "ip");
            return this;
        }

        /**
         * Sets the IPv4 gateway; it needs a static {@link #ip(String)} and must lie inside its
         * subnet, unless the prefix is /31 or /32 (point-to-point setups).
         *
         * @param gw e.g. {@code 10.0.0.1}
         * @return this builder
         */
        public Builder gateway(String gw) {
            this.gw = Objects.requireNonNull(gw, "gw");
            return this;
        }

        /**
         * Uses SLAAC for IPv6 ({@code ip6=auto}).
         *
         * @return this builder
         */
        public Builder ip6Auto() {
            this.ip6 = "auto";
            return this;
        }

        /**
         * Uses DHCPv6 ({@code ip6=dhcp}).
         *
         * @return this builder
         */
        public Builder ip6Dhcp() {
            this.ip6 = "dhcp";
            return this;
        }

        /**
         * Sets the IPv6 configuration as Proxmox spells it.
         *
         * @param ip6 {@code auto}, {@code dhcp}, {@code manual} or CIDR ({@code fd00::5/64}, prefix
         *     8..128; a static address needs the prefix)
         * @return this builder
         */
        public Builder ip6(String ip6) {
            this.ip6 = Objects.requireNonNull(ip6, "ip6");
            return this;
        }

        /**
         * Sets the IPv6 gateway; it needs a static {@link #ip6(String)} and must lie inside its
         * subnet or be link-local ({@code fe80::}), unless the prefix is /127 or /128.
         *
         * @param gw6 e.g. {@code fd00::1}
         * @return this builder
         */
        public Builder gateway6(String gw6) {
            this.gw6 = Objects.requireNonNull(gw6, "gw6");
            return this;
        }

        /**
         * Sets the MTU.
         *
         * @param mtu 64..65535
         * @return this builder
         */
        public Builder mtu(int mtu) {
            this.mtu = mtu;
            return this;
        }

        /**
         * Sets the VLAN tag.
         *
         * @param tag 1..4094
         * @return this builder
         */
        public Builder tag(int tag) {
            this.tag = tag;
            return this;
        }

        /**
         * Replaces the trunked VLAN ids.
         *
         * @param trunks VLAN ids, each 1..4094
         * @return this builder
         */
        public Builder trunks(List<Integer> trunks) {
            this.trunks.clear();
            trunks.forEach(this::addTrunk);
            return this;
        }

        /**
         * Adds one trunked VLAN id.
         *
         * @param vlan 1..4094
         * @return this builder
         */
        public Builder addTrunk(int vlan) {
            this.trunks.add(vlan);
            return this;
        }

        /**
         * Enables or disables the interface's firewall rules.
         *
         * @param firewall true for {@code firewall=1}
         * @return this builder
         */
        public Builder firewall(boolean firewall) {
            this.firewall = firewall;
            return this;
        }

        /**
         * Limits the rate.
         *
         * @param mbPerSecond MB/s, 0 or more
         * @return this builder
         */
        public Builder rate(double mbPerSecond) {
            this.rate = mbPerSecond;
            return this;
        }

        /**
         * Disconnects the link.
         *
         * @param linkDown true for {@code link_down=1}
         * @return this builder
         */
        public Builder linkDown(boolean linkDown) {
            this.linkDown = linkDown;
            return this;
        }

        /**
         * Lets the host manage the IP configuration (PVE 9.1+).
         *
         * @param hostManaged true for {@code host-managed=1}
         * @return this builder
         */
        public Builder hostManaged(boolean hostManaged) {
            this.hostManaged = hostManaged;
            return this;
        }

        /**
         * Builds the interface; values are checked by {@link NetworkInterface#encode()} and by
         * {@link ContainerSpec.Builder#build()}.
         *
         * @return the interface
         */
        public NetworkInterface build() {
            return new NetworkInterface(this);
        }
    }
}
