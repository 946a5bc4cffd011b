package io.github.proxmoxlxc.core.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The differences between an existing {@code <app>.vars} and the values about to be saved, in
 * build.func's {@code _build_vars_diff} form.
 */
public final class VarsDiff {
    private final List<Change> changes;

    VarsDiff(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    /**
     * One key that differs.
     *
     * @param key the key
     * @param oldValue the existing value, empty when the key is added
     * @param newValue the new value, empty when the key is removed
     */
    public record Change(String key, Optional<String> oldValue, Optional<String> newValue) {
        /**
         * Checks that no component is null and that at least one side is present.
         *
         * @param key the key
         * @param oldValue the existing value, empty when the key is added
         * @param newValue the new value, empty when the key is removed
         */
        public Change {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(oldValue, "oldValue");
            Objects.requireNonNull(newValue, "newValue");
            if (oldValue.isEmpty() && newValue.isEmpty()) {
                throw new IllegalArgumentException("change of " + key + " has neither side");
            }
        }

        private String show(Optional<String> v) {
            return VarsKeys.isSecret(key) ? "***" : v.orElse("");
        }

        @Override
        public String toString() {
            if (oldValue.isEmpty()) {
                return "+ " + key + "\n    + new: " + show(newValue);
            }
            if (newValue.isEmpty()) {
                return "- " + key + "\n    - old: " + show(oldValue);
            }
            return "~ " + key + "\n    - old: " + show(oldValue) + "\n    + new: " + show(newValue);
        }
    }

    /**
     * The changes: changed and removed keys in the existing file's order, then added keys.
     *
     * @return an unmodifiable list
     */
    public List<Change> changes() {
        return changes;
    }

    /**
     * Whether the file would stay the same (apart from its header comments).
     *
     * @return true when there are no changes
     */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * Renders the diff as build.func shows it: {@code ~ key} with {@code - old:}/{@code + new:},
     * {@code - key} (removed), {@code + key} (added), or {@code (No differences)}.
     *
     * @return the text, ending with a line break
     */
    public String render() {
        if (changes.isEmpty()) {
            return "(No differences)\n";
        }
        StringBuilder sb = new StringBuilder();
        for (Change c : changes) {
            sb.append(c).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
