package io.github.proxmoxlxc.node;

import io.github.proxmoxlxc.hardware.gpu.Detection;
import io.github.proxmoxlxc.hardware.gpu.GpuDetector;
import java.nio.file.FileSystem;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GPU detection of a remote node: the hardware module's {@link GpuDetector} reading the node's
 * {@code /sys}, {@code /proc}, {@code /dev} and {@code /etc/group} over SFTP (MINA's SFTP file
 * system is a {@link FileSystem}, so the detector runs unchanged). Results are cached in this object:
 * make one per node for a provision run and detection happens once.
 *
 * <pre>{@code
 * Detection d = RemoteHardware.over(connection).detect();
 * }</pre>
 */
public final class RemoteHardware {
    private final NodeConnection connection;
    private final boolean includeVirtual;
    private final Map<String, Detection> cache = new ConcurrentHashMap<>();

    private RemoteHardware(NodeConnection connection, boolean includeVirtual) {
        this.connection = connection;
        this.includeVirtual = includeVirtual;
    }

    /**
     * Detection over an SSH connection (needs the node's SFTP subsystem, on by default in Proxmox VE).
     *
     * @param connection the connection to the node
     * @return the remote hardware view
     */
    public static RemoteHardware over(NodeConnection connection) {
        return new RemoteHardware(Objects.requireNonNull(connection, "connection"), false);
    }

    /**
     * A copy that also reports virtual adapters (nested Proxmox VE).
     *
     * @param include true to include them
     * @return a new view with its own cache
     */
    public RemoteHardware includeVirtual(boolean include) {
        return new RemoteHardware(connection, include);
    }

    /**
     * Detects the node's GPUs once (later calls return the cached result).
     *
     * @return what was found
     * @throws NodeChannelException when SFTP to the node fails
     */
    public Detection detect() {
        return detect("/");
    }

    /**
     * Detects from a host tree under another directory of the node (e.g. a captured fixture).
     *
     * @param root an absolute directory on the node standing for {@code /}
     * @return what was found (cached per root)
     * @throws NodeChannelException when SFTP to the node fails
     */
    public Detection detect(String root) {
        if (!root.startsWith("/")) {
            throw new IllegalArgumentException("root must be an absolute path on the node: " + root);
        }
        return cache.computeIfAbsent(root, r -> {
            FileSystem fs = connection.fileSystem();
            return GpuDetector.at(fs.getPath(r)).includeVirtual(includeVirtual).detect();
        });
    }

    @Override
    public String toString() {
        return "RemoteHardware[" + connection.target() + "]";
    }
}
