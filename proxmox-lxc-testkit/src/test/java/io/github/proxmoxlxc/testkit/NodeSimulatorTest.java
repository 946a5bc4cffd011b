package io.github.proxmoxlxc.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The node simulator through MINA's own SSH client: login, host key, pct on the model, shell commands, files. */
@Timeout(120)
class NodeSimulatorTest {
    @TempDir
    static Path dir;
    static PveSimulator sim;
    static NodeSimulator nodes;
    static SshClient client;
    static KeyPair userKey;
    static final AtomicReference<String> seenHostKey = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        sim = PveSimulator.builder().addNode("pve1", 8, 32L << 30).addNode("pve2", 8, 32L << 30).timeScale(0).start();
        Files.createDirectories(dir.resolve("tree/etc"));
        Files.writeString(dir.resolve("tree/etc/group"), "root:x:0:\nrender:x:993:\n");
        nodes = NodeSimulator.builder(sim).hostTree("pve2", dir.resolve("tree")).start();
        try (var in = Files.newInputStream(nodes.keyFile())) {
            userKey = SecurityUtils.loadKeyPairIdentities(null, null, in, null).iterator().next();
        }
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, address, key) -> {
            seenHostKey.set(KeyUtils.getFingerPrint(key));
            return true;
        });
        client.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.stop();
        }
        if (nodes != null) {
            nodes.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    static ClientSession login(String node, KeyPair key) throws Exception {
        ClientSession s = client.connect(nodes.user(), nodes.host(), nodes.port(node)).verify(Duration.ofSeconds(10))
                .getSession();
        s.addPublicKeyIdentity(key);
        s.auth().verify(Duration.ofSeconds(10));
        return s;
    }

    static String[] exec(String node, String line) throws Exception {
        try (ClientSession s = login(node, userKey); ChannelExec ch = s.createExecChannel(line)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ch.setOut(out);
            ch.setErr(err);
            ch.open().verify(Duration.ofSeconds(10));
            ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(60));
            return new String[] {String.valueOf(ch.getExitStatus()), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8)};
        }
    }

    @Test
    void containerFile_outsideTheContainersRoot_isAnIllegalArgument() {
        assertThat(nodes.containerFile(100, "/etc/hostname").toString()).endsWith("etc/hostname");
        assertThatThrownBy(() -> nodes.containerFile(100, "/../101/etc/shadow"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("path '/../101/etc/shadow' leads out of container 100's /");
    }

    @Test
    void eachNodeHasItsOwnServerAndHostKey_andTheGeneratedKeyLogsIn() throws Exception {
        assertThat(nodes.nodeNames()).containsExactly("pve1", "pve2");
        assertThat(nodes.port("pve1")).isNotEqualTo(nodes.port("pve2"));
        assertThat(nodes.fingerprint()).startsWith("SHA256:").isNotEqualTo(nodes.fingerprint("pve2"));
        assertThat(exec("pve2", "uname -n")[1]).isEqualTo("pve2\n");
        assertThat(seenHostKey.get()).isEqualTo(nodes.fingerprint("pve2"));
        assertThat(nodes.target("pve1")).isEqualTo("root@127.0.0.1:" + nodes.port("pve1"));
        assertThat(Files.readString(nodes.keyFile())).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
    }

    @Test
    void anotherKey_isRefused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair other = g.generateKeyPair();
        assertThatThrownBy(() -> login("pve1", other).close()).hasMessageContaining("No more authentication methods");
    }

    @Test
    void pctSetAndAConfigFileEdit_bothShowInTheApi() throws Exception {
        SimClient api = new SimClient(sim);
        SimClient.Resp created = api.post("/nodes/pve1/lxc", "vmid", "120", "ostemplate",
                "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE, "unprivileged", "1", "storage", "local-lvm");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        api.awaitTask(created.data().asText());
        String[] set = exec("pve1", "'pct' 'set' '120' '-dev0' '/dev/dri/renderD128,gid=104' '-cores' '2'");
        assertThat(set[0]).as(set[2]).isEqualTo("0");
        String[] edit = exec("pve1", "sh -c 'printf \"%s\\n\" \"$2\" >> \"$1\"' sh /etc/pve/lxc/120.conf"
                + " 'lxc.cgroup2.devices.allow: c 226:128 rwm'");
        assertThat(edit[0]).as(edit[2]).isEqualTo("0");
        var config = api.get("/nodes/pve1/lxc/120/config").data();
        assertThat(config.path("dev0").asText()).isEqualTo("/dev/dri/renderD128,gid=104");
        assertThat(config.path("cores").asInt()).isEqualTo(2);
        assertThat(config.path("lxc").toString()).isEqualTo("[[\"lxc.cgroup2.devices.allow\",\"c 226:128 rwm\"]]");
        assertThat(sim.configFile(120).orElseThrow()).contains("lxc.cgroup2.devices.allow: c 226:128 rwm\n");
        String[] shown = exec("pve1", "pct config 120");
        assertThat(shown[1]).contains("cores: 2\n").endsWith("lxc.cgroup2.devices.allow: c 226:128 rwm\n");
        String[] bad = exec("pve1", "pct set 120 -dev0 /dev/dri/renderD128,gid=abc");
        assertThat(bad[0]).isEqualTo("255");
        assertThat(bad[2]).startsWith("400 Parameter verification failed.\ndev0: ").endsWith("pct set <vmid> [OPTIONS]\n");
    }

    @Test
    void shellCommands_runInTheNodesTree_andEditsOfTheConfigFileReachTheModel() throws Exception {
        assertThat(exec("pve2", "cat /etc/group")[1]).isEqualTo("root:x:0:\nrender:x:993:\n");
        assertThat(exec("pve1", "cat /etc/subuid")[1]).isEqualTo("root:100000:65536\n");
        String[] missing = exec("pve1", "pct status 4242");
        assertThat(missing[0]).isEqualTo("255");
        assertThat(missing[2]).isEqualTo("Configuration file 'nodes/pve1/lxc/4242.conf' does not exist\n");
        String[] unknown = exec("pve1", "pct frobnicate");
        assertThat(unknown[0]).isEqualTo("255");
        assertThat(unknown[2]).startsWith("ERROR: unknown command 'pct frobnicate'");
        assertThat(nodes.nodeCommands()).anyMatch(l -> l.equals("pve1: pct status 4242 -> 255"));
    }
}
