package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.ContainerInterface;
import io.github.proxmoxlxc.core.client.ContainerStatus;
import io.github.proxmoxlxc.core.client.NotFoundException;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.ProxmoxTimeoutException;
import io.github.proxmoxlxc.core.client.TaskFailedException;
import io.github.proxmoxlxc.core.client.TaskResult;
import io.github.proxmoxlxc.core.client.TaskWait;
import io.github.proxmoxlxc.core.client.Upid;
import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.core.provision.NodePatchReport;
import io.github.proxmoxlxc.core.provision.ProvisionException;
import io.github.proxmoxlxc.core.provision.ProvisionOptions;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.ProvisionResult;
import io.github.proxmoxlxc.core.provision.ProvisionStep;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One run after resolving: template, VMID and create, node patch, start, wait for running and
 * for an address; a failure once the container may exist rolls it back (or keeps it on request).
 */
final class ProvisionRun {
    private final ProvisionEngine engine;
    private final ProvisionRequest request;
    private final RunContext ctx;
    private final ProvisionEngine.Resolution res;
    private final ProvisionOptions options;
    private final ProxmoxClient client;
    private final String node;
    /** Sent with the create; the proof of ownership for adopting after a lost response and for rollback. */
    private final DescriptionMarker marker = DescriptionMarker.run();
    /** This run's own create task succeeded for ctx.vmid (not adopted after a lost response). */
    private boolean createConfirmed;

    /** The VMID was used by someone else; try the next candidate. */
    private static final class VmidTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VmidTaken(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    ProvisionRun(ProvisionEngine engine, ProvisionRequest request, RunContext ctx, ProvisionEngine.Resolution res) {
        this.engine = engine;
        this.request = request;
        this.ctx = ctx;
        this.res = res;
        this.options = engine.options();
        this.client = engine.client();
        this.node = res.node();
    }

    ProvisionResult run() {
        String volume;
        ctx.start(ProvisionStep.TEMPLATE);
        try {
            volume = engine.templates.ensure(res.template(), node, res.candidate().templateShared(), ctx);
            ctx.finish(volume);
        } catch (RuntimeException e) {
            throw fail(e);
        }
        try {
            createContainer(volume);
            applyNodePatch();
            start();
            waitRunning();
            List<String> addresses = options.waitForIp() ? waitIp() : List.of();
            Map<String, String> access = runContainerSetups(addresses);
            engine.vmids.taken(ctx.vmid);
            ProvisionAccess.Result b = ProvisionAccess.result(ctx.vmid, node)
                    .hostname(request.spec().hostname().orElse(null)).addresses(addresses).status("running")
                    .template(volume);
            ctx.timings.forEach(b::putTiming);
            ctx.warnings.forEach(b::addWarning);
            ctx.calls.forEach(b::addCall);
            ctx.tasks.forEach(b::addTask);
            access.forEach(b::putAccess);
            return b.build();
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    // ------------------------------------------------------------------ create

    private void createContainer(String volume) {
        boolean explicit = request.spec().vmid().isPresent();
        int attempts = 0;
        while (true) {
            attempts++;
            ctx.start(ProvisionStep.VMID);
            int vmid;
            if (explicit) {
                vmid = request.spec().vmid().getAsInt();
                engine.vmids.reserve(vmid);
            } else {
                vmid = engine.vmids.next();
            }
            ctx.vmid = vmid;
            ctx.finish(explicit ? "explicit" : "candidate");
            ctx.start(ProvisionStep.CREATE);
            ContainerSpec spec = PlanBuilder.createSpec(request.spec(), vmid, volume, res.candidate().rootFsStorage(),
                    PlanBuilder.rootfsGiB(request));
            Map<String, String> params = marker.addTo(PlanBuilder.createParams(spec));
            if (request.ensureKey().isPresent()) {
                params = DescriptionMarker.ensure(request.ensureKey().get()).addTo(params);
            }
            try {
                Optional<Upid> upid = postCreate(vmid, params);
                waitCreated(vmid, upid);
                createConfirmed = upid.isPresent();
                ctx.finish("created " + vmid);
                return;
            } catch (VmidTaken e) {
                ctx.containerMayExist = false;
                engine.vmids.taken(vmid);
                if (explicit) {
                    ctx.failed(e.getMessage());
                    throw ProvisionAccess.exception(request.label() + ": VMID " + vmid + " is already used; nothing was "
                            + "created", ProvisionStep.VMID, ctx.label, vmid, node, false, false, e.getCause(), null);
                }
                ctx.progress("VMID " + vmid + " was taken meanwhile, trying another", null);
                if (attempts >= options.vmidAttempts()) {
                    ctx.failed("no free VMID after " + attempts + " candidates");
                    throw ProvisionAccess.exception(request.label() + ": no free VMID after " + attempts
                            + " candidates (each was taken by the time it was created); nothing was created",
                            ProvisionStep.VMID, ctx.label, null, node, false, false, e.getCause(), null);
                }
            }
        }
    }

    /**
     * Sends the create. After a lost response it looks for the container instead of re-sending
     * blindly; a retry uses the same VMID, so at most one container can result.
     *
     * @return the create task, or empty when the container was found after a lost response
     */
    private Optional<Upid> postCreate(int vmid, Map<String, String> params) {
        String call = "POST /nodes/" + node + "/lxc";
        boolean maybeSent = false;
        int tries = 0;
        while (true) {
            tries++;
            try {
                Upid upid = client.node(node).containers().create(params);
                ctx.containerMayExist = true;
                ctx.call(call);
                return Optional.of(upid);
            } catch (RuntimeException e) {
                if (Faults.alreadyExists(e)) {
                    if (maybeSent && isOurs(vmid)) {
                        ctx.progress("the earlier create of " + vmid + " went through", null);
                        return Optional.empty();
                    }
                    throw new VmidTaken(e);
                }
                if (Faults.notCarriedOut(e)) {
                    throw e; // the client re-sent it already (one retry layer); nothing was created
                }
                if (!Faults.transientFailure(e) || tries >= engine.retry.maxAttempts()) {
                    if (Faults.lostResponse(e)) {
                        ctx.containerMayExist = true;
                        ctx.call(call);
                    }
                    throw e;
                }
                if (Faults.lostResponse(e)) {
                    maybeSent = true;
                    ctx.containerMayExist = true;
                    ctx.call(call);
                    ctx.progress("create response lost (" + Faults.describe(e) + "), looking for container " + vmid, null);
                    if (appears(vmid) && isOurs(vmid)) {
                        return Optional.empty();
                    }
                } else {
                    ctx.progress("create refused for now (" + Faults.describe(e) + "), retrying", null);
                }
                Backoff.pause(engine.retry, tries);
            }
        }
    }

    /**
     * Polls a few times for a container whose create response was lost (the request may still be
     * on its way through a proxy); each read is retried by the client only.
     */
    private boolean appears(int vmid) {
        for (int i = 0; i < 3; i++) {
            if (status(vmid).isPresent()) {
                return true;
            }
            Backoff.sleep(engine.polling.initialInterval());
        }
        return false;
    }

    /**
     * Whether the container carries this run's marker, never decided by hostname: another run may
     * have created a container with the same name. A create still holding its lock is waited for,
     * since pve-container writes the full config (and the description) during the create task.
     */
    private boolean isOurs(int vmid) {
        long deadline = System.nanoTime() + options.createTimeout().toNanos();
        while (true) {
            Optional<ContainerStatus> st = status(vmid);
            if (st.isEmpty()) {
                return false;
            }
            if (!st.get().lock().equals(Optional.of("create")) || System.nanoTime() > deadline) {
                break;
            }
            Backoff.sleep(engine.polling.initialInterval());
        }
        // one read: the client's retry policy already retries it (one retry layer)
        try {
            return marker.foundIn(container(vmid).config());
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            // unknown is not ours: adopting someone else's container is worse than failing
            return false;
        }
    }

    private void waitCreated(int vmid, Optional<Upid> upid) {
        if (upid.isPresent()) {
            TaskWait w = engine.timings.waitFor("vzcreate", options.createTimeout(), line -> ctx.progress(line, null));
            try {
                ctx.task(engine.timings.await(client, upid.get(), w));
                return;
            } catch (TaskFailedException e) {
                if (Faults.alreadyExists(e)) {
                    // lost a race inside the create lock: the container with this VMID is someone else's
                    throw new VmidTaken(e);
                }
                throw e;
            }
        }
        // no UPID (response lost): the create lock goes away when the task ends; the config goes away if it failed
        long deadline = System.nanoTime() + options.createTimeout().toNanos();
        while (true) {
            Optional<ContainerStatus> st = status(vmid);
            if (st.isEmpty()) {
                throw new io.github.proxmoxlxc.core.ProxmoxException("create of container " + vmid + " on " + node
                        + " failed (its response was lost and the container disappeared; see the node's task log)");
            }
            if (!st.get().lock().equals(Optional.of("create"))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ProxmoxTimeoutException("container " + vmid + " still locked by its create after "
                        + options.createTimeout());
            }
            Backoff.sleep(engine.polling.initialInterval());
        }
    }

    // ------------------------------------------------------------------ node patch

    private void applyNodePatch() {
        NodePatch patch = request.nodePatch();
        if (patch.isEmpty()) {
            return;
        }
        ctx.start(ProvisionStep.NODE_PATCH);
        int tries = 0;
        while (true) {
            tries++;
            try {
                NodePatchReport r = options.nodePatchApplier().apply(node, ctx.vmid, patch);
                if (r.applied()) {
                    ctx.finish("applied " + r.lines().size() + " line(s)");
                } else {
                    ctx.warn("node patch NOT applied (print-only applier): apply on node " + node
                            + " before relying on it: " + String.join(" | ", r.lines()));
                    ctx.finish("printed only");
                }
                return;
            } catch (RuntimeException e) {
                // the applier works outside the client (a node file, an SSH channel), so no other layer retries it
                if (!Faults.transientFailure(e) || tries >= engine.retry.maxAttempts()) {
                    throw e;
                }
                ctx.progress("node patch failed (" + Faults.describe(e) + "), retrying", null);
                Backoff.pause(engine.retry, tries);
            }
        }
    }

    // ------------------------------------------------------------------ start

    private void start() {
        ctx.start(ProvisionStep.START);
        int vmid = ctx.vmid;
        String call = "POST /nodes/" + node + "/lxc/" + vmid + "/status/start";
        int tries = 0;
        while (true) {
            tries++;
            Upid upid;
            try {
                upid = container(vmid).start();
                ctx.call(call);
            } catch (RuntimeException e) {
                if (message(e).contains("already running")) {
                    ctx.call(call);
                    ctx.finish("already running");
                    return;
                }
                if (!Faults.transientFailure(e) || tries >= engine.retry.maxAttempts()) {
                    throw e;
                }
                ctx.call(call);
                ctx.progress("start failed for now (" + Faults.describe(e) + "), retrying", null);
                if (Faults.lostResponse(e) && becomesRunning(vmid)) {
                    ctx.finish("running");
                    return;
                }
                Backoff.pause(engine.retry, tries);
                continue;
            }
            try {
                ctx.task(engine.timings.await(client, upid, engine.timings.waitFor("vzstart", options.startTimeout(),
                        null)));
                ctx.finish("started");
                return;
            } catch (TaskFailedException e) {
                if (message(e).contains("already running")) {
                    ctx.finish("already running");
                    return;
                }
                throw e;
            }
        }
    }

    private boolean becomesRunning(int vmid) {
        for (int i = 0; i < 3; i++) {
            Optional<ContainerStatus> st = status(vmid);
            if (st.isPresent() && st.get().running()) {
                return true;
            }
            Backoff.sleep(engine.polling.initialInterval());
        }
        return false;
    }

    private void waitRunning() {
        ctx.start(ProvisionStep.WAIT_RUNNING);
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        int polls = 0;
        while (true) {
            polls++;
            // a failing read ends the wait (a 403 or 404 at once, a transient error once the client has retried
            // it as often as its policy allows)
            ContainerStatus st = container(ctx.vmid).status();
            if (st.running()) {
                ctx.finish("running after " + polls + " poll(s)");
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ProxmoxTimeoutException("container " + ctx.vmid + " on " + node + " not running after "
                        + options.startTimeout());
            }
            Backoff.sleep(engine.polling.initialInterval());
        }
    }

    private List<String> waitIp() {
        ctx.start(ProvisionStep.WAIT_IP);
        if (request.spec().networks().isEmpty()) {
            ctx.warn("the spec has no network interface; not waiting for an address");
            ctx.finish("no interfaces");
            return List.of();
        }
        long deadline = System.nanoTime() + options.ipTimeout().toNanos();
        while (true) {
            List<String> a = addresses(container(ctx.vmid).interfaces());
            if (!a.isEmpty()) {
                ctx.finish(String.join(", ", a));
                return a;
            }
            if (System.nanoTime() > deadline) {
                throw new ProxmoxTimeoutException("container " + ctx.vmid + " on " + node + " has no address after "
                        + options.ipTimeout() + "; skip the wait with ProvisionOptions.waitForIp(false)");
            }
            Backoff.sleep(engine.polling.initialInterval());
        }
    }

    private Map<String, String> runContainerSetups(List<String> addresses) {
        Map<String, String> access = new java.util.LinkedHashMap<>();
        if (options.containerSetups().isEmpty()) {
            return access;
        }
        ctx.start(ProvisionStep.CONTAINER_SETUP);
        io.github.proxmoxlxc.core.provision.ContainerSetupContext c = io.github.proxmoxlxc.core.provision
                .ContainerSetupContext.of(node, ctx.vmid, request.spec(), addresses, m -> ctx.progress(m, null),
                        ctx::warn, access::put);
        for (io.github.proxmoxlxc.core.provision.ContainerSetup s : options.containerSetups()) {
            s.run(c);
        }
        // e.g. "ip 192.168.100.158, url http://192.168.100.158:8096": what the setups found, not a Java map
        ctx.finish(access.isEmpty() ? "done" : access.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ")));
        return access;
    }

    static List<String> addresses(List<ContainerInterface> interfaces) {
        List<String> v4 = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        for (ContainerInterface i : interfaces) {
            if ("lo".equals(i.name())) {
                continue;
            }
            i.inet().filter(a -> !a.isBlank() && !a.startsWith("127.")).ifPresent(v4::add);
            i.inet6().filter(a -> !a.isBlank() && !a.toLowerCase(Locale.ROOT).startsWith("fe80")
                    && !a.startsWith("::1")).ifPresent(v6::add);
        }
        v4.addAll(v6);
        return v4;
    }

    // ------------------------------------------------------------------ failure

    private ProvisionException fail(RuntimeException e) {
        if (e instanceof ProvisionException) {
            return (ProvisionException) e;
        }
        ProvisionStep step = ctx.step();
        ctx.failed(Faults.describe(e));
        Integer vmid = ctx.vmid;
        String what = request.label() + ": " + step + " failed: " + e.getMessage();
        if (vmid == null || !ctx.containerMayExist) {
            if (vmid != null) {
                engine.vmids.release(vmid);
            }
            return ProvisionAccess.exception(what + "; nothing was created", step, ctx.label, vmid, node, false, false,
                    e, null);
        }
        if (options.keepOnFailure()) {
            boolean exists = statusQuietly(vmid);
            if (exists) {
                engine.vmids.taken(vmid);
                return ProvisionAccess.exception(what + "; container " + vmid + " on " + node
                        + " was kept as requested (keepOnFailure) and needs attention", step, ctx.label, vmid, node,
                        false, true, e, null);
            }
            engine.vmids.release(vmid);
            return ProvisionAccess.exception(what + "; container " + vmid + " does not exist", step, ctx.label, vmid,
                    node, false, false, e, null);
        }
        try {
            boolean destroyed = new Rollback(client, options, engine.polling, ctx, node, vmid, marker,
                    createConfirmed).run();
            engine.vmids.release(vmid);
            return ProvisionAccess.exception(what + (destroyed ? "; container " + vmid + " on " + node
                    + " was rolled back (destroyed)" : "; container " + vmid + " was not created"), step, ctx.label,
                    vmid, node, destroyed, false, e, null);
        } catch (RuntimeException r) {
            engine.vmids.taken(vmid);
            return ProvisionAccess.exception(what + "; the rollback failed too (" + r.getMessage() + "): container "
                    + vmid + " on " + node + " needs attention (pct destroy " + vmid + " --purge)", step, ctx.label,
                    vmid, node, false, true, e, r);
        }
    }

    /** Whether the container exists; when its status cannot be read it is presumed to exist. */
    private boolean statusQuietly(int vmid) {
        try {
            return status(vmid).isPresent();
        } catch (RuntimeException e) {
            return true;
        }
    }

    // ------------------------------------------------------------------ helpers

    private Container container(int vmid) {
        return client.node(node).container(vmid);
    }

    /** The status, or empty when the container does not exist; transient errors are retried by the client. */
    private Optional<ContainerStatus> status(int vmid) {
        try {
            return Optional.of(container(vmid).status());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    static String message(Throwable e) {
        String m = e instanceof TaskFailedException ? ((TaskFailedException) e).exitStatus() + " " + e.getMessage()
                : e.getMessage();
        return m == null ? "" : m;
    }

    static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
