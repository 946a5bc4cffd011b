package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.hardware.testsupport.HostFixture;
import io.github.proxmoxlxc.testkit.Fault;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateCommandTest {
    private static PveSimulator sim;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSimulator() {
        sim = PveSimulator.builder().timeScale(0).seed(5).start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    private static CliRunner asRoot() {
        return new CliRunner().env(Map.of("PVE_URL", sim.baseUrl(), "PVE_USER", "root@pam",
                "PVE_PASSWORD", sim.rootPassword(), "PVE_FINGERPRINT", sim.fingerprint()));
    }

    @Test
    void withoutPveUrl_createsOnTheEmbeddedSimulator_sayingSoFirst_withProgressAndSummary() {
        CliRunner.Result r = new CliRunner().run("create");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith(Connection.SIMULATOR_NOTICE + "\n");
        assertThat(r.out()).contains("Created container 100 on pve1: running",
                "nothing real was created");
        assertThat(r.err()).contains("  template        ok", "  create          ok", "  wait-ip         ok");
        assertThat(r.err()).doesNotContain("\r", "\033[");
        Golden.assertMatches("create.txt", r.out() + "--- stderr ---\n" + r.err());
    }

    @Test
    void json_isOneDocumentOnStdout_withoutProgressNoise_andTheNoticeGoesToStderrFirst() throws Exception {
        CliRunner.Result r = new CliRunner().terminal(true).run("create", "--json", "--app", "Jellyfin");
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.fieldNames()).toIterable().containsExactly("vmid", "node", "hostname", "addresses",
                "status", "timings", "access", "warnings", "applied", "simulated");
        assertThat(doc.get("simulated").asBoolean()).isTrue();
        assertThat(doc.get("hostname").asText()).isEqualTo("jellyfin");
        assertThat(doc.get("status").asText()).isEqualTo("running");
        assertThat(doc.get("timings").get("create").isNumber()).isTrue();
        assertThat(r.out().strip()).startsWith("{").endsWith("}").doesNotContain("\r", "ok ");
        assertThat(r.err()).startsWith(Connection.SIMULATOR_NOTICE + "\n");
        Golden.assertMatches("create.json", r.out());
    }

    @Test
    void onATerminal_progressHasABarForTheDownload_andASpinnerLine_clearedBeforeEachStepLine() {
        CliRunner.Result r = new CliRunner().terminal(true).run("create");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("\r\033[K");
        assertThat(r.err()).containsPattern("template +\\[[#.]{30}\\] +\\d+%");
        assertThat(r.err()).contains("  create          ok");
        // what a person finally sees: the live line is erased before each permanent line
        String visible = r.err().replaceAll("[^\\n\\r]*\\r\\033\\[K", "");
        assertThat(visible).doesNotContain("[#").contains("  template        ok");
    }

    @Test
    void asRootAgainstPveUrl_usesTheCluster_andPrintsNoSimulatorNotice() throws Exception {
        CliRunner.Result r = asRoot().run("create", "--json", "--set", "var_hostname=given", "--set", "var_cpu=2");
        assertThat(r.code()).isZero();
        assertThat(r.err()).doesNotContain("simulator");
        int vmid = new ObjectMapper().readTree(r.out()).get("vmid").asInt();
        assertThat(sim.container(vmid).orElseThrow().config()).containsEntry("hostname", "given")
                .containsEntry("cores", "2");
    }

    @Test
    void gpuYes_createsAndHandsBackTheNodePatchLinesToApply() throws Exception {
        Path host = HostFixture.materialise("s02-intel-nvidia", tmp.resolve("host"));
        CliRunner.Result r = asRoot().run("create", "--set", "var_gpu=yes", "--host-root", host.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Node patch NOT applied", "  dev0: /dev/dri/card1,gid=44",
                "  dev2: /dev/nvidia0,mode=0666");
    }

    @Test
    void applyOnNode_writesTheNodePatchIntoTheNodesFiles() throws Exception {
        Path host = HostFixture.materialise("s02-intel-nvidia", tmp.resolve("host"));
        Path nodeRoot = tmp.resolve("node");
        // on a real node pmxcfs shows the new container's config here; the simulator has no such files
        Path conf = nodeRoot.resolve("etc/pve/lxc/150.conf");
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, "arch: amd64\nhostname: gpu\nostype: debian\nunprivileged: 1\n");
        CliRunner.Result r = asRoot().root(nodeRoot).run("create", "--json", "--set", "var_gpu=yes", "--set",
                "var_ctid=150", "--host-root", host.toString(), "--apply-on-node", "pve1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(conf)).contains("dev0: /dev/dri/card1,gid=44", "hostname: gpu");
        assertThat(r.out()).doesNotContain("NOT applied");
    }

    @Test
    void applyOnNode_elsewhereThanNode_isInvalidInput() {
        CliRunner.Result r = asRoot().run("create", "--node", "pve1", "--apply-on-node", "pve2");
        assertThat(r.code()).isEqualTo(3);
    }

    @Test
    void noWaitIp_skipsTheAddressWait() throws Exception {
        CliRunner.Result r = asRoot().run("create", "--json", "--no-wait-ip");
        assertThat(r.code()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("timings").has("wait-ip")).isFalse();
    }

    @Test
    void invalidValue_isExit3_withKeyValueRuleAndSource() throws Exception {
        Path defaults = Files.writeString(tmp.resolve("default.vars"), "var_cpu=2\nvar_vlan=5000\n");
        CliRunner.Result r = asRoot().run("create", "--json", "--defaults", defaults.toString());
        assertThat(r.code()).isEqualTo(3);
        JsonNode e = new ObjectMapper().readTree(r.out()).get("errors").get(0);
        assertThat(e.get("key").asText()).isEqualTo("var_vlan");
        assertThat(e.get("value").asText()).isEqualTo("5000");
        assertThat(e.get("source").asText()).endsWith("default.vars:2");
        Golden.assertMatches("create-invalid.json", r.out().replace(tmp.toString(), "<dir>"));
    }

    @Test
    void apiTokenWithKeyctl_failsPreflightAsPermission_exit5_beforeAnyChange() throws Exception {
        long creates = sim.requestCount("POST /nodes/{node}/lxc");
        CliRunner.Result r = new CliRunner().env(Map.of("PVE_URL", sim.baseUrl(), "PVE_TOKEN_ID", sim.tokenId(),
                "PVE_TOKEN_SECRET", sim.tokenSecret(), "PVE_FINGERPRINT", sim.fingerprint())).run("create", "--json");
        assertThat(r.code()).isEqualTo(5);
        JsonNode e = new ObjectMapper().readTree(r.out()).get("errors").get(0);
        assertThat(e.get("key").asText()).isEqualTo("features");
        assertThat(e.get("rule").asText()).contains("root@pam", "PVE_USER=root@pam PVE_PASSWORD=...",
                "--set var_keyctl=0");
        assertThat(e.get("source").asText()).isEqualTo("preflight");
        assertThat(r.err()).contains("  preflight       FAIL").doesNotContain("placement       FAIL");
        assertThat(sim.requestCount("POST /nodes/{node}/lxc")).isEqualTo(creates);
    }

    @Test
    void wrongPassword_isAnAuthenticationError_exit4() throws Exception {
        CliRunner.Result r = new CliRunner().env(Map.of("PVE_URL", sim.baseUrl(), "PVE_USER", "root@pam",
                "PVE_PASSWORD", "wrong-password", "PVE_FINGERPRINT", sim.fingerprint())).run("create", "--json");
        assertThat(r.code()).isEqualTo(4);
        assertThat(new ObjectMapper().readTree(r.out()).get("errors")).isNotEmpty();
        assertThat(r.out() + r.err()).doesNotContain("wrong-password");
    }

    @Test
    void apiTokenWithoutKeyctl_creates() throws Exception {
        CliRunner.Result r = new CliRunner().env(Map.of("PVE_URL", sim.baseUrl(), "PVE_TOKEN_ID", sim.tokenId(),
                "PVE_TOKEN_SECRET", sim.tokenSecret(), "PVE_FINGERPRINT", sim.fingerprint()))
                .run("create", "--json", "--set", "var_keyctl=0");
        assertThat(r.code()).as(r.err()).isZero();
        int vmid = new ObjectMapper().readTree(r.out()).get("vmid").asInt();
        assertThat(sim.container(vmid).orElseThrow().config().get("features")).isEqualTo("nesting=1");
    }

    @Test
    void startTaskFails_containerIsRolledBack_exit9() throws Exception {
        sim.injectFault("POST /nodes/{node}/lxc/{vmid}/status/start", 10, Fault.taskError(0, "startup for container failed"));
        try {
            int before = sim.containers().size();
            CliRunner.Result r = asRoot().run("create", "--json");
            assertThat(r.code()).isEqualTo(9);
            JsonNode errors = new ObjectMapper().readTree(r.out()).get("errors");
            assertThat(errors.get(0).get("key").asText()).isEqualTo("step start");
            assertThat(r.err()).contains("start           FAIL");
            assertThat(sim.containers()).hasSize(before);
            assertThat(sim.locks()).isEmpty();
        } finally {
            sim.clearFaults();
        }
    }

    @Test
    void startTaskFails_withKeepOnFailure_containerStays_exit10() throws Exception {
        sim.injectFault("POST /nodes/{node}/lxc/{vmid}/status/start", 10, Fault.taskError(0, "startup for container failed"));
        try {
            int before = sim.containers().size();
            CliRunner.Result r = asRoot().run("create", "--keep-on-failure");
            assertThat(r.code()).isEqualTo(10);
            assertThat(r.err()).contains("error: step start");
            assertThat(sim.containers()).hasSize(before + 1);
        } finally {
            sim.clearFaults();
        }
    }
}
