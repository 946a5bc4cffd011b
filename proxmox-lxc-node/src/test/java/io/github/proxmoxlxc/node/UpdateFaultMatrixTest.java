package io.github.proxmoxlxc.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.testkit.ContainerState;
import io.github.proxmoxlxc.testkit.Fault;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Update with snapshot, every API fault injected once at every step of the flow (check reads,
 * snapshot, and, with an update that fails half-way, the rollback and the removal of the
 * snapshot), plus the update command itself failing or hanging: each cell ends in success or a
 * typed {@link ProxmoxException}, with no orphan volume, no leaked lock, and never a container
 * left on a half-applied change. The container's "installed version" is a file the fake package
 * manager writes ({@link FakeNode}); a successful {@code vzrollback} task in the simulator puts the
 * container back on the snapshot, so its effective version is then the one before the update. The
 * table goes to {@code bench/results/fault-matrix-update.txt}.
 */
@Timeout(600)
class UpdateFaultMatrixTest {
    private static final Duration READ_TIMEOUT = Duration.ofMillis(700);
    private static final Pattern GUEST_VOLUME = Pattern.compile(":(?:vm|base)-(\\d+)-disk-\\d+");
    private static final Map<String, Supplier<Fault>> FAULTS = new LinkedHashMap<>();

    static {
        FAULTS.put("reset", Fault::connectionReset);
        FAULTS.put("500", () -> Fault.status(500, "Internal Server Error", ""));
        FAULTS.put("596", Fault::proxyTimeout);
        FAULTS.put("timeout", () -> Fault.delay(READ_TIMEOUT.multipliedBy(2)));
        FAULTS.put("lock", Fault::lockHeld);
        FAULTS.put("task error", () -> Fault.taskError(0, "simulated task failure"));
    }

    /** A step: the endpoint faulted, and whether the update fails half-way (so the rollback runs). */
    private record Step(String name, String endpoint, boolean updateFails) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("status read", "GET /nodes/{node}/lxc/{vmid}/status/current", false),
            new Step("feature read", "GET /nodes/{node}/lxc/{vmid}/feature", false),
            new Step("snapshot request", "POST /nodes/{node}/lxc/{vmid}/snapshot", false),
            new Step("snapshot task wait", "GET /nodes/{node}/tasks/{upid}/status", false),
            new Step("rollback request", "POST /nodes/{node}/lxc/{vmid}/snapshot/{snapname}/rollback", true),
            new Step("rollback task wait", "GET /nodes/{node}/tasks/{upid}/status", true),
            new Step("snapshot delete", "DELETE /nodes/{node}/lxc/{vmid}/snapshot/{snapname}", true));

    @TempDir
    Path dir;

    @Test
    void updateWithSnapshot_everyStepTimesEveryFault_endsOkOrTyped_neverHalfApplied() throws Exception {
        try (FakeNode f = FakeNode.start(dir, READ_TIMEOUT)) {
            List<String> violations = new ArrayList<>();
            Map<String, Map<String, String>> table = new LinkedHashMap<>();
            int next = 300;
            for (Step step : STEPS) {
                Map<String, String> row = new LinkedHashMap<>();
                for (Map.Entry<String, Supplier<Fault>> fault : FAULTS.entrySet()) {
                    int vmid = next++;
                    f.container(vmid, "debian", "local-lvm", true);
                    Container ct = f.under(vmid);
                    f.failNextUpgrade(vmid, step.updateFails());
                    f.sim.clearFaults();
                    AtomicBoolean injected = new AtomicBoolean();
                    OutputListener hook = new OutputListener() {
                        @Override
                        public void stderr(String line) {
                            // the update failed: fault the first request of the recovery
                            if (step.updateFails() && line.startsWith("E: ") && injected.compareAndSet(false, true)) {
                                f.sim.injectFault(step.endpoint(), 1, fault.getValue().get());
                            }
                        }
                    };
                    if (!step.updateFails()) {
                        f.sim.injectFault(step.endpoint(), 1, fault.getValue().get());
                    }
                    String cell = run(f, ct, hook, Duration.ofSeconds(60), step + " x " + fault.getKey(), violations);
                    row.put(fault.getKey(), cell);
                    check(f, vmid, step + " x " + fault.getKey(), violations);
                }
                table.put(step.name(), row);
            }
            // the update command itself: fails half-way, or hangs past its deadline
            Map<String, String> node = new LinkedHashMap<>();
            int failing = next++;
            f.container(failing, "debian", "local-lvm", true);
            Container ct = f.under(failing);
            f.failNextUpgrade(failing, true);
            node.put("exit 100", run(f, ct, OutputListener.none(), Duration.ofSeconds(60), "update x exit", violations));
            check(f, failing, "update x exit", violations);
            int hanging = next++;
            f.container(hanging, "debian", "local-lvm", true);
            ct = f.under(hanging);
            Files.writeString(f.root(hanging).resolve("hang"), "");
            node.put("deadline", run(f, ct, OutputListener.none(), Duration.ofSeconds(3), "update x deadline",
                    violations));
            check(f, hanging, "update x deadline", violations);

            String printed = render(table, node);
            System.out.println(printed);
            Path out = Path.of("..", "bench", "results");
            if (Files.isDirectory(out)) {
                Files.writeString(out.resolve("fault-matrix-update.txt"), printed);
            }
            Files.writeString(Path.of("target", "fault-matrix-update.txt"), printed);
            assertThat(violations).isEmpty();
        }
    }

    private static String run(FakeNode f, Container ct, OutputListener hook, Duration commandTimeout, String cell,
            List<String> violations) {
        int vmid = ct.vmid();
        try {
            ContainerUpdate.builder(f.pve, f.node).output(hook).commandTimeout(commandTimeout)
                    .taskTimeout(Duration.ofSeconds(20)).build().run(ct);
            if (!f.state(vmid).equals("v2")) {
                violations.add(cell + ": update reported success, state " + f.state(vmid));
            }
            return "ok";
        } catch (UpdateFailedException e) {
            if (e.mayBeHalfApplied()) {
                violations.add(cell + ": may be half-applied: " + e.getMessage());
                return "HALF-APPLIED";
            }
            return "FAIL " + (e.rolledBack() ? "rolled back" : "unchanged") + " (" + e.step() + ")";
        } catch (ProxmoxException e) {
            violations.add(cell + ": not an UpdateFailedException: " + e);
            return "FAIL " + e.getClass().getSimpleName();
        } catch (RuntimeException | java.io.IOException e) {
            violations.add(cell + ": untyped " + e);
            return "UNTYPED " + e.getClass().getSimpleName();
        } finally {
            f.sim.clearFaults();
        }
    }

    /** No lock, no orphan volume, and the container on v1 (unchanged or rolled back) or v2 (updated). */
    private static void check(FakeNode f, int vmid, String cell, List<String> violations) throws java.io.IOException {
        f.sim.awaitIdle(Duration.ofSeconds(5));
        if (!f.sim.locks().isEmpty()) {
            violations.add(cell + ": leaked locks " + f.sim.locks());
        }
        orphans(f.sim).forEach(v -> violations.add(cell + ": orphan volume " + v));
        String effective = f.rollbacks(vmid) > 0 ? "v1" : f.state(vmid);
        if (!effective.equals("v1") && !effective.equals("v2")) {
            violations.add(cell + ": container left on a half-applied change (" + effective + ")");
        }
        if (!f.admin.node("pve1").container(vmid).status().running()) {
            violations.add(cell + ": container not running afterwards");
        }
    }

    private static List<String> orphans(PveSimulator sim) {
        List<String> out = new ArrayList<>();
        for (String volid : sim.volumes("pve1", "local-lvm")) {
            Matcher m = GUEST_VOLUME.matcher(volid);
            if (!m.find()) {
                continue;
            }
            Optional<ContainerState> ct = sim.container(Integer.parseInt(m.group(1)));
            if (ct.isEmpty() || ct.get().config().values().stream().noneMatch(v -> v.contains(volid))) {
                out.add(volid);
            }
        }
        return out;
    }

    private static String render(Map<String, Map<String, String>> table, Map<String, String> node) {
        StringBuilder b = new StringBuilder("Update with snapshot, each API fault injected once per step:\n");
        int w0 = 20;
        int w = 28;
        b.append(String.format("%-" + w0 + "s", "step \\ fault"));
        FAULTS.keySet().forEach(k -> b.append(String.format("| %-" + w + "s", k)));
        b.append('\n').append("-".repeat(w0 + FAULTS.size() * (w + 2))).append('\n');
        table.forEach((step, row) -> {
            b.append(String.format("%-" + w0 + "s", step));
            row.values().forEach(v -> b.append(String.format("| %-" + w + "s", v)));
            b.append('\n');
        });
        b.append(String.format("%-" + w0 + "s", "update command"));
        node.forEach((k, v) -> b.append(String.format("| %-" + w + "s", k + ": " + v)));
        b.append('\n');
        b.append("ok = updated (the fault was retried or did not hit a change); FAIL unchanged (step) = typed"
                + " UpdateFailedException before the update ran; FAIL rolled back (step) = the update failed and the"
                + " container was rolled back to its snapshot. Every cell: no orphan volume on local-lvm, no leaked"
                + " lock, container running on the old or the new version, never a half-applied one.\n"
                + "The rollback and snapshot-delete rows make the update fail half-way (dpkg error) and fault the"
                + " recovery's first request; 'update command' fails it (exit 100) or hangs it past a 3 s deadline.\n");
        return b.toString();
    }
}
