package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.client.TaskResult;
import io.github.proxmoxlxc.core.provision.ProvisionEvent;
import io.github.proxmoxlxc.core.provision.ProvisionListener;
import io.github.proxmoxlxc.core.provision.ProvisionStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The state of one run: label, VMID and node once known, the current step, timings, events. */
final class RunContext {
    private static final Logger LOG = LoggerFactory.getLogger(RunContext.class);

    final String label;
    private final ProvisionListener listener;
    volatile Integer vmid;
    volatile String node;
    /** True once a container with {@link #vmid} exists (or may exist) because of this run. */
    volatile boolean containerMayExist;
    private ProvisionStep step = ProvisionStep.PREFLIGHT;
    private long stepStart;
    final Map<ProvisionStep, Duration> timings = new EnumMap<>(ProvisionStep.class);
    final List<String> warnings = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final List<TaskResult> tasks = new ArrayList<>();

    RunContext(String label, ProvisionListener listener) {
        this.label = label;
        this.listener = listener;
    }

    ProvisionStep step() {
        return step;
    }

    void start(ProvisionStep s) {
        step = s;
        stepStart = System.nanoTime();
        emit(ProvisionEvent.Kind.STARTED, "", null);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - stepStart);
    }

    void progress(String message, Double fraction) {
        emit(ProvisionEvent.Kind.PROGRESS, message, fraction);
    }

    void finish(String message) {
        timings.merge(step, elapsed(), Duration::plus);
        emit(ProvisionEvent.Kind.FINISHED, message, null);
    }

    void failed(String message) {
        timings.merge(step, elapsed(), Duration::plus);
        emit(ProvisionEvent.Kind.FAILED, message, null);
    }

    synchronized void warn(String message) {
        warnings.add(message);
        emit(ProvisionEvent.Kind.WARNING, message, null);
    }

    synchronized void call(String call) {
        if (!calls.contains(call)) {
            calls.add(call);
        }
    }

    synchronized void task(TaskResult r) {
        tasks.add(r);
    }

    private void emit(ProvisionEvent.Kind kind, String message, Double fraction) {
        ProvisionAccess.Event b = ProvisionAccess.event(kind, step, label).vmid(vmid).node(node).elapsed(elapsed())
                .message(message);
        if (fraction != null) {
            b.fraction(Math.max(0, Math.min(1, fraction)));
        }
        try {
            listener.onEvent(b.build());
        } catch (RuntimeException e) {
            LOG.warn("provision listener failed on {} {}: {}", step, kind, e.toString());
        }
    }
}
