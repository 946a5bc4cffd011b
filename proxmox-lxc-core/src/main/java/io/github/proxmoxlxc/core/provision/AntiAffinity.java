package io.github.proxmoxlxc.core.provision;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Spreads replicas of one app across nodes in
 * {@link Provisioner#provisionAll(java.util.List, BulkOptions, AntiAffinity)}: requests with the same
 * group key go to different nodes that qualify for them, each to the qualifying node holding the fewest
 * replicas of its group so far (ties: the node's name). With more replicas than qualifying nodes the
 * spread wraps around (two per node, then three...), so every replica still gets a node. A request
 * already pinned to a node keeps it and counts there; a request whose key is empty is placed as usual.
 *
 * <pre>{@code
 * pve.provisionAll(List.of(web1, web2, web3), BulkOptions.defaults(),
 *         AntiAffinity.byKey(r -> Optional.of(r.spec().hostname().replaceAll("-\\d+$", ""))));
 * }</pre>
 */
public final class AntiAffinity {
    private final Function<ProvisionRequest, Optional<String>> key;

    private AntiAffinity(Function<ProvisionRequest, Optional<String>> key) {
        this.key = key;
    }

    /**
     * Groups requests by a key (e.g. the app name); requests of one group are spread.
     *
     * @param key the group of a request, empty for no group
     * @return the rule
     */
    public static AntiAffinity byKey(Function<ProvisionRequest, Optional<String>> key) {
        return new AntiAffinity(Objects.requireNonNull(key, "key"));
    }

    /**
     * Treats every request of the run as a replica of one app.
     *
     * @return the rule
     */
    public static AntiAffinity allReplicas() {
        return new AntiAffinity(r -> Optional.of(""));
    }

    /**
     * The group of a request.
     *
     * @param request a request
     * @return its group, empty when it is not spread
     */
    public Optional<String> groupOf(ProvisionRequest request) {
        return Objects.requireNonNull(key.apply(request), "the anti-affinity key returned null; return Optional.empty()");
    }

    @Override
    public String toString() {
        return "AntiAffinity";
    }
}
