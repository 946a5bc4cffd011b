package io.github.proxmoxlxc.core.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A container's configuration ({@code GET /nodes/{node}/lxc/{vmid}/config}), as the keys and values
 * Proxmox prints ({@code hostname}, {@code cores}, {@code net0}, {@code rootfs}, ...).
 *
 * <p>Pass {@link #digest()} back to an update to fail if someone else changed the config meanwhile.
 * Raw {@code lxc.*} lines, which cannot be set through the API, are in {@link #lxc()}.
 *
 * <p>Built by the client (no public constructor): fields Proxmox adds become new accessors
 * without breaking callers.
 */
public final class ContainerConfig {
    private final String digest;
    private final Map<String, String> values;
    private final List<Map.Entry<String, String>> lxc;

    ContainerConfig(String digest, Map<String, String> values, List<Map.Entry<String, String>> lxc) {
        this.digest = Objects.requireNonNull(digest, "digest");
        this.values = Map.copyOf(values);
        this.lxc = List.copyOf(lxc);
    }

    /**
     * {@return the SHA-1 digest of the config file (Proxmox always sends it; empty if it did not)}
     */
    public String digest() {
        return digest;
    }

    /**
     * {@return every option, values as strings (numbers and 0/1 booleans as Proxmox prints them)}
     */
    public Map<String, String> values() {
        return values;
    }

    /**
     * {@return the raw {@code lxc.*} lines as key and value, in file order}
     */
    public List<Map.Entry<String, String>> lxc() {
        return lxc;
    }

    /**
     * One option.
     *
     * @param key the option, e.g. {@code hostname}
     * @return its value, if set
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ContainerConfig)) {
            return false;
        }
        ContainerConfig o = (ContainerConfig) other;
        return digest.equals(o.digest) && values.equals(o.values) && lxc.equals(o.lxc);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digest, values, lxc);
    }

    @Override
    public String toString() {
        return "ContainerConfig[digest=" + digest + ", values=" + values + ", lxc=" + lxc + "]";
    }
}
