package io.github.proxmoxlxc.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.ContainerConfig;
import io.github.proxmoxlxc.core.client.PollSchedule;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.core.provision.ProvisionOptions;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.ProvisionResult;
import io.github.proxmoxlxc.core.provision.Provisioner;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.Features;
import io.github.proxmoxlxc.core.spec.NetworkInterface;
import io.github.proxmoxlxc.core.spec.OsType;
import io.github.proxmoxlxc.hardware.gpu.Detection;
import io.github.proxmoxlxc.hardware.gpu.GpuDetector;
import io.github.proxmoxlxc.hardware.passthrough.GpuSelection;
import io.github.proxmoxlxc.hardware.passthrough.PassthroughPlanner;
import io.github.proxmoxlxc.hardware.passthrough.TargetContainer;
import io.github.proxmoxlxc.hardware.testsupport.HostFixture;
import io.github.proxmoxlxc.testkit.ContainerCommand;
import io.github.proxmoxlxc.testkit.ContainerReply;
import io.github.proxmoxlxc.testkit.NodeSimulator;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node module against the testkit's node simulator over real SSH: pct acts on the API's
 * model, file edits land in the node's files and the API's config, SFTP serves a host fixture,
 * and a token run with SSH ends with the config of a root@pam run (issue 14's done-when).
 */
@Timeout(180)
class NodeSimulatorTest {
    static final PollSchedule FAST = PollSchedule.builder().firstDelay(Duration.ofMillis(2))
            .initialInterval(Duration.ofMillis(3)).multiplier(1.3).maxInterval(Duration.ofMillis(15))
            .notVisibleGrace(Duration.ofSeconds(2)).build();
    @TempDir
    static Path dir;
    static PveSimulator sim;
    static NodeSimulator nodes;
    static NodeConnection ssh;
    static ProxmoxClient token;
    static ProxmoxClient root;
    static Path tree;

    @BeforeAll
    static void start() throws Exception {
        sim = PveSimulator.builder().timeScale(0.001).start();
        tree = dir.resolve("s01");
        Files.createDirectories(tree);
        HostFixture.apply(RemoteHardwareTest.expand(RemoteHardwareTest.HOSTS.resolve("s01-intel-igpu/host.txt")), tree);
        nodes = NodeSimulator.builder(sim).hostTree("pve1", tree)
                .onContainerCommand("apt-get update", ContainerReply.output("Reading package lists... Done\n"))
                .onContainerCommand("fail-here", ContainerReply.exit(7).withStderr("E: it broke\n"))
                .start();
        ssh = NodeConnection.builder(SshTarget.parse(nodes.target())).hostKeys(HostKeyPolicy.fingerprints(nodes.fingerprint()))
                .auth(SshAuth.keyFile(nodes.keyFile())).commandTimeout(Duration.ofSeconds(60)).build();
        token = ProxmoxClient.builder().baseUrl(sim.baseUrl()).apiToken(sim.tokenId(), sim.tokenSecret())
                .trust(Trust.fingerprints(sim.fingerprint())).taskPolling(FAST).build();
        root = ProxmoxClient.builder().baseUrl(sim.baseUrl()).password("root@pam", sim.rootPassword().toCharArray())
                .trust(Trust.fingerprints(sim.fingerprint())).taskPolling(FAST).build();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {ssh, token, root, nodes, sim}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static ProvisionOptions.Builder options() {
        return ProvisionOptions.builder().taskPolling(FAST).createTimeout(Duration.ofSeconds(20))
                .startTimeout(Duration.ofSeconds(10)).ipTimeout(Duration.ofSeconds(5)).rollbackTimeout(Duration.ofSeconds(20));
    }

    static ContainerSpec spec(String hostname, boolean keyctl) {
        return ContainerSpec.builder().hostname(hostname).osType(OsType.DEBIAN).memoryMiB(512).cores(1)
                .rootFs("local-lvm", 2).unprivileged(true)
                .features(Features.builder().nesting(true).keyctl(keyctl).build())
                .network(0, NetworkInterface.builder().name("eth0").bridge("vmbr0").dhcp().build()).build();
    }

    static int plain(String hostname) {
        return Provisioner.on(token, options().build())
                .provision(ProvisionRequest.builder().spec(spec(hostname, false)).template("debian-12-standard").build())
                .vmid();
    }

    static ContainerConfig config(int vmid) {
        return token.node("pve1").container(vmid).config();
    }

    @Test
    void pctSet_showsInTheApisConfig() {
        int vmid = plain("pctset");
        ExecResult r = ssh.exec(RemoteCommand.of("pct", "set", Integer.toString(vmid), "-dev0",
                "/dev/dri/renderD128,gid=104"));
        assertThat(r.exitStatus()).as(r.stderr()).isZero();
        assertThat(config(vmid).get("dev0")).contains("/dev/dri/renderD128,gid=104");
        assertThat(ssh.exec(RemoteCommand.of("pct", "config", Integer.toString(vmid))).stdout())
                .contains("dev0: /dev/dri/renderD128,gid=104\n").contains("hostname: pctset\n");
        assertThat(ssh.exec(RemoteCommand.of("pct", "status", Integer.toString(vmid))).stdout()).isEqualTo("status: running\n");
        assertThat(ssh.exec(RemoteCommand.of("cat", "/etc/pve/lxc/" + vmid + ".conf")).stdout())
                .contains("dev0: /dev/dri/renderD128,gid=104\n");
    }

    @Test
    void pctSet_checksOptionsAsTheApiDoes_andPrintsPctsErrors() {
        int vmid = plain("pctbad");
        ExecResult unknown = ssh.exec(RemoteCommand.of("pct", "set", Integer.toString(vmid), "-bogus", "1"));
        assertThat(unknown.exitStatus()).isEqualTo(255);
        assertThat(unknown.stderr()).startsWith("400 Parameter verification failed.\n")
                .contains("bogus: property is not defined in schema and the schema does not allow additional properties")
                .contains("pct set <vmid> [OPTIONS]");
        ExecResult missing = ssh.exec(RemoteCommand.of("pct", "set", "9999", "-cores", "2"));
        assertThat(missing.exitStatus()).isEqualTo(255);
        assertThat(missing.stderr()).isEqualTo("Configuration file 'nodes/pve1/lxc/9999.conf' does not exist\n");
        ExecResult unprivileged = ssh.exec(RemoteCommand.of("pct", "set", Integer.toString(vmid), "-unprivileged", "0"));
        assertThat(unprivileged.exitStatus()).isEqualTo(255);
        assertThat(unprivileged.stderr()).contains("unable to modify read-only option: 'unprivileged'");
    }

    @Test
    void patchApplier_writesRawLinesAndSubids_underTheLock_andTheApiShowsThem() throws Exception {
        int vmid = plain("raw");
        NodePatch patch = NodePatch.builder().addRawLine("lxc.cgroup2.devices.allow: c 226:128 rwm")
                .addRawLine("lxc.mount.entry: /dev/dri/renderD128 dev/dri/renderD128 none bind,optional,create=file")
                .addSubuidLine("root:104:1").addSubgidLine("root:104:1").build();
        SshNodePatchApplier applier = SshNodePatchApplier.forNode("pve1", ssh);
        assertThat(applier.apply("pve1", vmid, patch).lines()).anyMatch(l -> l.contains("(changed)"));
        assertThat(config(vmid).lxc()).contains(Map.entry("lxc.cgroup2.devices.allow", "c 226:128 rwm"),
                Map.entry("lxc.mount.entry", "/dev/dri/renderD128 dev/dri/renderD128 none bind,optional,create=file"));
        assertThat(Files.readAllLines(nodes.root("pve1").resolve("etc/subuid"), StandardCharsets.UTF_8))
                .startsWith("root:100000:65536").containsOnlyOnce("root:104:1");
        assertThat(applier.apply("pve1", vmid, patch).lines()).noneMatch(l -> l.contains("(changed)"));
        assertThat(config(vmid).lxc()).hasSize(2);
        assertThat(Files.readAllLines(nodes.root("pve1").resolve("etc/subgid"), StandardCharsets.UTF_8))
                .startsWith("root:100000:65536").containsOnlyOnce("root:104:1");
    }

    @Test
    void concurrentPatchesOnOneNode_loseNoLine() throws Exception {
        List<Integer> vmids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            vmids.add(plain("conc" + i));
        }
        SshNodePatchApplier applier = SshNodePatchApplier.forNode("pve1", ssh);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int vmid : vmids) {
                done.add(pool.submit(() -> applier.apply("pve1", vmid, NodePatch.builder()
                        .putKey("cores", "2")
                        .addRawLine("lxc.mount.entry: /srv/" + vmid + " srv none bind,create=dir")
                        .addSubuidLine("root:" + (200000 + vmid) + ":1").build())));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        String subuid = Files.readString(nodes.root("pve1").resolve("etc/subuid"), StandardCharsets.UTF_8);
        for (int vmid : vmids) {
            ContainerConfig c = config(vmid);
            assertThat(c.get("cores")).contains("2");
            assertThat(c.lxc()).containsExactly(Map.entry("lxc.mount.entry", "/srv/" + vmid + " srv none bind,create=dir"));
            assertThat(subuid).contains("root:" + (200000 + vmid) + ":1\n");
        }
    }

    @Test
    void remoteHardware_overSftp_seesTheHostFixture() {
        Detection local = GpuDetector.at(tree).detect();
        Detection remote = RemoteHardware.over(ssh).detect();
        assertThat(remote.gpus()).isNotEmpty();
        assertThat(remote.gpus().toString()).isEqualTo(local.gpus().toString());
    }

    @Test
    void inContainerCommands_areRecorded_andAnsweredByScript() {
        int vmid = plain("inct");
        ExecResult ok = ssh.exec(RemoteCommand.of("pct", "exec", Integer.toString(vmid), "--", "env", "A=1", "apt-get",
                "update"));
        assertThat(ok.exitStatus()).isZero();
        assertThat(ok.stdout()).isEqualTo("Reading package lists... Done\n");
        ExecResult bad = ssh.exec(RemoteCommand.of("pct", "exec", Integer.toString(vmid), "--", "sh", "-c", "fail-here"));
        assertThat(bad.exitStatus()).isEqualTo(7);
        assertThat(bad.stderr()).isEqualTo("E: it broke\n");
        List<ContainerCommand> cmds = nodes.containerCommands().stream().filter(c -> c.vmid() == vmid).toList();
        assertThat(cmds).hasSize(2);
        assertThat(cmds.get(0).command()).containsExactly("apt-get", "update");
        assertThat(cmds.get(0).environment()).containsEntry("A", "1");
        assertThat(cmds.get(1).exitStatus()).isEqualTo(7);
        ExecResult stopped = ssh.exec(RemoteCommand.of("pct", "exec", "9998", "--", "true"));
        assertThat(stopped.stderr()).isEqualTo("Configuration file 'nodes/pve1/lxc/9998.conf' does not exist\n");
    }

    @Test
    void installScript_isPushedThroughAScript_andRunWithItsEnvironment() throws Exception {
        int vmid = plain("install");
        Path script = dir.resolve("demo-install.sh");
        Files.writeString(script, "echo hello\n");
        ProvisionResult r;
        r = Provisioner.on(token, options().addContainerSetup(InContainerSetup.builder(ssh).timezone("Europe/Berlin")
                .installScript(InstallScript.file(script))
                .build()).build()).provision(ProvisionRequest.builder().spec(spec("setup", false))
                .template("debian-12-standard").build());
        assertThat(r.vmid()).isNotEqualTo(vmid);
        assertThat(Files.readString(nodes.containerFile(r.vmid(), "/root/.proxmox-lxc-install.sh"))).isEqualTo("echo hello\n");
        List<ContainerCommand> cmds = nodes.containerCommands().stream().filter(c -> c.vmid() == r.vmid()).toList();
        assertThat(cmds).extracting(ContainerCommand::line).anyMatch(l -> l.startsWith("sh -c") && l.endsWith("Europe/Berlin"))
                .anyMatch(l -> l.startsWith("bash -c ") && l.endsWith(" /root/.proxmox-lxc-install.sh"));
        assertThat(cmds.stream().filter(c -> c.line().startsWith("bash")).findFirst().orElseThrow().environment())
                // tz is the node's zone as build.func exports it (the simulated node's Etc/* zone as "host");
                // timezone(...) sets the container's zone only
                .containsEntry("CTID", Integer.toString(r.vmid())).containsEntry("tz", "host");
    }

    /** Issue 14's done-when: a token with SSH ends with the config of a root@pam run (devN gids, keyctl=1). */
    @Test
    void tokenWithSsh_endsWithTheConfigOfARootRun() {
        Detection d = RemoteHardware.over(ssh).detect();
        NodePatch gpu = PassthroughPlanner.builder().gpus(GpuSelection.all())
                .target(TargetContainer.builder().privileged(false).template("debian-12-standard").build()).build()
                .plan(d);
        assertThat(gpu.keys()).containsKey("dev0");
        ProvisionRequest request = ProvisionRequest.builder().spec(spec("gpu", true)).template("debian-12-standard")
                .nodePatch(gpu).build();
        SshNodePatchApplier applier = SshNodePatchApplier.forNode("pve1", ssh);

        ProvisionResult asRoot = Provisioner.on(root, options().nodePatchApplier(applier).build()).provision(request);
        ProvisionRequest moved = SshNodePatchApplier.rootOnlyOptionsInPatch(request);
        assertThat(moved.spec().features()).isEmpty();
        assertThat(moved.nodePatch().keys()).containsEntry("features", "keyctl=1,nesting=1");
        ProvisionResult asToken = Provisioner.on(token, options().nodePatchApplier(applier).build()).provision(moved);

        Map<String, String> a = comparable(config(asRoot.vmid()), asRoot.vmid());
        Map<String, String> b = comparable(config(asToken.vmid()), asToken.vmid());
        assertThat(b).isEqualTo(a);
        assertThat(b).containsEntry("features", "keyctl=1,nesting=1").containsKey("dev0");
        // the gids the passthrough planner chose for the fixture's Intel iGPU (video and render in the container)
        gpu.keys().forEach((k, v) -> assertThat(b).containsEntry(k, v));
        assertThat(b.get("dev0")).isEqualTo("/dev/dri/card1,gid=44");
        assertThat(config(asToken.vmid()).lxc()).isEqualTo(config(asRoot.vmid()).lxc());
    }

    /** The config without what differs between two containers anyway (MAC address, volume names, digest). */
    static Map<String, String> comparable(ContainerConfig c, int vmid) {
        Map<String, String> m = new TreeMap<>(c.values());
        m.replaceAll((k, v) -> v.replace("vm-" + vmid + "-", "vm-ID-").replaceAll("hwaddr=[0-9A-F:]+", "hwaddr=*"));
        m.remove("digest");
        m.computeIfPresent("description", (k, v) -> v.replaceAll("proxmox-lxc run [0-9a-f-]+", "proxmox-lxc run *"));
        return m;
    }
}
