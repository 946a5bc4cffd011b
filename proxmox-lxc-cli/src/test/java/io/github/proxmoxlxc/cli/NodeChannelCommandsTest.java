package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.core.client.ContainerConfig;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.hardware.testsupport.HostFixture;
import io.github.proxmoxlxc.testkit.ContainerCommand;
import io.github.proxmoxlxc.testkit.ContainerReply;
import io.github.proxmoxlxc.testkit.NodeSimulator;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --ssh} against the testkit's node simulator over real SSH: {@code exec}, {@code push},
 * {@code gpus --ssh}, and {@code create} with an API token ending with the config of a root@pam
 * run (issue 14's done-when at the CLI level).
 */
@Timeout(300)
class NodeChannelCommandsTest {
    static final Path HARDWARE_HOSTS = Path.of("../proxmox-lxc-hardware/src/test/resources/hosts");
    @TempDir
    static Path dir;
    static Path tree;
    static PveSimulator sim;
    static NodeSimulator nodes;

    @BeforeAll
    static void start() throws Exception {
        tree = dir.resolve("s01");
        Files.createDirectories(tree);
        // the hardware module's Intel iGPU fixture; its @include blocks are the same in this module
        HostFixture.apply(Files.readAllLines(HARDWARE_HOSTS.resolve("s01-intel-igpu/host.txt"), StandardCharsets.UTF_8),
                tree);
        sim = PveSimulator.builder().timeScale(0.001).start();
        nodes = NodeSimulator.builder(sim).hostTree("pve1", tree)
                .onContainerCommand("^cat /etc/os-release$", ContainerReply.output("PRETTY_NAME=\"Debian GNU/Linux 12\"\n"))
                .onContainerCommand("^false$", ContainerReply.exit(42).withStderr("it failed on purpose\n"))
                .start();
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    static Map<String, String> tokenEnv() {
        Map<String, String> env = new HashMap<>(sshEnv());
        env.put("PVE_URL", sim.baseUrl());
        env.put("PVE_TOKEN_ID", sim.tokenId());
        env.put("PVE_TOKEN_SECRET", sim.tokenSecret());
        env.put("PVE_FINGERPRINT", sim.fingerprint());
        return env;
    }

    static Map<String, String> rootEnv() {
        Map<String, String> env = new HashMap<>(sshEnv());
        env.put("PVE_URL", sim.baseUrl());
        env.put("PVE_USER", "root@pam");
        env.put("PVE_PASSWORD", sim.rootPassword());
        env.put("PVE_FINGERPRINT", sim.fingerprint());
        return env;
    }

    static Map<String, String> sshEnv() {
        return Map.of("PVE_SSH", nodes.target(), "PVE_SSH_KEY", nodes.keyFile().toString(),
                "PVE_SSH_FINGERPRINT", nodes.fingerprint(), "HOME", dir.toString());
    }

    static int create(Map<String, String> env, String hostname, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("create", "--json", "--set", "var_hostname=" + hostname));
        args.addAll(List.of(extra));
        CliRunner.Result r = new CliRunner().env(env).run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.both()).isZero();
        return new ObjectMapper().readTree(r.out()).get("vmid").asInt();
    }

    static ContainerConfig config(int vmid) {
        try (ProxmoxClient pve = ProxmoxClient.builder().baseUrl(sim.baseUrl()).apiToken(sim.tokenId(), sim.tokenSecret())
                .trust(Trust.fingerprints(sim.fingerprint())).build()) {
            return pve.node("pve1").container(vmid).config();
        }
    }

    @Test
    void exec_streamsTheOutput_andExitsWithTheCommandsStatus() throws Exception {
        int vmid = create(tokenEnv(), "exec1");
        // create itself ran build.func's in-container steps (DNS wait, locale, ...) over the same channel
        long byCreate = nodes.containerCommands().stream().filter(c -> c.vmid() == vmid).count();
        CliRunner.Result ok = new CliRunner().env(tokenEnv()).run("exec", Integer.toString(vmid), "--", "cat",
                "/etc/os-release");
        assertThat(ok.code()).isZero();
        CliRunner.Result bad = new CliRunner().env(tokenEnv()).run("exec", Integer.toString(vmid), "--", "false");
        assertThat(bad.code()).isEqualTo(42);
        Golden.assertMatches("exec.txt", ok.out() + "--- stderr ---\n" + ok.err() + "--- exit " + ok.code()
                + " ---\n" + bad.out() + "--- stderr ---\n" + bad.err() + "--- exit " + bad.code() + " ---\n");
        CliRunner.Result json = new CliRunner().env(tokenEnv()).run("exec", "--json", Integer.toString(vmid), "--",
                "false");
        assertThat(json.code()).isEqualTo(42);
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.get("exitStatus").asInt()).isEqualTo(42);
        assertThat(doc.get("stderr").asText()).isEqualTo("it failed on purpose\n");
        assertThat(nodes.containerCommands().stream().filter(c -> c.vmid() == vmid).skip(byCreate))
                .extracting(ContainerCommand::line).containsExactly("cat /etc/os-release", "false", "false");
    }

    @Test
    void exec_withoutSsh_namesTheFlag() {
        Map<String, String> env = new HashMap<>(tokenEnv());
        env.keySet().removeIf(k -> k.startsWith("PVE_SSH"));
        CliRunner.Result r = new CliRunner().env(env).run("exec", "100", "--", "true");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("--ssh").contains("PVE_SSH");
    }

    @Test
    void push_copiesTheFileIntoTheContainer() throws Exception {
        int vmid = create(tokenEnv(), "push1");
        Path f = dir.resolve("app.env");
        Files.writeString(f, "KEY=value\n");
        CliRunner.Result r = new CliRunner().env(tokenEnv()).cwd(dir).run("push", Integer.toString(vmid), "app.env",
                "/root/app.env", "--perms", "0600");
        assertThat(r.code()).as(r.both()).isZero();
        assertThat(Files.readString(nodes.containerFile(vmid, "/root/app.env"))).isEqualTo("KEY=value\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(nodes.containerFile(vmid, "/root/app.env")))).isEqualTo("rw-------");
        Golden.assertMatches("push.txt", r.out().replaceAll("\\b" + vmid + "\\b", "<vmid>") + "--- stderr ---\n"
                + r.err());
    }

    @Test
    void gpusOverSsh_equalsLocalDetectionOfTheSameTree() throws Exception {
        CliRunner.Result remote = new CliRunner().env(Map.of("HOME", dir.toString())).run("gpus", "--json", "--ssh",
                nodes.target(), "--ssh-key", nodes.keyFile().toString(), "--ssh-fingerprint", nodes.fingerprint());
        CliRunner.Result local = new CliRunner().run("gpus", "--json", "--host-root", tree.toString());
        assertThat(remote.code()).as(remote.both()).isZero();
        assertThat(remote.out()).isEqualTo(local.out());
        assertThat(new ObjectMapper().readTree(remote.out()).get("gpus")).hasSize(1);
    }

    /** PVE_SSH selects the node channel for gpus as for every other command; --host-root still wins over it. */
    @Test
    void gpusWithPveSsh_detectsOnTheNode_unlessHostRootIsGiven() throws Exception {
        Map<String, String> env = Map.of("HOME", dir.toString(), "PVE_SSH", nodes.target(),
                "PVE_SSH_KEY", nodes.keyFile().toString(), "PVE_SSH_FINGERPRINT", nodes.fingerprint());
        CliRunner.Result remote = new CliRunner().env(env).run("gpus");
        assertThat(remote.code()).as(remote.both()).isZero();
        assertThat(remote.out()).contains("on " + nodes.target() + " (over SSH)");
        Path empty = Files.createDirectories(dir.resolve("empty-host"));
        CliRunner.Result local = new CliRunner().env(env).run("gpus", "--host-root", empty.toString());
        assertThat(local.code()).as(local.both()).isZero();
        assertThat(local.out()).doesNotContain("over SSH").contains("No usable GPU found under " + empty + ":");
    }

    /** Issue 14's done-when: token + var_gpu + var_keyctl over SSH ends with the config of a root@pam run. */
    @Test
    void createWithTokenAndSsh_endsWithTheConfigOfARootRun() throws Exception {
        CliRunner.Result token = new CliRunner().env(tokenEnv()).run("create", "--set", "var_hostname=gpu",
                "--set", "var_gpu=yes", "--set", "var_keyctl=1", "--set", "var_unprivileged=1");
        assertThat(token.code()).as(token.both()).isZero();
        assertThat(token.out()).contains("Node patch applied over SSH on pve1 (PVE_SSH):", "# pct set ",
                "features: keyctl=1,nesting=1");
        int tokenVmid = Integer.parseInt(token.out().replaceAll("(?s).*Created container (\\d+).*", "$1"));
        Golden.assertMatches("create-token-ssh.txt", token.out().replaceAll("\\b" + tokenVmid + "\\b", "<vmid>")
                .replaceAll("192\\.168\\.100\\.\\d+", "<ip>"));
        int rootVmid = create(rootEnv(), "gpu", "--set", "var_gpu=yes", "--set", "var_keyctl=1",
                "--set", "var_unprivileged=1");
        Map<String, String> a = comparable(config(rootVmid), rootVmid);
        Map<String, String> b = comparable(config(tokenVmid), tokenVmid);
        assertThat(b).isEqualTo(a);
        assertThat(b).containsEntry("features", "keyctl=1,nesting=1").containsKey("dev0").containsKey("dev1");
        assertThat(b.get("dev0") + " " + b.get("dev1")).contains("/dev/dri/card1,gid=44", "/dev/dri/renderD128,gid=");
        assertThat(config(tokenVmid).lxc()).isEqualTo(config(rootVmid).lxc());
    }

    @Test
    void embeddedSimulator_appliesTheNodePatchOverSsh() {
        CliRunner.Result r = new CliRunner().root(tree).run("create", "--set", "var_gpu=yes");
        assertThat(r.code()).as(r.both()).isZero();
        assertThat(r.out()).contains("Node patch applied over SSH on pve1 (the embedded simulator's nodes):")
                .contains("dev0: /dev/dri/card1,gid=44").doesNotContain("Node patch NOT applied");
        Golden.assertMatches("create-embedded-gpu.txt", r.out().replaceAll("192\\.168\\.100\\.\\d+", "<ip>"));
    }

    static Map<String, String> comparable(ContainerConfig c, int vmid) {
        Map<String, String> m = new TreeMap<>(c.values());
        m.replaceAll((k, v) -> v.replace("vm-" + vmid + "-", "vm-ID-").replaceAll("hwaddr=[0-9A-F:]+", "hwaddr=*"));
        m.remove("digest");
        m.computeIfPresent("description", (k, v) -> v.replaceAll("proxmox-lxc run [0-9a-f-]+", "proxmox-lxc run *"));
        return m;
    }
}
