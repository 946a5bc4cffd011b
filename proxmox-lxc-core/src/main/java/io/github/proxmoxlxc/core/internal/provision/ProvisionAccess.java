package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.client.TaskResult;
import io.github.proxmoxlxc.core.provision.DriftAction;
import io.github.proxmoxlxc.core.provision.DriftChange;
import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.core.provision.PlannedCall;
import io.github.proxmoxlxc.core.provision.PreflightException;
import io.github.proxmoxlxc.core.provision.PreflightProblem;
import io.github.proxmoxlxc.core.provision.ProvisionEvent;
import io.github.proxmoxlxc.core.provision.ProvisionException;
import io.github.proxmoxlxc.core.provision.ProvisionOutcome;
import io.github.proxmoxlxc.core.provision.ProvisionPlan;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.ProvisionResult;
import io.github.proxmoxlxc.core.provision.ProvisionStep;
import io.github.proxmoxlxc.core.provision.SpecMismatchException;
import io.github.proxmoxlxc.core.spec.SpecDifference;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the provisioner builds results, plans, events and exceptions: they have no public
 * constructor or builder, so the provision package installs a bridge here when it is first used
 * (the same pattern as {@code SpecAccess}). Call sites read as before:
 * {@code ProvisionAccess.result(vmid, node).hostname(h).build()}.
 */
public final class ProvisionAccess {
    /** Builds a {@link ProvisionResult}; the setters of the former public builder. */
    public interface Result {
        /**
         * Records an access detail ({@code url}, {@code ssh}, ...).
         *
         * @param key the name
         * @param value the value
         * @return this builder
         */
        Result putAccess(String key, String value);

        /**
         * Sets the hostname.
         *
         * @param hostname the hostname, or null
         * @return this builder
         */
        Result hostname(String hostname);

        /**
         * Sets the addresses.
         *
         * @param addresses the addresses
         * @return this builder
         */
        Result addresses(List<String> addresses);

        /**
         * Sets the status.
         *
         * @param status e.g. {@code running}
         * @return this builder
         */
        Result status(String status);

        /**
         * Sets the template volume used.
         *
         * @param template the volume, or null
         * @return this builder
         */
        Result template(String template);

        /**
         * Sets whether the container was created (false when {@code ensure()} found it).
         *
         * @param created true when created
         * @return this builder
         */
        Result created(boolean created);

        /**
         * Records a step's duration.
         *
         * @param step the step
         * @param took its duration
         * @return this builder
         */
        Result putTiming(ProvisionStep step, Duration took);

        /**
         * Adds a warning.
         *
         * @param warning the text
         * @return this builder
         */
        Result addWarning(String warning);

        /**
         * Adds a call made.
         *
         * @param call the call
         * @return this builder
         */
        Result addCall(String call);

        /**
         * Adds a finished task.
         *
         * @param task the task
         * @return this builder
         */
        Result addTask(TaskResult task);

        /**
         * Adds a drift change.
         *
         * @param change the change
         * @return this builder
         */
        Result addDrift(DriftChange change);

        /**
         * Builds the result.
         *
         * @return the result
         */
        ProvisionResult build();
    }

    /** Builds a {@link ProvisionPlan}; the setters of the former public builder. */
    public interface Plan {
        /**
         * Sets the node.
         *
         * @param node the node, or null when unknown
         * @return this builder
         */
        Plan node(String node);

        /**
         * Sets the VMID.
         *
         * @param vmid the id, or null when unknown
         * @return this builder
         */
        Plan vmid(Integer vmid);

        /**
         * Sets the template volume.
         *
         * @param volume the volume, or null
         * @return this builder
         */
        Plan templateVolume(String volume);

        /**
         * Sets the root file system storage.
         *
         * @param storage the storage, or null
         * @return this builder
         */
        Plan rootFsStorage(String storage);

        /**
         * Sets the template storage.
         *
         * @param storage the storage, or null
         * @return this builder
         */
        Plan templateStorage(String storage);

        /**
         * Adds a planned call.
         *
         * @param call the call
         * @return this builder
         */
        Plan addCall(PlannedCall call);

        /**
         * Sets the node patch and its rendered lines.
         *
         * @param patch the patch
         * @param lines the lines per file
         * @return this builder
         */
        Plan nodePatch(NodePatch patch, List<String> lines);

        /**
         * Adds a warning.
         *
         * @param warning the text
         * @return this builder
         */
        Plan addWarning(String warning);

        /**
         * Adds an informational note.
         *
         * @param note the text
         * @return this builder
         */
        Plan addNote(String note);

        /**
         * Marks the plan as resolved against the cluster.
         *
         * @param resolved true after preflight
         * @return this builder
         */
        Plan resolved(boolean resolved);

        /**
         * Builds the plan.
         *
         * @return the plan
         */
        ProvisionPlan build();
    }

    /** Builds a {@link ProvisionEvent}; the setters of the former public builder. */
    public interface Event {
        /**
         * Sets the VMID.
         *
         * @param vmid the id, or null when not known
         * @return this builder
         */
        Event vmid(Integer vmid);

        /**
         * Sets the node.
         *
         * @param node the node, or null when not known
         * @return this builder
         */
        Event node(String node);

        /**
         * Sets the time spent in the step.
         *
         * @param elapsed not negative
         * @return this builder
         */
        Event elapsed(Duration elapsed);

        /**
         * Sets the message.
         *
         * @param message the text
         * @return this builder
         */
        Event message(String message);

        /**
         * Sets the progress.
         *
         * @param fraction 0..1
         * @return this builder
         */
        Event fraction(double fraction);

        /**
         * Builds the event.
         *
         * @return the event
         */
        ProvisionEvent build();
    }

    /** What the provision package provides. */
    public interface Bridge {
        /**
         * Starts a result.
         *
         * @param vmid the container id
         * @param node its node
         * @return the builder
         */
        Result result(int vmid, String node);

        /**
         * Starts a plan.
         *
         * @param label the request's label
         * @param template the template reference
         * @return the builder
         */
        Plan plan(String label, String template);

        /**
         * Starts an event.
         *
         * @param kind the kind
         * @param step the step
         * @param label the request's label
         * @return the builder
         */
        Event event(ProvisionEvent.Kind kind, ProvisionStep step, String label);

        /**
         * A bulk run's success.
         *
         * @param request the request
         * @param result its result
         * @return the outcome
         */
        ProvisionOutcome success(ProvisionRequest request, ProvisionResult result);

        /**
         * A bulk run's failure.
         *
         * @param request the request
         * @param failure the error
         * @return the outcome
         */
        ProvisionOutcome failure(ProvisionRequest request, ProvisionException failure);

        /**
         * Creates a drift change.
         *
         * @param difference the option, wanted and actual value
         * @param action what was done
         * @param reason why, in words
         * @return the change
         */
        DriftChange drift(SpecDifference difference, DriftAction action, String reason);

        /**
         * Creates a provisioning failure.
         *
         * @param message what failed and what state the container is in
         * @param step the failed step
         * @param label the request's label
         * @param vmid the VMID, or null when none was allocated
         * @param node the node, or null before placement
         * @param rolledBack true when a created container was destroyed again
         * @param needsAttention true when a container remains that a person must look at
         * @param cause the step's error, or null
         * @param rollbackFailure the rollback's error, or null
         * @return the exception
         */
        ProvisionException exception(String message, ProvisionStep step, String label, Integer vmid, String node,
                boolean rolledBack, boolean needsAttention, Throwable cause, Throwable rollbackFailure);

        /**
         * Creates a preflight failure.
         *
         * @param label the request's label
         * @param node the node checked, or null
         * @param problems every problem found, not empty
         * @return the exception
         */
        PreflightException preflight(String label, String node, List<PreflightProblem> problems);

        /**
         * Creates an {@code ensure()} mismatch.
         *
         * @param label the request's label
         * @param vmid the existing container
         * @param node its node
         * @param differences what differs, not empty
         * @return the exception
         */
        SpecMismatchException mismatch(String label, int vmid, String node, List<SpecDifference> differences);
    }

    /** The class in the provision package that installs the bridge when it initialises. */
    private static final String INSTALLER = "io.github.proxmoxlxc.core.provision.Internals";
    private static volatile Bridge bridge;

    private ProvisionAccess() {
    }

    /**
     * Installs the bridge; called once by the provision package.
     *
     * @param b the bridge
     */
    public static void install(Bridge b) {
        if (bridge != null) {
            throw new IllegalStateException("the provision bridge is already installed");
        }
        bridge = Objects.requireNonNull(b, "b");
    }

    private static Bridge bridge() {
        Bridge b = bridge;
        if (b == null) {
            try {
                Class.forName(INSTALLER, true, ProvisionAccess.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the provision bridge is missing: " + INSTALLER, e);
            }
            b = Objects.requireNonNull(bridge, "the provision bridge was not installed");
        }
        return b;
    }

    /**
     * Starts a result.
     *
     * @param vmid the container id
     * @param node its node
     * @return the builder
     */
    public static Result result(int vmid, String node) {
        return bridge().result(vmid, node);
    }

    /**
     * Starts a plan.
     *
     * @param label the request's label
     * @param template the template reference
     * @return the builder
     */
    public static Plan plan(String label, String template) {
        return bridge().plan(label, template);
    }

    /**
     * Starts an event.
     *
     * @param kind the kind
     * @param step the step
     * @param label the request's label
     * @return the builder
     */
    public static Event event(ProvisionEvent.Kind kind, ProvisionStep step, String label) {
        return bridge().event(kind, step, label);
    }

    /**
     * A bulk run's success.
     *
     * @param request the request
     * @param result its result
     * @return the outcome
     */
    public static ProvisionOutcome success(ProvisionRequest request, ProvisionResult result) {
        return bridge().success(request, result);
    }

    /**
     * A bulk run's failure.
     *
     * @param request the request
     * @param failure the error
     * @return the outcome
     */
    public static ProvisionOutcome failure(ProvisionRequest request, ProvisionException failure) {
        return bridge().failure(request, failure);
    }

    /**
     * Creates a drift change: what {@code ensure()} did about one difference.
     *
     * @param difference the option, wanted and actual value
     * @param action what was done
     * @param reason why, in words
     * @return the change
     */
    public static DriftChange drift(SpecDifference difference, DriftAction action, String reason) {
        return bridge().drift(difference, action, reason);
    }

    /**
     * Creates a provisioning failure (see {@link Bridge#exception}).
     *
     * @param message what failed and what state the container is in
     * @param step the failed step
     * @param label the request's label
     * @param vmid the VMID, or null when none was allocated
     * @param node the node, or null before placement
     * @param rolledBack true when a created container was destroyed again
     * @param needsAttention true when a container remains that a person must look at
     * @param cause the step's error, or null
     * @param rollbackFailure the rollback's error, or null
     * @return the exception
     */
    public static ProvisionException exception(String message, ProvisionStep step, String label, Integer vmid,
            String node, boolean rolledBack, boolean needsAttention, Throwable cause, Throwable rollbackFailure) {
        return bridge().exception(message, step, label, vmid, node, rolledBack, needsAttention, cause,
                rollbackFailure);
    }

    /**
     * Creates a preflight failure.
     *
     * @param label the request's label
     * @param node the node checked, or null
     * @param problems every problem found, not empty
     * @return the exception
     */
    public static PreflightException preflight(String label, String node, List<PreflightProblem> problems) {
        return bridge().preflight(label, node, problems);
    }

    /**
     * Creates an {@code ensure()} mismatch.
     *
     * @param label the request's label
     * @param vmid the existing container
     * @param node its node
     * @param differences what differs, not empty
     * @return the exception
     */
    public static SpecMismatchException mismatch(String label, int vmid, String node,
            List<SpecDifference> differences) {
        return bridge().mismatch(label, vmid, node, differences);
    }
}
