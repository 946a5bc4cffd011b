package io.github.proxmoxlxc.node;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.apps.ScriptSource;
import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.ContainerStatus;
import io.github.proxmoxlxc.core.client.AuthenticationException;
import io.github.proxmoxlxc.core.client.NotFoundException;
import io.github.proxmoxlxc.core.client.ParameterException;
import io.github.proxmoxlxc.core.client.PermissionException;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.SnapshotTree;
import io.github.proxmoxlxc.core.client.Snapshots;
import io.github.proxmoxlxc.core.client.TaskFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Updates what runs in a container, with a way back: takes a snapshot through the API, runs the
 * update inside the container over the node channel ({@code pct exec}), optionally verifies the
 * result with a command in the container, and rolls back to the snapshot when any of that fails.
 *
 * <p>The update is either the OS package upgrade (by the container's {@code ostype}: apt for
 * Debian, Ubuntu and Devuan, apk for Alpine, dnf for Fedora and CentOS, pacman for Arch Linux,
 * zypper for openSUSE), or an app's update script: the community script {@code ct/<slug>.sh},
 * run in the container with {@code PHS_SILENT=1} as its {@code /usr/bin/update} does, so that
 * build.func's {@code start} runs the app's {@code update_script} unattended.
 *
 * <p>The snapshot ({@code pre-update-<UTC time>}) needs a storage that can snapshot every volume
 * of the container ({@link Snapshots#supported()}); with {@link SnapshotPolicy#REQUIRED} (the
 * default) an update on any other storage is refused before anything changes. The container must
 * be running. Every step is a {@link UpdateProgress} event with its timing; a failure throws
 * {@link UpdateFailedException} with the last lines of the output and where the container stands.
 *
 * <pre>{@code
 * UpdateResult r = ContainerUpdate.builder(pve, node).app("jellyfin")
 *         .verify(List.of("systemctl", "is-active", "jellyfin")).build()
 *         .run(pve.node("pve1").container(101), System.out::println);
 * }</pre>
 */
public final class ContainerUpdate {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final DateTimeFormatter SNAP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String INSIDE = "/root/.proxmox-lxc-update.sh";
    private static final int TAIL = 15;

    private final ProxmoxClient pve;
    private final Function<String, NodeConnection> nodes;
    private final String appSlug;
    private final InstallScript appScript;
    private final SnapshotPolicy snapshots;
    private final boolean keepSnapshot;
    private final List<String> verify;
    private final Map<String, String> environment;
    private final Duration commandTimeout;
    private final Duration taskTimeout;
    private final OutputListener output;
    private final Clock clock;

    private ContainerUpdate(Builder b) {
        this.pve = b.pve;
        this.nodes = b.nodes;
        this.appSlug = b.appSlug;
        this.appScript = b.appScript;
        this.snapshots = b.snapshots;
        this.keepSnapshot = b.keepSnapshot;
        this.verify = List.copyOf(b.verify);
        this.environment = Map.copyOf(b.environment);
        this.commandTimeout = b.commandTimeout;
        this.taskTimeout = b.taskTimeout;
        this.output = b.output;
        this.clock = b.clock;
    }

    /**
     * A builder for containers on one node.
     *
     * @param pve the API client (snapshots, status, rollback)
     * @param connection the SSH connection to the container's node (as root)
     * @return the builder; the update is the OS package upgrade until {@link Builder#app(String)}
     */
    public static Builder builder(ProxmoxClient pve, NodeConnection connection) {
        Objects.requireNonNull(connection, "connection");
        return new Builder(pve, n -> connection);
    }

    /**
     * A builder for a cluster: the connection for each node name.
     *
     * @param pve the API client
     * @param nodes node name to connection (throw a clear error for an unknown node)
     * @return the builder
     */
    public static Builder builder(ProxmoxClient pve, Function<String, NodeConnection> nodes) {
        return new Builder(pve, Objects.requireNonNull(nodes, "nodes"));
    }

    /**
     * The URL of an app's update script in the community repository ({@code ct/<slug>.sh}).
     *
     * @param slug the app's slug, e.g. {@code jellyfin}
     * @return the raw URL
     */
    public static String communityScriptUrl(String slug) {
        return ScriptSource.COMMUNITY_SCRIPTS_BASE + "ct/" + checkSlug(slug) + ".sh";
    }

    /**
     * Runs the update without progress events; see {@link #run(Container, UpdateListener)}.
     *
     * @param container the container
     * @return the result
     */
    public UpdateResult run(Container container) {
        return run(container, UpdateListener.none());
    }

    /**
     * Runs the update: check, snapshot, update, verify; on a failure after the snapshot, roll back
     * (starting the container again) and remove the snapshot.
     *
     * @param container the container (must be running)
     * @param listener receives each step's events
     * @return the result
     * @throws UpdateFailedException when a step fails; its message says whether the container was
     *         left unchanged or rolled back
     */
    public UpdateResult run(Container container, UpdateListener listener) {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(listener, "listener");
        Run run = new Run(container, listener);
        return run.go();
    }

    /** What the update runs, for people. */
    private String action(String os) {
        if (appSlug != null) {
            return "app " + appSlug;
        }
        return "OS packages (" + packageManager(os).orElse("?") + ")";
    }

    static Optional<String> packageManager(String ostype) {
        switch (ostype) {
            case "debian":
            case "ubuntu":
            case "devuan":
                return Optional.of("apt");
            case "alpine":
                return Optional.of("apk");
            case "fedora":
            case "centos":
                return Optional.of("dnf");
            case "archlinux":
                return Optional.of("pacman");
            case "opensuse":
                return Optional.of("zypper");
            default:
                return Optional.empty();
        }
    }

    /** The constant upgrade script for a package manager (run with {@code sh -c}). */
    static String upgradeScript(String manager) {
        switch (manager) {
            case "apt":
                return "export DEBIAN_FRONTEND=noninteractive; apt-get update -q && apt-get -y -q "
                        + "-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold dist-upgrade";
            case "apk":
                return "apk -U upgrade";
            case "dnf":
                return "dnf -y upgrade";
            case "pacman":
                return "pacman -Syu --noconfirm";
            case "zypper":
                return "zypper --non-interactive refresh && zypper --non-interactive dup";
            default:
                throw new IllegalArgumentException(manager);
        }
    }

    static String checkSlug(String slug) {
        Objects.requireNonNull(slug, "slug");
        if (!SLUG.matcher(slug).matches()) {
            throw new ProxmoxException("app '" + slug + "' is not an app slug: lower-case letters, digits and '-', "
                    + "as in the community scripts' ct/<slug>.sh (e.g. jellyfin)");
        }
        return slug;
    }

    /** One run: its state and steps. */
    private final class Run {
        private final Container ct;
        private final UpdateListener listener;
        private final List<UpdateProgress> steps = new ArrayList<>();
        private final long t0 = System.nanoTime();
        private String action = appSlug == null ? "OS packages" : "app " + appSlug;
        private String snapshot;
        private boolean started;
        private NodeConnection node;

        Run(Container ct, UpdateListener listener) {
            this.ct = ct;
            this.listener = listener;
        }

        UpdateResult go() {
            String os;
            boolean running;
            // check: nothing changes yet
            long s = begin("check");
            try {
                ContainerStatus st = ct.status();
                running = st.running();
                if (!running) {
                    throw fail("check", s, "container " + ct.vmid() + " is " + st.rawStatus()
                            + "; the update runs inside it with pct exec, so start it first", null, -1, List.of());
                }
                os = ct.config().get("ostype").orElse("");
                if (appSlug == null && packageManager(os).isEmpty()) {
                    throw fail("check", s, "container " + ct.vmid() + " has ostype '" + os + "', which has no known"
                            + " package upgrade (apt, apk, dnf, pacman or zypper); update it by hand or with an app"
                            + " script", null, -1, List.of());
                }
                action = action(os);
                node = nodes.apply(ct.node());
            } catch (UpdateFailedException e) {
                throw e;
            } catch (ProxmoxException e) {
                throw fail("check", s, "could not read container " + ct.vmid() + ": " + e.getMessage(), e, -1,
                        List.of());
            }
            end("check", s, action + " on node " + ct.node());

            String noSnapshot = takeSnapshot();

            ExecResult result;
            long u = begin("update");
            if (appSlug != null) {
                try {
                    stage(node);
                } catch (ProxmoxException e) {
                    emit("update", UpdateProgress.Phase.FAILED, u, "could not stage the update script");
                    String kept = snapshot == null ? "" : removeSnapshot() ? "" : " (snapshot " + snapshot + " kept)";
                    List<String> tail = e instanceof CommandFailedException ? ((CommandFailedException) e).outputTail()
                            : List.of();
                    throw new UpdateFailedException("could not put the update script " + appScript.name()
                            + " into container " + ct.vmid() + "; nothing was changed" + kept + ": " + e.getMessage(),
                            ct.vmid(), "update", null, false, false, -1, tail, e);
                }
            }
            started = true;
            try {
                result = node.exec(updateCommand(os), commandTimeout, output);
            } catch (ProxmoxException e) {
                throw failAndRollBack("update", u, "the update of container " + ct.vmid() + " could not run to its end"
                        + " over the node channel: " + e.getMessage(), e, -1, List.of(), running);
            }
            if (!result.success()) {
                throw failAndRollBack("update", u, action + " failed in container " + ct.vmid() + " (exit status "
                        + result.exitStatus() + ")", null, result.exitStatus(), result.tail(TAIL), running);
            }
            end("update", u, "exit status 0");
            if (!verify.isEmpty()) {
                long v = begin("verify");
                ExecResult check;
                try {
                    List<String> argv = new ArrayList<>(List.of("exec", Integer.toString(ct.vmid()), "--"));
                    check = node.exec(RemoteCommand.wrap("pct", argv, verify), commandTimeout, output);
                } catch (ProxmoxException e) {
                    throw failAndRollBack("verify", v, "the check after the update could not run: " + e.getMessage(), e,
                            -1, List.of(), running);
                }
                if (!check.success()) {
                    throw failAndRollBack("verify", v, "the check after the update (" + String.join(" ", verify)
                            + ") failed in container " + ct.vmid() + " (exit status " + check.exitStatus() + ")",
                            null, check.exitStatus(), check.tail(TAIL), running);
                }
                end("verify", v, "");
            }
            boolean kept = snapshot != null;
            if (snapshot != null && !keepSnapshot) {
                kept = !removeSnapshot();
            }
            return new UpdateResult(ct.vmid(), ct.node(), action, snapshot, kept, noSnapshot, steps,
                    result.tail(TAIL), Duration.ofNanos(System.nanoTime() - t0));
        }

        /** @return why there is no snapshot, or null when one was taken */
        private String takeSnapshot() {
            if (snapshots == SnapshotPolicy.NONE) {
                skip("snapshot", "skipped on request: a failed update cannot be rolled back");
                return "skipped on request";
            }
            long s = begin("snapshot");
            Snapshots snaps = ct.snapshots();
            boolean supported;
            try {
                supported = snaps.supported();
            } catch (ProxmoxException e) {
                throw fail("snapshot", s, "could not ask whether container " + ct.vmid() + " can be snapshotted: "
                        + e.getMessage(), e, -1, List.of());
            }
            if (!supported) {
                String why = "the storage of container " + ct.vmid() + " cannot take snapshots (directory, NFS or"
                        + " thick LVM; snapshots need LVM-thin, ZFS, Ceph RBD or Btrfs)";
                if (snapshots == SnapshotPolicy.REQUIRED) {
                    throw fail("snapshot", s, why + "; nothing was changed. To update without a way back, choose"
                            + " SnapshotPolicy.IF_SUPPORTED or NONE", null, -1, List.of());
                }
                steps.add(event("snapshot", UpdateProgress.Phase.SKIPPED, 0, why + "; updating without a way back"));
                listener.progress(steps.get(steps.size() - 1));
                return why;
            }
            String name;
            try {
                name = freeName(snaps, "pre-update-" + SNAP_TIME.format(clock.instant()));
            } catch (ProxmoxException e) {
                throw fail("snapshot", s, "could not list the snapshots of container " + ct.vmid() + ": "
                        + e.getMessage(), e, -1, List.of());
            }
            try {
                pve.tasks().await(snaps.create(name, "before proxmox-lxc update: " + action), taskTimeout);
            } catch (ProxmoxException e) {
                String cleanup = discardSnapshot(snaps, name);
                throw fail("snapshot", s, "the snapshot " + name + " of container " + ct.vmid() + " failed: "
                        + e.getMessage() + "; nothing was changed" + cleanup, e, -1, List.of());
            }
            snapshot = name;
            end("snapshot", s, name);
            return null;
        }

        /** The name, or with {@code -2}, {@code -3}, ... when a snapshot of that name exists (two updates in one second). */
        private String freeName(Snapshots snaps, String base) {
            SnapshotTree tree = snaps.list();
            String name = base;
            for (int i = 2; tree.find(name).isPresent(); i++) {
                name = base + "-" + i;
            }
            return name;
        }

        /**
         * After a failed snapshot request: waits for the lock and removes the snapshot of that name,
         * which did not exist before the request ({@link #freeName}), if it appeared anyway.
         */
        private String discardSnapshot(Snapshots snaps, String name) {
            try {
                awaitUnlocked();
                if (snaps.list().find(name).isPresent()) {
                    pve.tasks().await(snaps.delete(name, true), taskTimeout);
                    return " (the half-taken snapshot was removed)";
                }
                return "";
            } catch (ProxmoxException e) {
                return " (a snapshot " + name + " may be left over: " + e.getMessage() + ")";
            }
        }

        /** Puts the app's script into the container: fetched on the node or sent from here (the install path's staging). */
        private void stage(NodeConnection node) {
            ContainerScripts scripts = ContainerScripts.on(node, commandTimeout, output);
            if (appScript.url().isPresent()) {
                scripts.fetch(ct.vmid(), appScript.url().get(), INSIDE, "0700", 0);
            } else {
                scripts.push(ct.vmid(), appScript.content(), INSIDE, "0700");
            }
        }

        private RemoteCommand updateCommand(String os) {
            String vmid = Integer.toString(ct.vmid());
            if (appSlug == null) {
                String manager = packageManager(os).orElseThrow();
                List<String> inner = new ArrayList<>(List.of("env"));
                environment.forEach((k, v) -> inner.add(k + "=" + v));
                inner.addAll(List.of("sh", "-c", upgradeScript(manager)));
                return RemoteCommand.wrap("pct", List.of("exec", vmid, "--"), inner);
            }
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PHS_SILENT", "1");
            env.put("CTID", vmid);
            env.putAll(environment);
            env.putAll(appScript.environment());
            List<String> argv = new ArrayList<>(List.of("exec", vmid, "--", "env"));
            env.forEach((k, v) -> argv.add(k + "=" + v));
            argv.add("bash");
            argv.add(INSIDE);
            return RemoteCommand.wrap("pct", argv, List.of()).sensitive("pct exec " + vmid + " -- env … bash " + INSIDE);
        }

        private UpdateFailedException failAndRollBack(String step, long since, String what, Throwable cause,
                int exit, List<String> tail, boolean wasRunning) {
            String lines = tail.isEmpty() ? "" : "; last lines:\n  " + String.join("\n  ", tail);
            emit(step, UpdateProgress.Phase.FAILED, since, what);
            if (snapshot == null) {
                String message = what + "; no snapshot was taken, so the container may be on a half-applied change:"
                        + " look at it before running the update again" + lines;
                return new UpdateFailedException(message, ct.vmid(), step, null, started, false, exit, tail, cause);
            }
            long r = begin("rollback");
            try {
                rollBack(wasRunning);
            } catch (ProxmoxException e) {
                emit("rollback", UpdateProgress.Phase.FAILED, r, e.getMessage());
                String message = what + "; the rollback to snapshot " + snapshot + " failed too (" + e.getMessage()
                        + "), so the container may be on a half-applied change: roll it back by hand with"
                        + " 'pct rollback " + ct.vmid() + " " + snapshot + "' on node " + ct.node() + lines;
                UpdateFailedException x = new UpdateFailedException(message, ct.vmid(), step, snapshot, started, false,
                        exit, tail, cause);
                x.addSuppressed(e);
                return x;
            }
            String startNote = wasRunning ? ensureRunning() : "";
            end("rollback", r, "back on snapshot " + snapshot + startNote);
            String rolled = snapshot;
            boolean removed = removeSnapshot();
            String message = what + "; rolled back to snapshot " + rolled
                    + (removed ? " (then removed)" : " (kept)") + lines;
            return new UpdateFailedException(message, ct.vmid(), step, rolled, started, true, exit, tail, cause);
        }

        /**
         * Rolls back. A rollback whose request or task failed for a reason that may pass (a lost
         * response, a proxy error, a 500, a lock, a failed task) is sent again once the config lock
         * is free, at most as often as the client's retry policy allows: rolling back to the same
         * snapshot twice lands on the same state, so a re-send is safe where leaving the container
         * on a half-applied change is not. Not found, permission and parameter errors are final.
         */
        private void rollBack(boolean start) {
            int attempts = Math.max(2, pve.retryPolicy().maxAttempts());
            for (int i = 1; ; i++) {
                boolean taskFailed = false;
                try {
                    pve.tasks().await(ct.snapshots().rollback(snapshot, start), taskTimeout);
                    return;
                } catch (NotFoundException | PermissionException | ParameterException | AuthenticationException e) {
                    throw e;
                } catch (TaskFailedException e) {
                    if (i >= attempts) {
                        throw e;
                    }
                    taskFailed = true;
                } catch (ProxmoxException e) {
                    if (i >= attempts) {
                        throw e;
                    }
                }
                if (taskFailed) {
                    unlockFailedRollback();
                }
                awaitUnlocked();
            }
        }

        /**
         * A rollback task that failed after its prepare phase leaves the config locked
         * {@code rollback} (pve-guest-common's {@code snapshot_rollback}), and every later rollback
         * dies in {@code check_lock}. That lock is this run's own: it is removed on the node with
         * {@code pct unlock}, as a person would, before the rollback is sent again.
         */
        private void unlockFailedRollback() {
            unlockOwn("rollback");
        }

        /** Removes a lock of the given kind that this run's own failed task left ({@code pct unlock}). */
        private boolean unlockOwn(String kind) {
            String lock;
            try {
                lock = ct.status().lock().orElse("");
            } catch (ProxmoxException e) {
                return false;
            }
            if (!kind.equals(lock)) {
                return false;
            }
            long u = begin("unlock");
            try {
                node.exec(RemoteCommand.of("pct", "unlock", Integer.toString(ct.vmid())), taskTimeout, output)
                        .requireSuccess();
                end("unlock", u, "removed the '" + kind + "' lock the failed task left");
                return true;
            } catch (ProxmoxException e) {
                emit("unlock", UpdateProgress.Phase.FAILED, u, e.getMessage());
                return false;
            }
        }

        /**
         * The rollback task starts the container with a separate {@code vzstart} task and ends OK
         * whatever that start does (pve-container's {@code API2/LXC/Snapshot.pm}), so the state is
         * checked, and the container started when it is not running.
         */
        private String ensureRunning() {
            try {
                if (ct.status().running()) {
                    return ", started again";
                }
                try {
                    pve.tasks().await(ct.start(), taskTimeout);
                } catch (ProxmoxException e) {
                    if (!String.valueOf(e.getMessage()).contains("already running")) {
                        throw e;
                    }
                }
                return ", started again";
            } catch (ProxmoxException e) {
                return ", but it could not be started again (" + e.getMessage() + "): start it with 'pct start "
                        + ct.vmid() + "'";
            }
        }

        /** Waits (bounded by the task timeout) until the container's config lock is free. */
        private void awaitUnlocked() {
            long deadline = System.nanoTime() + taskTimeout.toNanos();
            Duration pause = pve.retryPolicy().initialBackoff();
            while (true) {
                String lock;
                try {
                    lock = ct.status().lock().orElse("");
                } catch (NotFoundException e) {
                    throw e;
                } catch (ProxmoxException e) {
                    lock = "unknown: " + e.getMessage();
                }
                if (lock.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new ProxmoxException("container " + ct.vmid() + " is still locked (" + lock + ") after "
                            + taskTimeout.toSeconds() + " s");
                }
                try {
                    Thread.sleep(Math.max(1, pause.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ProxmoxException("interrupted while waiting for the lock of container " + ct.vmid(), e);
                }
            }
        }

        /** @return true when the snapshot is gone */
        private boolean removeSnapshot() {
            long c = begin("cleanup");
            try {
                pve.tasks().await(ct.snapshots().delete(snapshot, false), taskTimeout);
                end("cleanup", c, "snapshot " + snapshot + " removed");
                return true;
            } catch (ProxmoxException e) {
                // a failed delete task leaves the config locked 'snapshot-delete' (snapshot_delete);
                // that lock is ours: remove it, and remove the section with force once more
                try {
                    if (e instanceof TaskFailedException && unlockOwn("snapshot-delete")) {
                        pve.tasks().await(ct.snapshots().delete(snapshot, true), taskTimeout);
                        end("cleanup", c, "snapshot " + snapshot + " removed (forced)");
                        return true;
                    }
                    awaitUnlocked();
                } catch (ProxmoxException again) {
                    e.addSuppressed(again);
                }
                emit("cleanup", UpdateProgress.Phase.FAILED, c, "snapshot " + snapshot + " kept: " + e.getMessage());
                return false;
            }
        }

        private UpdateFailedException fail(String step, long since, String what, Throwable cause, int exit,
                List<String> tail) {
            emit(step, UpdateProgress.Phase.FAILED, since, what);
            return new UpdateFailedException(what, ct.vmid(), step, null, false, false, exit, tail, cause);
        }

        private long begin(String step) {
            listener.progress(new UpdateProgress(step, UpdateProgress.Phase.STARTED, Duration.ZERO, ""));
            return System.nanoTime();
        }

        private void end(String step, long since, String message) {
            emit(step, UpdateProgress.Phase.DONE, since, message);
        }

        private void skip(String step, String why) {
            UpdateProgress p = new UpdateProgress(step, UpdateProgress.Phase.SKIPPED, Duration.ZERO, why);
            steps.add(p);
            listener.progress(p);
        }

        private void emit(String step, UpdateProgress.Phase phase, long since, String message) {
            UpdateProgress p = event(step, phase, since, message);
            steps.add(p);
            listener.progress(p);
        }

        private UpdateProgress event(String step, UpdateProgress.Phase phase, long since, String message) {
            Duration d = since == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
            return new UpdateProgress(step, phase, d, message);
        }
    }

    /** Builds a {@link ContainerUpdate}; by default the OS package upgrade with a required snapshot. */
    public static final class Builder {
        private final ProxmoxClient pve;
        private final Function<String, NodeConnection> nodes;
        private String appSlug;
        private InstallScript appScript;
        private SnapshotPolicy snapshots = SnapshotPolicy.REQUIRED;
        private boolean keepSnapshot = true;
        private final List<String> verify = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration commandTimeout = Duration.ofMinutes(30);
        private Duration taskTimeout = Duration.ofMinutes(10);
        private OutputListener output = OutputListener.none();
        private Clock clock = Clock.systemUTC();

        private Builder(ProxmoxClient pve, Function<String, NodeConnection> nodes) {
            this.pve = Objects.requireNonNull(pve, "pve");
            this.nodes = nodes;
        }

        /**
         * Runs the app's community update script {@code ct/<slug>.sh}, fetched on the node from
         * {@link ScriptSource#COMMUNITY_SCRIPTS_BASE}.
         *
         * @param slug the app's slug, e.g. {@code jellyfin}
         * @return this builder
         */
        public Builder app(String slug) {
            this.appSlug = checkSlug(slug);
            this.appScript = InstallScript.url(communityScriptUrl(slug));
            return this;
        }

        /**
         * Runs this script as the app's update script (for example {@code ct/<slug>.sh} from a local
         * checkout of the community scripts).
         *
         * @param slug the app's slug, e.g. {@code jellyfin}
         * @param script the script
         * @return this builder
         */
        public Builder app(String slug, InstallScript script) {
            this.appSlug = checkSlug(slug);
            this.appScript = Objects.requireNonNull(script, "script");
            return this;
        }

        /**
         * Whether to take a snapshot first (default {@link SnapshotPolicy#REQUIRED}).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder snapshot(SnapshotPolicy policy) {
            this.snapshots = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Whether to keep the snapshot after a successful update (default true, so it can still be
         * rolled back by hand; prune old {@code pre-update-*} snapshots yourself).
         *
         * @param keep false to remove it after success
         * @return this builder
         */
        public Builder keepSnapshot(boolean keep) {
            this.keepSnapshot = keep;
            return this;
        }

        /**
         * A command run in the container after the update; a non-zero exit status rolls back, e.g.
         * {@code List.of("systemctl", "is-active", "jellyfin")}.
         *
         * @param argv the program and its arguments (each quoted)
         * @return this builder
         */
        public Builder verify(List<String> argv) {
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("verify: the command needs at least the program name");
            }
            this.verify.clear();
            this.verify.addAll(argv);
            return this;
        }

        /**
         * Environment for the update inside the container (for example {@code http_proxy}).
         *
         * @param env names and values
         * @return this builder
         */
        public Builder environment(Map<String, String> env) {
            this.environment.putAll(env);
            return this;
        }

        /**
         * The deadline of the update command (and of the verify command); default 30 min.
         *
         * @param timeout the deadline
         * @return this builder
         */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The deadline of each snapshot, rollback or delete task; default 10 min.
         *
         * @param timeout the deadline
         * @return this builder
         */
        public Builder taskTimeout(Duration timeout) {
            this.taskTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Streams the update's output lines here as well.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder output(OutputListener listener) {
            this.output = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The clock that names the snapshot ({@code pre-update-yyyyMMdd-HHmmss}, UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the update.
         *
         * @return the update
         */
        public ContainerUpdate build() {
            return new ContainerUpdate(this);
        }
    }
}
