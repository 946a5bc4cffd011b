package io.github.proxmoxlxc.cli.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.cli.CliRunner;
import io.github.proxmoxlxc.testkit.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 11: the exit codes agree with the README's table, one test per row (code 1, a
 * bug, has no reproducer by design: its row is checked against the table only).
 */
class Item11ExitCodesTest {
    private static SimulatorFixture f;

    @BeforeAll
    static void start() {
        f = new SimulatorFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void readmeTable_isTheCodesTheCliUses() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\| (.+) \\|$").matcher(readme);
        Map<Integer, String> rows = new TreeMap<>();
        while (m.find()) {
            rows.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        assertThat(rows.keySet()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        CliRunner.Result help = new CliRunner().run("--help");
        for (int code : rows.keySet()) {
            assertThat(help.out()).containsPattern("(?m)^  " + code + " +\\S");
        }
        assertThat(rows.get(1)).contains("internal error");
    }

    @Test
    void row0_success() {
        assertThat(new CliRunner().run("plan").code()).isZero();
    }

    @Test
    void row2_usage_unknownOption_andSetWithoutEquals() {
        assertThat(new CliRunner().run("plan", "--no-such-option").code()).isEqualTo(2);
        assertThat(new CliRunner().run("plan", "--set", "var_cpu").code()).isEqualTo(2);
        assertThat(new CliRunner().run("nonsense").code()).isEqualTo(2);
    }

    @Test
    void row3_invalidInput_configValue_andPreflightFactsAboutTheUsersValues() {
        assertThat(new CliRunner().run("plan", "--set", "var_cpu=lots").code()).isEqualTo(3);
        assertThat(new CliRunner().env(f.rootEnv()).run("create", "--node", "pve9").code()).isEqualTo(3);
        f.container(420, false);
        assertThat(new CliRunner().env(f.rootEnv()).run("create", "--set", "var_ctid=420").code()).isEqualTo(3);
        assertThat(new CliRunner().env(f.rootEnv()).run("create", "--set", "var_container_storage=nosuch")
                .code()).isEqualTo(3);
        assertThat(new CliRunner().env(f.rootEnv()).run("create", "--set", "var_disk=100000").code())
                .isEqualTo(3);
    }

    @Test
    void row4_authentication() {
        Map<String, String> env = f.rootEnv();
        env.put("PVE_PASSWORD", "wrong");
        assertThat(new CliRunner().env(env).run("list").code()).isEqualTo(4);
    }

    @Test
    void row5_permission_rootAtPamNeeded() {
        assertThat(new CliRunner().env(f.tokenEnv()).run("create").code()).isEqualTo(5);
    }

    @Test
    void row6_apiOrConnection() {
        assertThat(new CliRunner().env(f.tokenEnv()).run("status", "999").code()).isEqualTo(6);
        Map<String, String> env = f.tokenEnv();
        env.put("PVE_FINGERPRINT", "AA:".repeat(31) + "AA");
        assertThat(new CliRunner().env(env).run("list").code()).isEqualTo(6);
    }

    @Test
    void row7_taskFailed() {
        f.container(421, false);
        f.sim.injectFault("POST /nodes/{node}/lxc/{vmid}/status/start", 1, Fault.taskError(0, "boom"));
        try {
            assertThat(new CliRunner().env(f.tokenEnv()).run("start", "421").code()).isEqualTo(7);
        } finally {
            f.sim.clearFaults();
        }
    }

    @Test
    void row8_timeout() {
        // a start task that takes a minute, awaited for half a second
        try (io.github.proxmoxlxc.testkit.PveSimulator slow = io.github.proxmoxlxc.testkit.PveSimulator.builder()
                .timeScale(1).taskDuration("vzstart", java.time.Duration.ofMinutes(1)).seed(8).start();
             io.github.proxmoxlxc.core.client.ProxmoxClient pve = io.github.proxmoxlxc.core.client.ProxmoxClient
                     .builder().baseUrl(slow.baseUrl()).apiToken(slow.tokenId(), slow.tokenSecret())
                     .trust(io.github.proxmoxlxc.core.client.Trust.fingerprints(slow.fingerprint())).build()) {
            pve.tasks().await(pve.node("pve1").containers().create(Map.of("vmid", "423", "hostname", "slow",
                    "ostemplate", "local:vztmpl/" + io.github.proxmoxlxc.testkit.PveSimulator.DEFAULT_STORED_TEMPLATE,
                    "rootfs", "local-lvm:4")), java.time.Duration.ofMinutes(1));
            CliRunner.Result r = new CliRunner().env(Map.of("PVE_URL", slow.baseUrl(), "PVE_TOKEN_ID", slow.tokenId(),
                    "PVE_TOKEN_SECRET", slow.tokenSecret(), "PVE_FINGERPRINT", slow.fingerprint()))
                    .run("start", "423", "--timeout", "500ms");
            assertThat(r.code()).as(r.both()).isEqualTo(8);
        }
    }

    @Test
    void row9_rolledBack_andRow10_keptContainer() {
        f.sim.injectFault("POST /nodes/{node}/lxc/{vmid}/status/start", 1, Fault.taskError(0, "boom"));
        try {
            assertThat(new CliRunner().env(f.rootEnv()).run("create").code()).isEqualTo(9);
        } finally {
            f.sim.clearFaults();
        }
        f.sim.injectFault("POST /nodes/{node}/lxc/{vmid}/status/start", 1, Fault.taskError(0, "boom"));
        try {
            assertThat(new CliRunner().env(f.rootEnv()).run("create", "--keep-on-failure").code()).isEqualTo(10);
        } finally {
            f.sim.clearFaults();
        }
    }
}
