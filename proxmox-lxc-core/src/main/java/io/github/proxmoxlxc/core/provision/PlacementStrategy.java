package io.github.proxmoxlxc.core.provision;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chooses the node for a container when the request names none. The provisioner passes only
 * nodes that qualify (online, a rootfs storage with the content type and room, a template
 * storage), sorted by name, so a strategy only ranks them.
 *
 * <pre>{@code
 * ProvisionOptions.builder().placement(PlacementStrategy.mostFreeMemory())
 * ProvisionOptions.builder().placement((spec, nodes) -> nodes.get(0).node())   // custom
 * }</pre>
 */
@FunctionalInterface
public interface PlacementStrategy {

    /**
     * Picks one of the candidates.
     *
     * @param request what is being placed
     * @param candidates the qualifying nodes, never empty, sorted by name
     * @return the chosen node's name; it must be one of the candidates
     */
    String choose(ProvisionRequest request, List<NodeCandidate> candidates);

    /**
     * The node with the most free memory, counting what this provisioner is still creating there
     * (ties: fewest in-flight provisions, then name). The default.
     *
     * @return the strategy
     */
    static PlacementStrategy mostFreeMemory() {
        return (request, candidates) -> candidates.stream()
                .max(Comparator.comparingLong(NodeCandidate::memoryFreeBytes)
                        .thenComparing(Comparator.comparingInt(NodeCandidate::inFlight).reversed()))
                .orElseThrow().node();
    }

    /**
     * Each qualifying node in turn, in name order, across all calls to this instance.
     *
     * @return a new round-robin strategy
     */
    static PlacementStrategy roundRobin() {
        AtomicLong next = new AtomicLong();
        return (request, candidates) -> candidates.get((int) (next.getAndIncrement() % candidates.size())).node();
    }
}
