package io.github.proxmoxlxc.core.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A container's snapshots as the tree Proxmox keeps: each snapshot names its parent, and the
 * {@code current} entry hangs below the snapshot the container was last taken from or rolled back to.
 *
 * <pre>{@code
 * SnapshotTree tree = ct.snapshots().list();
 * tree.walk((depth, s) -> System.out.println("  ".repeat(depth) + s.name()));
 * }</pre>
 */
public final class SnapshotTree {
    private final Map<String, Snapshot> byName;
    private final Snapshot current;

    SnapshotTree(List<Snapshot> entries) {
        Map<String, Snapshot> m = new LinkedHashMap<>();
        Snapshot cur = null;
        List<Snapshot> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing((Snapshot s) -> s.takenAt().map(i -> i.getEpochSecond()).orElse(Long.MAX_VALUE))
                .thenComparing(Snapshot::name));
        for (Snapshot s : sorted) {
            if (s.isCurrent()) {
                cur = s;
            } else {
                m.put(s.name(), s);
            }
        }
        this.byName = java.util.Collections.unmodifiableMap(m);
        this.current = cur != null ? cur : new Snapshot("current", "You are here!", 0, null, null, false);
    }

    /**
     * The snapshots without {@code current}, parents before their children (depth-first from the
     * roots, older siblings first): snapshot times have one-second resolution, so the tree, not
     * the time, decides the order.
     *
     * @return the snapshots
     */
    public List<Snapshot> snapshots() {
        List<Snapshot> out = new ArrayList<>();
        walk((depth, s) -> {
            if (!s.isCurrent()) {
                out.add(s);
            }
        });
        // snapshots on a parent cycle (not reachable from a root) still appear, last
        byName.values().stream().filter(s -> !out.contains(s)).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * The container's present state; its {@link Snapshot#parent()} is the snapshot a rollback
     * without a name would go back to.
     *
     * @return the {@code current} entry
     */
    public Snapshot current() {
        return current;
    }

    /**
     * One snapshot by name.
     *
     * @param name the snapshot name
     * @return the snapshot, or empty
     */
    public Optional<Snapshot> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The entries below one snapshot ({@code current} included where it hangs), oldest first;
     * with {@code null}... use {@link #roots()} for the top level.
     *
     * @param name a snapshot name
     * @return its children
     */
    public List<Snapshot> children(String name) {
        List<Snapshot> out = new ArrayList<>();
        for (Snapshot s : byName.values()) {
            if (s.parent().filter(name::equals).isPresent()) {
                out.add(s);
            }
        }
        if (current.parent().filter(name::equals).isPresent()) {
            out.add(current);
        }
        return out;
    }

    /**
     * The entries without a (known) parent, oldest first; {@code current} is a root when the
     * container has no snapshot yet.
     *
     * @return the roots
     */
    public List<Snapshot> roots() {
        List<Snapshot> out = new ArrayList<>();
        for (Snapshot s : byName.values()) {
            if (s.parent().map(p -> !byName.containsKey(p)).orElse(true)) {
                out.add(s);
            }
        }
        if (current.parent().map(p -> !byName.containsKey(p)).orElse(true)) {
            out.add(current);
        }
        return out;
    }

    /**
     * Visits every entry depth-first from the roots, oldest first, with its depth (0 for a root).
     *
     * @param visitor receives depth and entry
     */
    public void walk(BiConsumer<Integer, Snapshot> visitor) {
        for (Snapshot r : roots()) {
            walk(r, 0, visitor);
        }
    }

    private void walk(Snapshot s, int depth, BiConsumer<Integer, Snapshot> visitor) {
        visitor.accept(depth, s);
        if (!s.isCurrent()) {
            for (Snapshot c : children(s.name())) {
                walk(c, depth + 1, visitor);
            }
        }
    }

    @Override
    public String toString() {
        return "SnapshotTree" + byName.keySet() + " current<-" + current.parent().orElse("-");
    }
}
