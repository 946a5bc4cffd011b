package io.github.proxmoxlxc.core.daytwo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.client.BackupRequest;
import io.github.proxmoxlxc.core.client.CloneRequest;
import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.MigrateRequest;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.RestoreRequest;
import io.github.proxmoxlxc.core.client.RetryPolicy;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.testkit.ContainerState;
import io.github.proxmoxlxc.testkit.Fault;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The multi-step day-two flows, restore (request, task wait, start, status read), clone
 * (request, task wait, config read, start) and migrate (request, task wait, location read, status
 * read on the target), with every fault injected once at every step: each
 * cell ends in success or a typed {@link ProxmoxException}, with no orphan volume (every volume of
 * a guest belongs to an existing container whose config names it) and no leaked lock. The table
 * goes to {@code bench/results/fault-matrix-daytwo.txt}.
 */
class DayTwoFaultMatrixTest {
    private static final Duration READ_TIMEOUT = Duration.ofMillis(700);
    private static final Duration WAIT = Duration.ofSeconds(20);
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

    private record Step(String flow, String name, String endpoint) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("restore", "request", "POST /nodes/{node}/lxc"),
            new Step("restore", "task wait", "GET /nodes/{node}/tasks/{upid}/status"),
            new Step("restore", "start", "POST /nodes/{node}/lxc/{vmid}/status/start"),
            new Step("restore", "status read", "GET /nodes/{node}/lxc/{vmid}/status/current"),
            new Step("clone", "request", "POST /nodes/{node}/lxc/{vmid}/clone"),
            new Step("clone", "task wait", "GET /nodes/{node}/tasks/{upid}/status"),
            new Step("clone", "config read", "GET /nodes/{node}/lxc/{vmid}/config"),
            new Step("clone", "start", "POST /nodes/{node}/lxc/{vmid}/status/start"),
            new Step("migrate", "request", "POST /nodes/{node}/lxc/{vmid}/migrate"),
            new Step("migrate", "task wait", "GET /nodes/{node}/tasks/{upid}/status"),
            new Step("migrate", "location read", "GET /cluster/resources"),
            new Step("migrate", "status read", "GET /nodes/{node}/lxc/{vmid}/status/current"));

    @Test
    void restoreCloneAndMigrate_everyStepTimesEveryFault_endOkOrTyped_withoutOrphanVolumesOrLocks() throws IOException {
        PveSimulator sim = PveSimulator.builder().timeScale(0.001).addNode("pve1", 4, 16L << 30)
                .addNode("pve2", 4, 16L << 30).start();
        try (ProxmoxClient pve = ProxmoxClient.builder().baseUrl(sim.baseUrl())
                .apiToken(sim.tokenId(), sim.tokenSecret()).trust(Trust.fingerprints(sim.fingerprint()))
                .retry(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(2))
                        .maxBackoff(Duration.ofMillis(10)).build())
                .taskPolling(DayTwoSim.FAST_POLL).readTimeout(READ_TIMEOUT).build();
             // sets up and checks without faults, with a read timeout a loaded machine cannot hit
             ProxmoxClient admin = ProxmoxClient.builder().baseUrl(sim.baseUrl())
                     .apiToken(sim.tokenId(), sim.tokenSecret()).trust(Trust.fingerprints(sim.fingerprint()))
                     .taskPolling(DayTwoSim.FAST_POLL).readTimeout(Duration.ofSeconds(30)).build()) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("vmid", "500");
            p.put("hostname", "source");
            p.put("ostemplate", "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE);
            p.put("rootfs", "local-lvm:2");
            p.put("net0", "name=eth0,bridge=vmbr0,ip=dhcp");
            admin.tasks().await(admin.node("pve1").containers().create(p), WAIT);
            admin.tasks().await(admin.node("pve1").backups().backup(BackupRequest.builder().addVmid(500)
                    .storage("local").build()), WAIT);
            String archive = admin.node("pve1").backups().list("local", 500).get(0).volid();
            Container source = pve.node("pve1").container(500);

            List<String> violations = new ArrayList<>();
            Map<String, Map<String, String>> table = new LinkedHashMap<>();
            int next = 600;
            for (Step step : STEPS) {
                Map<String, String> row = new LinkedHashMap<>();
                for (Map.Entry<String, Supplier<Fault>> fault : FAULTS.entrySet()) {
                    int vmid = next++;
                    IntConsumer flow;
                    if (step.flow().equals("restore")) {
                        flow = id -> restore(pve, archive, id);
                    } else if (step.flow().equals("clone")) {
                        flow = id -> cloneFlow(pve, source, id);
                    } else {
                        running(admin, vmid);
                        flow = id -> migrate(pve, id);
                    }
                    sim.clearFaults();
                    sim.injectFault(step.endpoint(), 1, fault.getValue().get());
                    String outcome;
                    try {
                        flow.accept(vmid);
                        outcome = "ok";
                    } catch (ProxmoxException e) {
                        outcome = "FAIL " + e.getClass().getSimpleName();
                    } catch (RuntimeException e) {
                        outcome = "UNTYPED " + e.getClass().getSimpleName();
                        violations.add(step + " x " + fault.getKey() + ": untyped " + e);
                    }
                    sim.clearFaults();
                    sim.awaitIdle(Duration.ofSeconds(5));
                    orphans(sim).forEach(v -> violations.add(step + " x " + fault.getKey() + ": orphan volume " + v));
                    if (step.flow().equals("migrate") && sim.container(vmid).filter(c -> c.status().equals("running"))
                            .isEmpty()) {
                        violations.add(step + " x " + fault.getKey() + ": container " + vmid + " is not running on"
                                + " either node after the migration");
                    }
                    if (!sim.locks().isEmpty()) {
                        violations.add(step + " x " + fault.getKey() + ": leaked locks " + sim.locks());
                    }
                    row.put(fault.getKey(), outcome);
                }
                table.put(step.flow() + " " + step.name(), row);
            }
            String printed = render(table);
            System.out.println(printed);
            Path out = Path.of("..", "bench", "results");
            if (Files.isDirectory(out)) {
                Files.writeString(out.resolve("fault-matrix-daytwo.txt"), printed);
            }
            Files.writeString(Path.of("target", "fault-matrix-daytwo.txt"), printed);
            assertThat(violations).isEmpty();
        } finally {
            sim.close();
        }
    }

    private static void restore(ProxmoxClient pve, String archive, int vmid) {
        pve.tasks().await(pve.node("pve1").backups().restore(RestoreRequest.builder().vmid(vmid).archive(archive)
                .unique(true).storage("local-lvm").build()), WAIT);
        Container ct = pve.node("pve1").container(vmid);
        pve.tasks().await(ct.start(), WAIT);
        if (!ct.status().running()) {
            throw new IllegalStateException("restored container " + vmid + " is not running");
        }
    }

    private static void cloneFlow(ProxmoxClient pve, Container source, int vmid) {
        pve.tasks().await(source.cloneTo(CloneRequest.builder().newid(vmid).full().hostname("copy-" + vmid).build()),
                WAIT);
        Container ct = pve.node("pve1").container(vmid);
        if (!ct.config().get("hostname").equals(Optional.of("copy-" + vmid))) {
            throw new IllegalStateException("clone " + vmid + " has the wrong hostname");
        }
        pve.tasks().await(ct.start(), WAIT);
    }

    /** A running container on pve1 to migrate (made without faults). */
    private static void running(ProxmoxClient pve, int vmid) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vmid", Integer.toString(vmid));
        p.put("hostname", "mover-" + vmid);
        p.put("ostemplate", "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE);
        p.put("rootfs", "local-lvm:2");
        p.put("net0", "name=eth0,bridge=vmbr0,ip=dhcp");
        pve.tasks().await(pve.node("pve1").containers().create(p), WAIT);
        pve.tasks().await(pve.node("pve1").container(vmid).start(), WAIT);
    }

    /** Migrate in restart mode to pve2 (local-lvm), then find it there and check it runs. */
    private static void migrate(ProxmoxClient pve, int vmid) {
        pve.tasks().await(pve.node("pve1").container(vmid).migrate(MigrateRequest.builder().target("pve2")
                .restart(true).targetStorage("local-lvm").build()), WAIT);
        String node = pve.cluster().guest(vmid).orElseThrow().node().orElse("?");
        if (!node.equals("pve2")) {
            throw new IllegalStateException("migrated container " + vmid + " is on " + node);
        }
        if (!pve.node(node).container(vmid).status().running()) {
            throw new IllegalStateException("migrated container " + vmid + " is not running");
        }
    }

    /**
     * Guest volumes (on either node's local-lvm) whose container does not exist, is on the other
     * node, or does not name them in its config.
     */
    private static List<String> orphans(PveSimulator sim) {
        List<String> out = new ArrayList<>();
        for (String node : List.of("pve1", "pve2")) {
            for (String volid : sim.volumes(node, "local-lvm")) {
                Matcher m = GUEST_VOLUME.matcher(volid);
                if (!m.find()) {
                    continue;
                }
                Optional<ContainerState> ct = sim.container(Integer.parseInt(m.group(1)));
                if (ct.isEmpty() || !ct.get().node().equals(node)
                        || ct.get().config().values().stream().noneMatch(v -> v.contains(volid))) {
                    out.add(node + "/" + volid);
                }
            }
        }
        return out;
    }

    private static String render(Map<String, Map<String, String>> table) {
        StringBuilder b = new StringBuilder("Day-two flows, each fault injected once per step:\n");
        int w0 = 22;
        int w = 26;
        b.append(String.format("%-" + w0 + "s", "flow step \\ fault"));
        FAULTS.keySet().forEach(k -> b.append(String.format("| %-" + w + "s", k)));
        b.append('\n').append("-".repeat(w0 + FAULTS.size() * (w + 2))).append('\n');
        table.forEach((step, row) -> {
            b.append(String.format("%-" + w0 + "s", step));
            row.values().forEach(v -> b.append(String.format("| %-" + w + "s", v)));
            b.append('\n');
        });
        b.append("ok = flow completed (the fault was retried or did not hit a changing request); FAIL X = typed"
                + " exception X from the client. Every cell: no orphan volume on either node's local-lvm, no leaked lock.\n"
                + "restore = POST /nodes/{node}/lxc restore=1 (unique, local-lvm), await, start, status;"
                + " clone = POST .../clone full, await, GET config, start; migrate = POST .../migrate restart=1"
                + " target pve2 (local-lvm), await, GET /cluster/resources, GET status on pve2. 'task error' fails"
                + " the task the faulted request starts; reads start none. Migrate cells also check the container"
                + " runs on one of the nodes afterwards.\n");
        return b.toString();
    }
}
