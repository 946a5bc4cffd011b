package io.github.proxmoxlxc.core.config;

import io.github.proxmoxlxc.core.internal.config.KeyRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    /**
     * Keys accepted for build.func compatibility whose effect this library does not implement
     * yet. The one place to shrink as they are implemented; empty since the node channel applies
     * the last of them.
     */
    private static final Set<String> NOT_YET_IMPLEMENTED = Set.of();
    /**
     * Keys that act inside the container or on the node during build.func's install phase: only a
     * setup over the node channel (SSH to the node) applies them.
     */
    private static final Set<String> NODE_CHANNEL = Set.of("var_post_install", "var_apt_cacher",
            "var_apt_cacher_ip", "var_http_proxy", "var_http_no_proxy", "var_ssh",
            "var_verbose", "var_inherit_host_ca", "var_github_token");
    /**
     * The message of the warning {@link ConfigResolver} gives where a {@link #nodeChannel()} key
     * is set: whoever runs the in-container setup may drop it, whoever cannot may reword it.
     */
    public static final String NODE_CHANNEL_WARNING = "acts inside the container or on the node: applied only by"
            + " an in-container setup over the node channel (SSH to the node); without one it changes nothing";
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

    /**
     * The keys that are accepted (validated, resolved, shown with provenance) but change nothing
     * yet. {@link ConfigResolver} warns wherever one is set. Empty now: the keys that act inside
     * the container are {@link #nodeChannel()}.
     *
     * @return an unmodifiable set
     */
    public static Set<String> notYetImplemented() {
        return NOT_YET_IMPLEMENTED;
    }

    /**
     * The keys that act inside the container or on the node, as build.func's install phase does
     * ({@code var_post_install}, the APT cacher and HTTP proxy keys, {@code var_ssh},
     * {@code var_verbose}, {@code var_inherit_host_ca},
     * {@code var_github_token}): applied by the node module's in-container setup
     * ({@code InContainerSetup.fromConfig}) over SSH to the node, and by nothing else.
     * {@link ConfigResolver} warns with {@link #NODE_CHANNEL_WARNING} wherever one is set.
     *
     * @return an unmodifiable set
     */
    public static Set<String> nodeChannel() {
        return NODE_CHANNEL;
    }

    /**
     * The rule a key's value must satisfy, in words.
     *
     * @param key a known key
     * @return the rule, or empty for a key that takes any text (or an unknown key)
     */
    public static Optional<String> rule(String key) {
        return isKnown(key) ? KeyRules.rule(key) : Optional.empty();
    }

    /**
     * The known key an unknown one was probably meant to be ({@code var_cpus} gives
     * {@code var_cpu}): the nearest by edit distance, at most 2 edits (3 for long keys) away,
     * ignoring case.
     *
     * @param key the unknown key
     * @return the suggestion, or empty when nothing is close
     */
    public static Optional<String> suggest(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (!k.startsWith("var_")) {
            k = "var_" + k;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        List<String> all = new ArrayList<>(WHITELIST);
        all.add(CTID);
        for (String candidate : all) {
            int d = distance(k, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int limit = k.length() > 12 ? 3 : 2;
        return bestDistance <= limit && !best.equals(key) ? Optional.of(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
