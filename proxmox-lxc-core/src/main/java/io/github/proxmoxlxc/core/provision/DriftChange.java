package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.spec.SpecDifference;
import java.util.Objects;

/** One difference between a spec and an existing container, and what {@code ensure()} did about it. */
public final class DriftChange {
    private final SpecDifference difference;
    private final DriftAction action;
    private final String reason;

    private DriftChange(SpecDifference difference, DriftAction action, String reason) {
        this.difference = Objects.requireNonNull(difference, "difference");
        this.action = Objects.requireNonNull(action, "action");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Creates a change (only the provisioner reports drift).
     *
     * @param difference the option, wanted and actual value
     * @param action what was done
     * @param reason why, in words
     * @return the change
     */
    static DriftChange of(SpecDifference difference, DriftAction action, String reason) {
        return new DriftChange(difference, action, reason);
    }

    /**
     * The difference: option, value in the spec, value on the container.
     *
     * @return the difference
     */
    public SpecDifference difference() {
        return difference;
    }

    /**
     * What was done about it.
     *
     * @return the action
     */
    public DriftAction action() {
        return action;
    }

    /**
     * Why, in words (e.g. {@code unprivileged cannot change on an existing container}).
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    /**
     * Whether the container was changed for this difference.
     *
     * @return true for {@link DriftAction#APPLIED}, {@link DriftAction#PENDING}, {@link DriftAction#RESIZED}
     */
    public boolean written() {
        return action == DriftAction.APPLIED || action == DriftAction.PENDING || action == DriftAction.RESIZED;
    }

    @Override
    public String toString() {
        return difference.key() + ": " + action + " (" + reason + ")";
    }
}
