package io.github.proxmoxlxc.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.DeviceEntry;
import io.github.proxmoxlxc.testkit.ContainerState;
import io.github.proxmoxlxc.testkit.Fault;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProvisionerFlowTest {

    @Test
    void provision_createsARunningContainerWithAnAddress_andReportsEveryStep() {
        try (SimFixture f = SimFixture.start()) {
            ProvisionResult r = Provisioner.on(f.client, f.options().build()).provision(SimFixture.request("web1"));

            assertThat(r.node()).isEqualTo("pve1");
            assertThat(r.hostname()).contains("web1");
            assertThat(r.status()).isEqualTo("running");
            assertThat(r.addresses()).isNotEmpty().allMatch(a -> a.contains("/"));
            assertThat(r.template()).contains("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst");
            assertThat(r.created()).isTrue();
            assertThat(r.timings().keySet()).containsExactly(ProvisionStep.PREFLIGHT, ProvisionStep.PLACEMENT,
                    ProvisionStep.TEMPLATE, ProvisionStep.VMID, ProvisionStep.CREATE, ProvisionStep.START,
                    ProvisionStep.WAIT_RUNNING, ProvisionStep.WAIT_IP);
            assertThat(r.tasks()).extracting(t -> t.upid().type()).containsExactly("vzcreate", "vzstart");
            ContainerState ct = f.sim.container(r.vmid()).orElseThrow();
            assertThat(ct.status()).isEqualTo("running");
            assertThat(ct.config()).containsEntry("hostname", "web1").containsEntry("memory", "512");
            assertThat(f.sim.locks()).isEmpty();

            List<String> lifecycle = f.events.stream().filter(e -> e.kind() != ProvisionEvent.Kind.PROGRESS)
                    .map(e -> e.step() + " " + e.kind()).collect(Collectors.toList());
            assertThat(lifecycle).containsSubsequence("PREFLIGHT STARTED", "PREFLIGHT FINISHED", "PLACEMENT STARTED",
                    "PLACEMENT FINISHED", "TEMPLATE STARTED", "TEMPLATE FINISHED", "VMID STARTED", "VMID FINISHED",
                    "CREATE STARTED", "CREATE FINISHED", "START STARTED", "START FINISHED", "WAIT_RUNNING STARTED",
                    "WAIT_RUNNING FINISHED", "WAIT_IP STARTED", "WAIT_IP FINISHED");
            assertThat(f.events).allMatch(e -> e.label().equals("web1"));
            assertThat(f.events.stream().filter(e -> e.step() == ProvisionStep.CREATE
                    && e.kind() == ProvisionEvent.Kind.FINISHED)).singleElement()
                    .satisfies(e -> assertThat(e.vmid()).hasValue(r.vmid()));
        }
    }

    @Test
    void preflightPlan_listsExactlyTheChangingCallsTheRunMakes_withTheParametersSent() {
        try (SimFixture f = SimFixture.start()) {
            Provisioner p = Provisioner.on(f.client, f.options().build());
            ProvisionRequest req = ProvisionRequest.builder()
                    .spec(SimFixture.spec("db1").toBuilder().vmid(321).build()).template("ubuntu-24.04").build();

            ProvisionPlan plan = p.preflight(req);
            assertThat(f.sim.requestCount("POST /nodes/{node}/lxc")).isZero();
            ProvisionResult r = p.provision(req);

            assertThat(plan.resolved()).isTrue();
            assertThat(plan.node()).contains("pve1");
            assertThat(plan.templateVolume()).contains("local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst");
            assertThat(r.calls()).isEqualTo(plan.changingCalls()).containsExactly("POST /nodes/pve1/aplinfo",
                    "POST /nodes/pve1/lxc", "POST /nodes/pve1/lxc/321/status/start");
            PlannedCall create = plan.calls().stream().filter(c -> c.step() == ProvisionStep.CREATE).findFirst()
                    .orElseThrow();
            Map<String, String> stored = f.sim.container(321).orElseThrow().config();
            assertThat(create.params()).containsEntry("vmid", "321").containsEntry("hostname", "db1")
                    .containsEntry("ostemplate", "local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst");
            assertThat(stored.get("hostname")).isEqualTo(create.params().get("hostname"));
            assertThat(stored.get("memory")).isEqualTo(create.params().get("memory"));
            assertThat(create.command()).startsWith("pct create 321 local:vztmpl/ubuntu-24.04-standard");
        }
    }

    @Test
    void missingTemplate_isDownloadedFromAplinfo_withProgressEvents() {
        try (SimFixture f = SimFixture.start()) {
            ProvisionResult r = Provisioner.on(f.client, f.options().build())
                    .provision(ProvisionRequest.builder().spec(SimFixture.spec("alp")).template("alpine-3.22").build());

            assertThat(r.template()).contains("local:vztmpl/alpine-3.22-default_20250617_amd64.tar.xz");
            assertThat(f.sim.volumes("pve1", "local")).contains("local:vztmpl/alpine-3.22-default_20250617_amd64.tar.xz");
            assertThat(f.sim.requestCount("POST /nodes/{node}/aplinfo")).isEqualTo(1);
            assertThat(f.events).anyMatch(e -> e.step() == ProvisionStep.TEMPLATE
                    && e.kind() == ProvisionEvent.Kind.PROGRESS && e.fraction().isPresent());
        }
    }

    @Test
    void templateReference_picksTheNewestStoredVersion_versionAware() {
        try (SimFixture f = SimFixture.start(b -> b.addStoredTemplate("pve1", "local", "debian-12-standard_12.2-1_amd64.tar.zst")
                .addStoredTemplate("pve1", "local", "debian-12-standard_12.10-1_amd64.tar.zst")
                .addStoredTemplate("pve1", "local", "debian-12-standard_12.7-1_arm64.tar.zst"))) {
            ProvisionResult r = Provisioner.on(f.client, f.options().waitForIp(false).build())
                    .provision(SimFixture.request("v"));

            assertThat(r.template()).contains("local:vztmpl/debian-12-standard_12.10-1_amd64.tar.zst");
            assertThat(f.sim.requestCount("POST /nodes/{node}/aplinfo")).isZero();
        }
    }

    @Test
    void placement_mostFreeMemory_roundRobin_explicitNode_andCustomStrategy() {
        try (SimFixture f = SimFixture.start(b -> b.addNode("pve1", 4, 8L << 30).addNode("pve2", 4, 32L << 30)
                .addNode("pve3", 4, 16L << 30))) {
            ProvisionOptions base = f.options().waitForIp(false).build();
            assertThat(Provisioner.on(f.client, base).provision(SimFixture.request("m1")).node()).isEqualTo("pve2");

            Provisioner rr = Provisioner.on(f.client, base.toBuilder().placement(PlacementStrategy.roundRobin()).build());
            assertThat(List.of(rr.provision(SimFixture.request("r1")).node(), rr.provision(SimFixture.request("r2")).node(),
                    rr.provision(SimFixture.request("r3")).node())).containsExactly("pve1", "pve2", "pve3");

            ProvisionRequest pinned = SimFixture.request("pin").toBuilder().node("pve3").build();
            assertThat(Provisioner.on(f.client, base).provision(pinned).node()).isEqualTo("pve3");

            List<List<String>> seen = new CopyOnWriteArrayList<>();
            PlacementStrategy last = (req, nodes) -> {
                seen.add(nodes.stream().map(NodeCandidate::node).collect(Collectors.toList()));
                return nodes.get(nodes.size() - 1).node();
            };
            assertThat(Provisioner.on(f.client, base.toBuilder().placement(last).build())
                    .provision(SimFixture.request("c1")).node()).isEqualTo("pve3");
            assertThat(seen).containsExactly(List.of("pve1", "pve2", "pve3"));
        }
    }

    @Test
    void preflight_reportsEveryProblemAtOnce_andChangesNothing() {
        try (SimFixture f = SimFixture.start()) {
            ContainerSpec spec = SimFixture.spec("bad").toBuilder().rootFs("nosuch", 4)
                    .device(0, DeviceEntry.builder().path("/dev/dri/renderD128").build()).build();
            ProvisionRequest req = ProvisionRequest.builder().spec(spec).template("fedora-99").build();

            assertThatThrownBy(() -> Provisioner.on(f.client, f.options().build()).provision(req))
                    .isInstanceOfSatisfying(PreflightException.class, e -> {
                        assertThat(e.problems()).extracting(PreflightProblem::check)
                                .contains("root@pam", "storage");
                        assertThat(e.problems()).allMatch(pr -> !pr.remedy().isBlank());
                        assertThat(e.step()).isEqualTo(ProvisionStep.PREFLIGHT);
                        assertThat(e.rolledBack()).isFalse();
                        assertThat(e.needsAttention()).isFalse();
                        assertThat(e.getMessage()).contains("dev0").contains("nosuch");
                    });
            assertThat(f.sim.containers()).isEmpty();
            assertThat(f.sim.requestCount("POST /nodes/{node}/lxc")).isZero();
        }
    }

    @Test
    void unknownTemplate_andStorageWithoutRoom_areBothReported() {
        try (SimFixture f = SimFixture.start()) {
            ContainerSpec spec = SimFixture.spec("big").toBuilder().rootFs("local-lvm", 5000).build();
            ProvisionRequest req = ProvisionRequest.builder().spec(spec).template("fedora-99").build();
            assertThatThrownBy(() -> Provisioner.on(f.client, f.options().build()).preflight(req))
                    .isInstanceOfSatisfying(PreflightException.class, e -> assertThat(e.problems())
                            .anyMatch(p -> p.problem().contains("free")));
            ProvisionRequest req2 = ProvisionRequest.builder().spec(SimFixture.spec("t")).template("fedora-99").build();
            assertThatThrownBy(() -> Provisioner.on(f.client, f.options().build()).preflight(req2))
                    .isInstanceOfSatisfying(PreflightException.class, e -> assertThat(e.problems())
                            .extracting(PreflightProblem::check).containsExactly("template"));
        }
    }

    @Test
    void explicitVmidInUse_isAPreflightProblem() {
        try (SimFixture f = SimFixture.start()) {
            Provisioner p = Provisioner.on(f.client, f.options().waitForIp(false).build());
            ProvisionRequest req = ProvisionRequest.builder().spec(SimFixture.spec("a").toBuilder().vmid(200).build())
                    .template("debian-12-standard").build();
            p.provision(req);
            assertThatThrownBy(() -> p.provision(req)).isInstanceOfSatisfying(PreflightException.class,
                    e -> assertThat(e.problems()).extracting(PreflightProblem::check).contains("vmid"));
            assertThat(f.sim.containers()).hasSize(1);
        }
    }

    @Test
    void vmidRange_movesOnWhenACandidateWasTakenMeanwhile_andReportsExhaustion() {
        try (SimFixture f = SimFixture.start()) {
            ProvisionOptions ranged = f.options().waitForIp(false).vmidRange(9000, 9003).build();
            Provisioner p = Provisioner.on(f.client, ranged);
            assertThat(p.provision(SimFixture.request("a")).vmid()).isEqualTo(9000);

            // another client takes 9001 while p still has the cluster's VMIDs cached
            Provisioner.on(f.client, f.options().waitForIp(false).build()).provision(ProvisionRequest.builder()
                    .spec(SimFixture.spec("other").toBuilder().vmid(9001).build()).template("debian-12-standard").build());
            f.events.clear();
            assertThat(p.provision(SimFixture.request("b")).vmid()).isEqualTo(9002);
            assertThat(f.events).anyMatch(e -> e.message().contains("VMID 9001 was taken meanwhile"));
            assertThat(f.sim.containers()).extracting(ContainerState::vmid).containsExactly(9000, 9001, 9002);

            assertThat(p.provision(SimFixture.request("c")).vmid()).isEqualTo(9003);
            assertThatThrownBy(() -> p.provision(SimFixture.request("d"))).isInstanceOfSatisfying(
                    ProvisionException.class, e -> {
                        assertThat(e.step()).isEqualTo(ProvisionStep.VMID);
                        assertThat(e.getMessage()).contains("no free VMID left in the range 9000..9003");
                    });
            assertThat(f.sim.containers()).hasSize(4);
        }
    }

    @Test
    void failedStart_rollsTheContainerBack_leavingNoContainerAndNoLock() {
        try (SimFixture f = SimFixture.start()) {
            f.sim.injectFault("POST /nodes/{node}/lxc/{vmid}/status/start", 1, Fault.taskError(0, "startup failed"));
            assertThatThrownBy(() -> Provisioner.on(f.client, f.options().build()).provision(SimFixture.request("x")))
                    .isInstanceOfSatisfying(ProvisionException.class, e -> {
                        assertThat(e.step()).isEqualTo(ProvisionStep.START);
                        assertThat(e.rolledBack()).isTrue();
                        assertThat(e.needsAttention()).isFalse();
                        assertThat(e.vmid()).isPresent();
                        assertThat(e.node()).contains("pve1");
                        assertThat(e.getMessage()).contains("rolled back").contains("startup failed");
                    });
            assertThat(f.sim.containers()).isEmpty();
            assertThat(f.sim.locks()).isEmpty();
            assertThat(f.events).anyMatch(e -> e.step() == ProvisionStep.ROLLBACK && e.kind() == ProvisionEvent.Kind.FINISHED);
        }
    }

    @Test
    void keepOnFailure_keepsTheContainer_andFlagsIt() {
        try (SimFixture f = SimFixture.start()) {
            f.sim.injectFault("POST /nodes/{node}/lxc/{vmid}/status/start", 1, Fault.taskError(0, "startup failed"));
            assertThatThrownBy(() -> Provisioner.on(f.client, f.options().keepOnFailure(true).build())
                    .provision(SimFixture.request("keep"))).isInstanceOfSatisfying(ProvisionException.class, e -> {
                        assertThat(e.rolledBack()).isFalse();
                        assertThat(e.needsAttention()).isTrue();
                        assertThat(e.getMessage()).contains("kept");
                    });
            assertThat(f.sim.containers()).hasSize(1);
        }
    }

    @Test
    void failedRollback_saysBothErrors_andWhichContainerNeedsAttention() {
        try (SimFixture f = SimFixture.start()) {
            f.sim.injectFault("POST /nodes/{node}/lxc/{vmid}/status/start", 1, Fault.taskError(0, "startup failed"));
            f.sim.injectFault("DELETE /nodes/{node}/lxc/{vmid}", Fault.status(500, "boom", ""));
            ProvisionOptions o = f.options().rollbackTimeout(java.time.Duration.ofMillis(400)).build();
            assertThatThrownBy(() -> Provisioner.on(f.client, o).provision(SimFixture.request("stuck")))
                    .isInstanceOfSatisfying(ProvisionException.class, e -> {
                        assertThat(e.needsAttention()).isTrue();
                        assertThat(e.rolledBack()).isFalse();
                        assertThat(e.rollbackFailure()).isPresent();
                        assertThat(e.getMessage()).contains("startup failed").contains("rollback failed")
                                .contains("container " + e.vmid().getAsInt() + " on pve1 needs attention");
                    });
            f.sim.clearFaults();
        }
    }

    @Test
    void lostCreateResponse_isRecoveredByLookingForTheContainer_notByPostingAgain() {
        try (SimFixture f = SimFixture.start()) {
            f.sim.injectFault("POST /nodes/{node}/lxc", 1, Fault.proxyTimeout());
            ProvisionResult r = Provisioner.on(f.client, f.options().build()).provision(SimFixture.request("lost"));

            assertThat(f.sim.requestCount("POST /nodes/{node}/lxc")).isEqualTo(1);
            assertThat(f.sim.containers()).singleElement().satisfies(c -> assertThat(c.vmid()).isEqualTo(r.vmid()));
            assertThat(r.calls()).containsOnlyOnce("POST /nodes/pve1/lxc");
        }
    }

    @Test
    void nodePatch_isHandedToTheApplier_betweenCreateAndStart() {
        try (SimFixture f = SimFixture.start()) {
            NodePatch patch = NodePatch.builder().addRawLine("lxc.cgroup2.devices.allow: c 226:128 rwm")
                    .addSubgidLine("root:44:1").build();
            List<String> seen = new CopyOnWriteArrayList<>();
            NodePatchApplier applier = (node, vmid, p) -> {
                seen.add(node + "/" + vmid + " " + f.sim.container(vmid).orElseThrow().status());
                p.rawLines().forEach(l -> f.sim.addRawLxc(vmid, l.substring(0, l.indexOf(':')),
                        l.substring(l.indexOf(':') + 1).strip()));
                return NodePatchReport.applied(p.confLines());
            };
            ProvisionResult r = Provisioner.on(f.client, f.options().nodePatchApplier(applier).build())
                    .provision(SimFixture.request("gpu").toBuilder().nodePatch(patch).build());

            assertThat(seen).containsExactly("pve1/" + r.vmid() + " stopped");
            assertThat(f.sim.container(r.vmid()).orElseThrow().rawLxc())
                    .contains(Map.entry("lxc.cgroup2.devices.allow", "c 226:128 rwm"));
            assertThat(r.timings()).containsKey(ProvisionStep.NODE_PATCH);
            assertThat(r.warnings()).noneMatch(w -> w.contains("node patch"));
        }
    }

    @Test
    void nodePatchApplier_transientFailuresAreRetried_otherFailuresRollBack() {
        try (SimFixture f = SimFixture.start()) {
            NodePatch patch = NodePatch.builder().addSubgidLine("root:44:1").build();
            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            NodePatchApplier flaky = (node, vmid, p) -> {
                if (calls.incrementAndGet() < 3) {
                    throw new io.github.proxmoxlxc.core.client.TransportException("SSH", "/etc/subgid", "connection reset",
                            null);
                }
                return NodePatchReport.applied(p.subgidLines());
            };
            ProvisionResult r = Provisioner.on(f.client, f.options().nodePatchApplier(flaky).build())
                    .provision(SimFixture.request("flaky").toBuilder().nodePatch(patch).build());
            assertThat(calls).hasValue(3);
            assertThat(r.status()).isEqualTo("running");

            NodePatchApplier broken = (node, vmid, p) -> {
                throw new io.github.proxmoxlxc.core.ProxmoxException("/etc/subgid: permission denied");
            };
            assertThatThrownBy(() -> Provisioner.on(f.client, f.options().nodePatchApplier(broken).build())
                    .provision(SimFixture.request("broken").toBuilder().nodePatch(patch).build()))
                    .isInstanceOfSatisfying(ProvisionException.class, e -> {
                        assertThat(e.step()).isEqualTo(ProvisionStep.NODE_PATCH);
                        assertThat(e.rolledBack()).isTrue();
                    });
            assertThat(f.sim.containers()).singleElement().satisfies(c -> assertThat(c.vmid()).isEqualTo(r.vmid()));
            assertThat(f.sim.locks()).isEmpty();
        }
    }

    @Test
    void printOnlyApplier_leavesTheLinesAsAWarning() {
        try (SimFixture f = SimFixture.start()) {
            List<String> printed = new CopyOnWriteArrayList<>();
            NodePatch patch = NodePatch.builder().addRawLine("lxc.mount.entry: /dev/dri dev/dri none bind,optional,create=dir")
                    .build();
            ProvisionResult r = Provisioner.on(f.client, f.options().nodePatchApplier(NodePatchApplier.printOnly(printed::add))
                    .build()).provision(SimFixture.request("p").toBuilder().nodePatch(patch).build());

            assertThat(printed).containsExactly("# /etc/pve/lxc/" + r.vmid() + ".conf (node pve1)",
                    "lxc.mount.entry: /dev/dri dev/dri none bind,optional,create=dir");
            assertThat(r.warnings()).anyMatch(w -> w.contains("NOT applied") && w.contains("lxc.mount.entry"));
        }
    }

    @Test
    void ensure_doesNothingWhenTheContainerMatches_andListsDifferencesOtherwise() {
        try (SimFixture f = SimFixture.start()) {
            Provisioner p = Provisioner.on(f.client, f.options().build());
            ProvisionResult first = p.ensure(SimFixture.request("idem"));
            assertThat(first.created()).isTrue();
            long creates = f.sim.requestCount("POST /nodes/{node}/lxc");

            ProvisionResult again = p.ensure(SimFixture.request("idem"));
            assertThat(again.created()).isFalse();
            assertThat(again.vmid()).isEqualTo(first.vmid());
            assertThat(again.addresses()).isEqualTo(first.addresses());
            assertThat(f.sim.requestCount("POST /nodes/{node}/lxc")).isEqualTo(creates);

            ProvisionRequest bigger = ProvisionRequest.builder()
                    .spec(SimFixture.spec("idem").toBuilder().memoryMiB(2048).build()).template("debian-12-standard").build();
            assertThatThrownBy(() -> p.ensure(bigger, DriftPolicy.FAIL)).isInstanceOfSatisfying(SpecMismatchException.class, e -> {
                assertThat(e.differences()).anyMatch(d -> d.key().equals("memory"));
                assertThat(e.vmid()).hasValue(first.vmid());
                assertThat(e.getMessage()).contains("memory").contains("nothing was changed");
            });
            assertThat(f.sim.containers()).hasSize(1);
        }
    }

    @Test
    void offlinePlan_contactsNothing_andLeavesUnknownsNull() {
        ProvisionPlan plan = Provisioner.offline().plan(ProvisionRequest.builder().spec(SimFixture.spec("dry")
                .toBuilder().password("s3cret-pw").build()).template("debian-12-standard").build());

        assertThat(plan.resolved()).isFalse();
        assertThat(plan.vmid()).isEmpty();
        assertThat(plan.node()).isEmpty();
        assertThat(plan.templateVolume()).isEmpty();
        assertThat(plan.changingCalls()).containsExactly("POST /nodes/{node}/aplinfo", "POST /nodes/{node}/lxc",
                "POST /nodes/{node}/lxc/{vmid}/status/start");
        assertThat(plan.privileges()).extracting(RequiredPrivilege::privilege)
                .contains("VM.Allocate", "Datastore.AllocateSpace", "Datastore.AllocateTemplate", "SDN.Use", "VM.PowerMgmt");
        assertThat(plan.commands()).anyMatch(c -> c.startsWith("pct create {vmid} {template-volume}"));
        String json = plan.toJson();
        assertThat(json).contains("\"vmid\" : null").contains("\"node\" : null").contains("\"templateVolume\" : null")
                .contains("\"password\" : \"***\"").doesNotContain("s3cret-pw");
        assertThat(plan.render()).contains("Plan for dry (offline)").contains("VM.Allocate on /vms/{vmid}")
                .doesNotContain("s3cret-pw");
        assertThatThrownBy(() -> Provisioner.offline().provision(SimFixture.request("x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("offline");
    }

    @Test
    void plan_withRootOnlyOptionsAndANodePatch_saysWhoMayDoWhat() {
        ContainerSpec spec = SimFixture.spec("gpu").toBuilder().vmid(150)
                .device(0, DeviceEntry.builder().path("/dev/dri/renderD128").gid(104).build()).build();
        NodePatch patch = NodePatch.builder().addRawLine("lxc.idmap: g 104 104 1").addSubgidLine("root:104:1").build();
        ProvisionPlan plan = Provisioner.offline().plan(ProvisionRequest.builder().spec(spec).nodePatch(patch)
                .template("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst").node("pve1").build());

        assertThat(plan.requiresRootAtPam()).isTrue();
        assertThat(plan.privileges()).anyMatch(p -> p.kind() == RequiredPrivilege.Kind.ROOT_AT_PAM && p.path().equals("dev0"))
                .anyMatch(p -> p.kind() == RequiredPrivilege.Kind.NODE_ACCESS && p.path().equals("/etc/subgid"));
        assertThat(plan.nodePatchLines()).containsExactly("# /etc/pve/lxc/150.conf (node pve1)", "lxc.idmap: g 104 104 1",
                "# /etc/subgid (node pve1)", "root:104:1");
        assertThat(plan.changingCalls()).containsExactly("POST /nodes/pve1/lxc", "POST /nodes/pve1/lxc/150/status/start");
        assertThat(plan.toJson()).contains("\"vmid\" : 150").contains("\"kind\" : \"ROOT_AT_PAM\"");
    }
}
