package io.github.proxmoxlxc.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.ContainerConfig;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.testkit.ContainerState;
import io.github.proxmoxlxc.testkit.Fault;
import io.github.proxmoxlxc.testkit.PveSimulator;
import io.github.proxmoxlxc.testkit.TaskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every step x every fault, injected once: the run either succeeds (the fault was transient and
 * retried) or fails with a typed {@link ProvisionException}; in every cell the simulator is left
 * without an orphan container and without a lock. Prints the table (also written to
 * {@code target/fault-matrix.txt}).
 */
class FaultMatrixTest {
    private static final Duration READ_TIMEOUT = Duration.ofMillis(700);

    private static final Map<String, Supplier<Fault>> FAULTS = new LinkedHashMap<>();
    private static final Set<String> TRANSIENT = Set.of("reset", "596", "timeout", "lock");

    static {
        FAULTS.put("reset", Fault::connectionReset);
        FAULTS.put("500", () -> Fault.status(500, "Internal Server Error", ""));
        FAULTS.put("596", Fault::proxyTimeout);
        FAULTS.put("timeout", () -> Fault.delay(READ_TIMEOUT.multipliedBy(2)));
        FAULTS.put("lock", Fault::lockHeld);
        FAULTS.put("task error", () -> Fault.taskError(0, "simulated task failure"));
    }

    /** A step, the endpoint its fault goes to, and whether it needs a template download. */
    private record Step(String name, String endpoint) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("template download", "POST /nodes/{node}/aplinfo"),
            new Step("nextid", "GET /cluster/nextid"),
            new Step("create", "POST /nodes/{node}/lxc"),
            new Step("node patch", "GET /nodes/{node}/lxc/{vmid}/config"),
            new Step("start", "POST /nodes/{node}/lxc/{vmid}/status/start"),
            new Step("status wait", "GET /nodes/{node}/lxc/{vmid}/status/current"),
            new Step("IP wait", "GET /nodes/{node}/lxc/{vmid}/interfaces"));

    /** Templates offered for download, one per fault column, so each download cell really downloads. */
    private static final List<String> DOWNLOADABLE = List.of("ubuntu-20.04-standard_20.04-1_amd64.tar.zst",
            "ubuntu-22.04-standard_22.04-1_amd64.tar.zst", "ubuntu-24.04-standard_24.04-2_amd64.tar.zst",
            "debian-11-standard_11.7-1_amd64.tar.zst", "debian-13-standard_13.1-2_amd64.tar.zst",
            "alpine-3.22-default_20250617_amd64.tar.xz");
    private static final List<String> REFS = List.of("ubuntu-20.04", "ubuntu-22.04", "ubuntu-24.04", "debian-11",
            "debian-13", "alpine-3.22");

    @Test
    void everyStepTimesEveryFault_succeedsOrFailsTyped_withoutOrphansOrLocks() throws IOException {
        List<String> violations = new ArrayList<>();
        String printed = matrix(1, FAULTS.keySet(), violations, true);
        System.out.println(printed);
        Files.writeString(Path.of("target", "fault-matrix.txt"), printed);
        assertThat(violations).isEmpty();
    }

    /**
     * The same with faults that never go away (the time-out column is left out: it only makes every
     * read slow). Nothing can succeed where the fault sits, but every run still ends typed, rolled
     * back, without an orphan or a lock.
     */
    @Test
    void persistentFaults_failTyped_andStillLeaveNoOrphansOrLocks() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<String> faults = new java.util.LinkedHashSet<>(FAULTS.keySet());
        faults.remove("timeout");
        String printed = matrix(0, faults, violations, false);
        System.out.println(printed);
        Files.writeString(Path.of("target", "fault-matrix-persistent.txt"), printed);
        assertThat(violations).isEmpty();
    }

    private static String matrix(int times, Set<String> faults, List<String> violations, boolean transientMustPass) {
        try (SimFixture f = SimFixture.start(b -> {
            b.addAplinfoTemplate(PveSimulator.DEFAULT_STORED_TEMPLATE);
            DOWNLOADABLE.forEach(b::addAplinfoTemplate);
        }, READ_TIMEOUT)) {
            Map<String, Map<String, String>> table = new LinkedHashMap<>();
            int cell = 0;
            for (Step step : STEPS) {
                Map<String, String> row = new LinkedHashMap<>();
                int col = 0;
                for (String fault : faults) {
                    String host = "m" + (cell++);
                    String template = step.name().equals("template download") ? REFS.get(col) : "debian-12-standard";
                    String outcome = runCell(f, step, FAULTS.get(fault).get(), times, host, template, violations);
                    row.put(fault, outcome);
                    if (transientMustPass && TRANSIENT.contains(fault) && !outcome.equals("ok")) {
                        violations.add(step.name() + " x " + fault + ": transient fault not recovered: " + outcome);
                    }
                    col++;
                }
                table.put(step.name(), row);
            }
            return (times == 1 ? "Each fault injected once:\n" : "Each fault persistent:\n") + render(table, faults);
        }
    }

    private static String runCell(SimFixture f, Step step, Fault fault, int times, String host, String template,
                                  List<String> violations) {
        PveSimulator sim = f.sim;
        ProxmoxClient client = f.client;
        NodePatch patch = NodePatch.builder().addRawLine("lxc.cgroup2.devices.allow: c 226:128 rwm").build();
        NodePatchApplier applier = (node, vmid, p) -> {
            ContainerConfig c = client.node(node).container(vmid).config();   // the faulted read
            if (c.get("lock").isPresent()) {
                throw new IllegalStateException("config of " + vmid + " is locked");
            }
            sim.addRawLxc(vmid, "lxc.cgroup2.devices.allow", "c 226:128 rwm");
            return NodePatchReport.applied(p.confLines());
        };
        ProvisionOptions.Builder ob = f.options().nodePatchApplier(applier).listener(e -> { });
        if (times == 0) {
            // a persistent fault never clears: wait one start task at the simulator's time scale, plus a second
            Duration wait = sim.taskDuration("vzstart").plusSeconds(1);
            ob.startTimeout(wait).ipTimeout(wait);
        }
        ProvisionOptions options = ob.build();
        ProvisionRequest req = ProvisionRequest.builder().spec(SimFixture.spec(host)).template(template)
                .nodePatch(patch).build();
        sim.clearFaults();
        sim.injectFault(step.endpoint(), times, fault);
        String outcome;
        Integer vmid = null;
        try {
            ProvisionResult r = Provisioner.on(client, options).provision(req);
            vmid = r.vmid();
            outcome = "ok";
        } catch (ProvisionException e) {
            outcome = "FAIL@" + e.step() + (e.rolledBack() ? " rb" : "") + (e.needsAttention() ? " ATTN" : "");
            if (e.needsAttention()) {
                violations.add(step.name() + ": container needs attention: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            outcome = "UNTYPED " + e.getClass().getSimpleName();
            violations.add(step.name() + ": untyped failure " + e);
        }
        sim.clearFaults();
        // the most a run can leave behind: a download, a create, a start and the rollback's stop and destroy
        Duration idle = f.deadline("download", "vzcreate", "vzstart", "vzstop", "vzdestroy");
        if (!sim.awaitIdle(idle)) {
            violations.add(step.name() + ": the simulator still ran tasks " + idle + " after the run ended "
                    + sim.tasks().stream().filter(TaskState::running).map(TaskState::upid).toList());
        }
        List<ContainerState> mine = sim.containers().stream()
                .filter(c -> host.equals(c.config().get("hostname"))).toList();
        if (vmid == null && !mine.isEmpty()) {
            violations.add(step.name() + ": orphan container(s) " + mine.stream().map(ContainerState::vmid).toList());
        }
        if (vmid != null && (mine.size() != 1 || mine.get(0).vmid() != vmid)) {
            violations.add(step.name() + ": expected exactly container " + vmid + " for " + host + ", found "
                    + mine.stream().map(ContainerState::vmid).toList());
        }
        if (!sim.locks().isEmpty()) {
            violations.add(step.name() + ": leaked locks " + sim.locks());
        }
        return outcome;
    }

    private static String render(Map<String, Map<String, String>> table, Set<String> faults) {
        StringBuilder b = new StringBuilder();
        int w0 = 18;
        int w = 21;
        b.append(String.format("%-" + w0 + "s", "step \\ fault"));
        faults.forEach(k -> b.append(String.format("| %-" + w + "s", k)));
        b.append('\n').append("-".repeat(w0 + faults.size() * (w + 2))).append('\n');
        table.forEach((step, row) -> {
            b.append(String.format("%-" + w0 + "s", step));
            row.values().forEach(v -> b.append(String.format("| %-" + w + "s", v)));
            b.append('\n');
        });
        b.append("ok = provisioned (transient fault retried or recovered); FAIL@STEP = typed ProvisionException in that step,"
                + " rb = created container rolled back. Every cell: no orphan container, no leaked lock.\n"
                + "Faults go to: download POST /nodes/{node}/aplinfo, nextid GET /cluster/nextid, create POST"
                + " /nodes/{node}/lxc, node patch the applier's GET .../config, start POST .../status/start, status"
                + " wait GET .../status/current, IP wait GET .../interfaces. 'task error' fails the task a request"
                + " starts; requests that start none (nextid, reads) are unaffected.\n");
        return b.toString();
    }
}
