package io.github.proxmoxlxc.core.spec;

import java.util.Locale;

/**
 * The container's OS type ({@code ostype}), which selects Proxmox's setup scripts inside the
 * container; {@link #UNMANAGED} skips them.
 */
public enum OsType {
    /** Debian. */
    DEBIAN,
    /** Devuan. */
    DEVUAN,
    /** Ubuntu. */
    UBUNTU,
    /** CentOS and relatives. */
    CENTOS,
    /** Fedora. */
    FEDORA,
    /** openSUSE. */
    OPENSUSE,
    /** Arch Linux. */
    ARCHLINUX,
    /** Alpine Linux. */
    ALPINE,
    /** Gentoo. */
    GENTOO,
    /** NixOS. */
    NIXOS,
    /** No OS-specific setup. */
    UNMANAGED;

    /**
     * The value Proxmox sends and expects, e.g. {@code debian}.
     *
     * @return the wire name
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Decodes a wire name.
     *
     * @param value the value, e.g. {@code alpine}
     * @return the OS type
     * @throws InvalidSpecException naming {@code ostype} if the value is not one of the wire names
     */
    public static OsType parse(String value) {
        return WireEnums.parse(OsType.class, "ostype", value);
    }
}
