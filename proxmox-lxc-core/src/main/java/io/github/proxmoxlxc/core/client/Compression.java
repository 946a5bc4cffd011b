package io.github.proxmoxlxc.core.client;

/** The compression of a vzdump archive. */
public enum Compression {
    /** A plain {@code .tar}. */
    NONE("0"),
    /** {@code .tar.lzo}: fast, large. */
    LZO("lzo"),
    /** {@code .tar.gz} (pigz when configured). */
    GZIP("gzip"),
    /** {@code .tar.zst}: fast and small; what the web UI picks. */
    ZSTD("zstd");

    private final String wire;

    Compression(String wire) {
        this.wire = wire;
    }

    /**
     * The value Proxmox expects for {@code compress}.
     *
     * @return e.g. {@code zstd}
     */
    public String wire() {
        return wire;
    }
}
