package io.github.proxmoxlxc.core.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A container's configuration ({@code GET /nodes/{node}/lxc/{vmid}/config}), as the keys and values
 * Proxmox prints ({@code hostname}, {@code cores}, {@code net0}, {@code rootfs}, ...).
 *
 * <p>Pass {@link #digest()} back to an update to fail if someone else changed the config meanwhile.
 * Raw {@code lxc.*} lines, which cannot be set through the API, are in {@link #lxc()}.
 *
 * @param digest the SHA-1 digest of the config file
 * @param values every option, values as strings (numbers and 0/1 booleans as Proxmox prints them)
 * @param lxc the raw {@code lxc.*} lines as key and value, in file order
 */
public record ContainerConfig(String digest, Map<String, String> values, List<Map.Entry<String, String>> lxc) {

    /**
     * Copies the values.
     *
     * @param digest the SHA-1 digest of the config file
     * @param values every option, values as strings (numbers and 0/1 booleans as Proxmox prints them)
     * @param lxc the raw {@code lxc.*} lines as key and value, in file order
     */
    public ContainerConfig {
        values = Map.copyOf(values);
        lxc = List.copyOf(lxc);
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
}
