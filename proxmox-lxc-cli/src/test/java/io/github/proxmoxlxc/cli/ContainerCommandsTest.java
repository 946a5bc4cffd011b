package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Upid;
import io.github.proxmoxlxc.core.testsupport.PveExtension;
import io.github.proxmoxlxc.testkit.Fault;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** status, start, stop, destroy and list against a simulator given by PVE_URL. */
class ContainerCommandsTest {
    @RegisterExtension
    static final PveExtension PVE = PveExtension.configured(b -> b.timeScale(0).seed(3));
    private static PveSimulator sim;
    private static ProxmoxClient pve;

    @BeforeAll
    static void connect(PveSimulator started, ProxmoxClient client) {
        sim = started;
        pve = client;
    }

    private static void container(int vmid, String hostname, boolean start) {
        Upid create = pve.node("pve1").containers().create(Map.of("vmid", "" + vmid, "hostname", hostname,
                "ostemplate", "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE, "rootfs", "local-lvm:4",
                "memory", "512", "net0", "name=eth0,bridge=vmbr0,ip=dhcp", "tags", "web;test"));
        pve.tasks().await(create, Duration.ofSeconds(30));
        if (start) {
            pve.tasks().await(pve.node("pve1").container(vmid).start(), Duration.ofSeconds(30));
        }
    }

    private static CliRunner cli() {
        return new CliRunner().env(Map.of("PVE_URL", sim.baseUrl(), "PVE_TOKEN_ID", sim.tokenId(),
                "PVE_TOKEN_SECRET", sim.tokenSecret(), "PVE_FINGERPRINT", sim.fingerprint()));
    }

    @Test
    void status_ofARunningContainer_showsResourcesAndAddresses() throws Exception {
        container(201, "status-web", true);
        CliRunner.Result human = cli().run("status", "201");
        assertThat(human.code()).isZero();
        assertThat(human.err()).isEmpty();
        Golden.assertMatches("status.txt", human.both());
        CliRunner.Result json = cli().run("status", "201", "--json");
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.get("status").asText()).isEqualTo("running");
        assertThat(doc.get("addresses").size()).isPositive();
        Golden.assertMatches("status.json", json.out());
    }

    @Test
    void start_stop_destroy_waitForTheirTasks() throws Exception {
        container(202, "cycle", false);
        CliRunner.Result start = cli().run("start", "202");
        assertThat(start.code()).isZero();
        Golden.assertMatches("start.txt", start.both());
        assertThat(sim.container(202).orElseThrow().status()).isEqualTo("running");
        CliRunner.Result stopHuman = cli().run("stop", "202", "--shutdown");
        assertThat(stopHuman.code()).isZero();
        Golden.assertMatches("stop.txt", stopHuman.both());
        CliRunner.Result startJson = cli().run("start", "202", "--json");
        assertThat(startJson.code()).isZero();
        Golden.assertMatches("start.json", startJson.out());

        CliRunner.Result stop = cli().run("stop", "202", "--json");
        assertThat(stop.code()).isZero();
        assertThat(new ObjectMapper().readTree(stop.out()).get("status").asText()).isEqualTo("stopped");
        Golden.assertMatches("stop.json", stop.out());

        CliRunner.Result destroy = cli().run("destroy", "202", "--json");
        assertThat(destroy.code()).isZero();
        Golden.assertMatches("destroy.json", destroy.out());
        assertThat(sim.container(202)).isEmpty();
        container(203, "gone", true);
        CliRunner.Result destroyRunning = cli().run("destroy", "203", "--force");
        assertThat(destroyRunning.code()).isZero();
        Golden.assertMatches("destroy.txt", destroyRunning.both());
        assertThat(sim.container(203)).isEmpty();
    }

    @Test
    void list_showsContainersByVmid() throws Exception {
        container(301, "list-a", false);
        CliRunner.Result r = cli().run("list", "--json");
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("containers").findValuesAsText("name")).contains("list-a");
        CliRunner.Result human = cli().run("list");
        assertThat(human.out()).contains("301", "list-a", "stopped");
    }

    @Test
    void unknownVmid_isAnApiError_exit6() {
        CliRunner.Result r = cli().run("status", "999", "--json");
        assertThat(r.code()).isEqualTo(6);
        Golden.assertMatches("status-unknown.json", r.out());
    }

    @Test
    void vmidOutOfRange_isInvalidInput_exit3() {
        CliRunner.Result r = cli().run("start", "5");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("vmid='5'");
    }

    @Test
    void malformedNodeName_isInvalidInput_exit3() {
        CliRunner.Result r = cli().run("status", "201", "--node", "bad node!");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("bad node!");
    }

    @Test
    void wrongTokenSecret_isAnAuthenticationError_exit4() {
        CliRunner.Result r = new CliRunner().env(Map.of("PVE_URL", sim.baseUrl(), "PVE_TOKEN_ID", sim.tokenId(),
                "PVE_TOKEN_SECRET", "00000000-0000-0000-0000-000000000000", "PVE_FINGERPRINT", sim.fingerprint()))
                .run("list", "--json");
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.out()).contains("\"errors\"").doesNotContain(sim.tokenSecret());
    }

    @Test
    void wrongFingerprint_isAConnectionError_exit6_andNothingIsSent() {
        long before = sim.requestCount("GET /cluster/resources");
        CliRunner.Result r = new CliRunner().env(Map.of("PVE_URL", sim.baseUrl(), "PVE_TOKEN_ID", sim.tokenId(),
                "PVE_TOKEN_SECRET", sim.tokenSecret(), "PVE_FINGERPRINT", "AA:".repeat(31) + "AA"))
                .run("list");
        assertThat(r.code()).isEqualTo(6);
        assertThat(sim.requestCount("GET /cluster/resources")).isEqualTo(before);
    }

    @Test
    void urlWithoutToken_isInvalidInput_exit3() {
        CliRunner.Result r = new CliRunner().env(Map.of("PVE_URL", sim.baseUrl())).run("list");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("PVE_TOKEN_ID");
    }

    @Test
    void startTaskThatFails_isExit7_withTheTasksExitStatus() throws Exception {
        container(204, "failing", false);
        sim.injectFault("POST /nodes/{node}/lxc/{vmid}/status/start", 1, Fault.taskError(0, "cgroup setup failed"));
        try {
            CliRunner.Result r = cli().run("start", "204", "--json");
            assertThat(r.code()).isEqualTo(7);
            JsonNode e = new ObjectMapper().readTree(r.out()).get("errors").get(0);
            assertThat(e.get("key").asText()).isEqualTo("task");
            assertThat(e.get("rule").asText()).contains("cgroup setup failed");
            Golden.assertMatches("start-task-failed.json", r.out());
        } finally {
            sim.clearFaults();
        }
    }
}
