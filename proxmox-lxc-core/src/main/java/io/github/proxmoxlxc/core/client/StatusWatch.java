package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import io.github.proxmoxlxc.core.internal.client.Decoders;
import io.github.proxmoxlxc.core.internal.client.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Streams status changes of a set of containers as {@link StatusChange} events. Obtained from
 * {@link ProxmoxClient#watch(Collection)}.
 *
 * <p>Each poll is one {@code GET /cluster/resources?type=vm} (so a container that migrates is still
 * followed, and one poll covers every watched container). Polls follow the client's task
 * {@link PollSchedule}: fast at first, backing off to {@link PollSchedule#maxInterval()}; after a
 * change the schedule starts over, so a burst of changes (stop, migrate, start) is seen promptly.
 *
 * <pre>{@code
 * pve.watch(List.of(120, 121)).run(Duration.ofMinutes(10), change -> {
 *     System.out.println(change);
 *     return true;          // false stops the watch
 * });
 * }</pre>
 */
public final class StatusWatch {
    private final ApiExecutor api;
    private final Clock clock;
    private final PollSchedule schedule;
    private final Set<Integer> vmids;

    StatusWatch(ApiExecutor api, Clock clock, PollSchedule schedule, Collection<Integer> vmids) {
        this.api = api;
        this.clock = clock;
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(vmids, "vmids");
        if (vmids.isEmpty()) {
            throw new IllegalArgumentException("vmids: must name at least one container");
        }
        Set<Integer> s = new LinkedHashSet<>();
        for (Integer v : vmids) {
            s.add(Paths.vmid(Objects.requireNonNull(v, "vmid")));
        }
        this.vmids = Set.copyOf(s);
    }

    /**
     * The same watch with another poll schedule.
     *
     * @param schedule the schedule
     * @return a new watch
     */
    public StatusWatch withSchedule(PollSchedule schedule) {
        return new StatusWatch(api, clock, schedule, vmids);
    }

    /**
     * Polls until the deadline passes or the listener returns false. The first poll reports every
     * watched container (missing ones as {@link StatusChange#ABSENT}); later polls report only changes,
     * in vmid order within one poll.
     *
     * @param deadline how long to watch (the last poll is no later than this)
     * @param listener receives each change; returns false to stop watching
     * @return how many changes were reported
     */
    public int run(Duration deadline, Predicate<StatusChange> listener) {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(listener, "listener");
        if (deadline.isNegative()) {
            throw new IllegalArgumentException("deadline: " + deadline + " must not be negative");
        }
        long end = System.nanoTime() + deadline.toNanos();
        Map<Integer, StatusChange> last = new HashMap<>();
        int events = 0;
        int poll = 0;
        while (true) {
            List<StatusChange> changes = poll(last);
            for (StatusChange c : changes) {
                events++;
                last.put(c.vmid(), c);
                if (!listener.test(c)) {
                    return events;
                }
            }
            poll = changes.isEmpty() ? poll + 1 : 1;
            long delay = schedule.delayBefore(poll + 1).toNanos();
            long left = end - System.nanoTime();
            if (left <= 0) {
                return events;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(delay, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return events;
            }
            if (end - System.nanoTime() <= 0) {
                return events;
            }
        }
    }

    /**
     * Polls once and returns the current state of every watched container, as first reports.
     *
     * @return one event per watched container, in vmid order
     */
    public List<StatusChange> snapshot() {
        return poll(Map.of());
    }

    private List<StatusChange> poll(Map<Integer, StatusChange> last) {
        List<ClusterResource> all = Decoders.list(
                api.data(HttpMethod.GET, "/cluster/resources", Map.of("type", "vm")), Wire::resource);
        Instant now = clock.instant();
        Map<Integer, ClusterResource> seen = new HashMap<>();
        for (ClusterResource r : all) {
            if (r.vmid().isPresent() && vmids.contains(r.vmid().getAsInt())) {
                seen.put(r.vmid().getAsInt(), r);
            }
        }
        List<StatusChange> out = new ArrayList<>();
        for (Integer vmid : vmids.stream().sorted().toList()) {
            ClusterResource r = seen.get(vmid);
            String node = r == null ? null : r.node().orElse(null);
            String status = r == null ? StatusChange.ABSENT : r.rawStatus().orElse("unknown");
            String lock = r == null ? null : r.lock().orElse(null);
            StatusChange prev = last.get(vmid);
            if (prev == null || !prev.sameAs(node, status, lock)) {
                out.add(new StatusChange(now, vmid, node, status, lock, prev));
            }
        }
        return out;
    }
}
