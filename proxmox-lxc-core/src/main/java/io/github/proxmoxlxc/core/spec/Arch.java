package io.github.proxmoxlxc.core.spec;

import java.util.Locale;

/** The container's OS architecture ({@code arch}); Proxmox's default is {@link #AMD64}. */
public enum Arch {
    /** x86-64. */
    AMD64,
    /** 32-bit x86. */
    I386,
    /** 64-bit ARM. */
    ARM64,
    /** 32-bit ARM, hard float. */
    ARMHF,
    /** 32-bit RISC-V. */
    RISCV32,
    /** 64-bit RISC-V. */
    RISCV64;

    /**
     * The value Proxmox sends and expects, e.g. {@code amd64}.
     *
     * @return the wire name
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Decodes a wire name.
     *
     * @param value the value, e.g. {@code arm64}
     * @return the architecture
     * @throws InvalidSpecException naming {@code arch} if the value is not one of the enum's wire names
     */
    public static Arch parse(String value) {
        return WireEnums.parse(Arch.class, "arch", value);
    }
}
