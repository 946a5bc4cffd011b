package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.provision.NodeCandidate;
import io.github.proxmoxlxc.core.provision.PlacementStrategy;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the provisions in flight per node (and the memory they will take), and in bulk runs
 * limits them: a request waits until one of its qualifying nodes has a free slot, then the
 * placement strategy chooses among the nodes with free slots.
 */
final class NodeGate {
    private final int perNode;
    private final Map<String, Integer> inFlight = new HashMap<>();
    private final Map<String, Long> memory = new HashMap<>();

    /**
     * Creates a gate.
     *
     * @param perNode the most provisions per node at once; {@code Integer.MAX_VALUE} for no limit
     */
    NodeGate(int perNode) {
        this.perNode = perNode;
    }

    /** Chooses a node among the candidates and takes a slot on it; waits while all are full. */
    synchronized String acquire(ProvisionRequest request, List<Placement.Candidate> candidates,
                                PlacementStrategy strategy, long memoryBytes) {
        while (true) {
            List<NodeCandidate> free = new ArrayList<>();
            for (Placement.Candidate c : candidates) {
                String n = c.info().node();
                int used = inFlight.getOrDefault(n, 0);
                if (used < perNode) {
                    long mem = c.info().maxMem() - c.info().mem() - memory.getOrDefault(n, 0L);
                    free.add(new NodeCandidate(n, mem, c.info().maxMem(), c.info().cpu(), c.info().maxCpu(), used));
                }
            }
            if (!free.isEmpty()) {
                String chosen = free.size() == 1 ? free.get(0).node() : strategy.choose(request, List.copyOf(free));
                if (free.stream().noneMatch(f -> f.node().equals(chosen))) {
                    throw new IllegalStateException("placement strategy chose '" + chosen
                            + "', which is not one of the candidates " + free.stream().map(NodeCandidate::node).toList());
                }
                inFlight.merge(chosen, 1, Integer::sum);
                memory.merge(chosen, memoryBytes, Long::sum);
                return chosen;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProxmoxException("interrupted while waiting for a free node slot", e);
            }
        }
    }

    /** Gives the slot back. */
    synchronized void release(String node, long memoryBytes) {
        inFlight.merge(node, -1, Integer::sum);
        memory.merge(node, -memoryBytes, Long::sum);
        notifyAll();
    }
}
