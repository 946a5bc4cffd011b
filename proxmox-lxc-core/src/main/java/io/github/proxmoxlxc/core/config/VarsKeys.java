package io.github.proxmoxlxc.core.config;

import java.util.List;
import java.util.Set;

/**
 * The {@code var_*} keys a {@code .vars} file may hold: {@code build.func}'s 40-key whitelist
 * ({@code VAR_WHITELIST}).
 *
 * <p>{@code var_ctid} is deliberately not in it ("can only exist once"): it is accepted from the
 * environment and explicit values only.
 */
public final class VarsKeys {
    /** The 40 whitelisted keys, in {@code build.func}'s order. */
    public static final List<String> WHITELIST = List.of(
            "var_apt_cacher", "var_apt_cacher_ip", "var_brg", "var_cpu", "var_disk", "var_fuse",
            "var_github_token", "var_gpu", "var_http_no_proxy", "var_http_proxy",
            "var_inherit_host_ca", "var_keyctl", "var_gateway", "var_hostname", "var_ipv6_method",
            "var_mac", "var_mknod", "var_mount_fs", "var_mtu", "var_net", "var_nesting", "var_ns",
            "var_os", "var_protection", "var_pw", "var_ram", "var_tags", "var_timezone", "var_tun",
            "var_unprivileged", "var_verbose", "var_version", "var_vlan", "var_ssh",
            "var_ssh_authorized_key", "var_container_storage", "var_template_storage",
            "var_searchdomain", "var_post_install", "var_sdn_vnet");

    /** The container id key, valid only in the environment and explicit layers. */
    public static final String CTID = "var_ctid";

    private static final Set<String> WHITELIST_SET = Set.copyOf(WHITELIST);
    private static final Set<String> SECRETS = Set.of("var_pw", "var_github_token");

    private VarsKeys() {
    }

    /**
     * Whether a key may appear in a {@code .vars} file.
     *
     * @param key a key such as {@code var_cpu}
     * @return true for the 40 whitelisted keys
     */
    public static boolean isWhitelisted(String key) {
        return WHITELIST_SET.contains(key);
    }

    /**
     * Whether a key may be set from the environment or explicitly: the whitelist plus
     * {@link #CTID}.
     *
     * @param key a key
     * @return true when known
     */
    public static boolean isKnown(String key) {
        return WHITELIST_SET.contains(key) || CTID.equals(key);
    }

    /**
     * Whether a key holds a secret ({@code var_pw}, {@code var_github_token}); its value is shown
     * as {@code ***} in messages, warnings and {@code explain()}.
     *
     * @param key a key
     * @return true for a secret
     */
    public static boolean isSecret(String key) {
        return SECRETS.contains(key);
    }
}
