package io.github.proxmoxlxc.cli.issues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.cli.CliRunner;
import io.github.proxmoxlxc.cli.JavaNames;
import io.github.proxmoxlxc.testkit.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, items 4 and 5: no CLI output names Java (every {@link CliRunner} run of the suite is
 * scanned; this class scans the golden files and provokes the errors the issue lists), messages
 * name flags and environment variables, and API errors print cleanly.
 */
class Item04And05CliSpeaksCliTest {
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
    void noGoldenFileNamesJava() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/golden"))) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path p : files) {
            assertThat(JavaNames.find(Files.readString(p, StandardCharsets.UTF_8))).as("%s", p).isEmpty();
        }
    }

    @Test
    void theScannerFindsJava() {
        assertThat(JavaNames.find("(ProxmoxClient.builder().password(\"root@pam\", ...))")).isNotEmpty();
        assertThat(JavaNames.find("kept as requested (keepOnFailure)")).contains("keepOnFailure");
        assertThat(JavaNames.find("TransportException: java.net.SocketException: reset")).isNotEmpty();
        assertThat(JavaNames.find("use ensure() for it")).contains("ensure()");
        assertThat(JavaNames.find("Use Trust.pemCa")).contains("pemCa");
        assertThat(JavaNames.find("{\"tokenId\": \"root@pam!ci\"}")).isEmpty();
    }

    @Test
    void everyHelpText_isJavaFree() {
        for (String cmd : List.of("plan", "create", "status", "start", "stop", "destroy", "list", "gpus", "simulator",
                "keys")) {
            CliRunner.Result r = new CliRunner().run(cmd, "--help");
            assertThat(r.code()).isZero();
        }
        assertThat(new CliRunner().run("--help").code()).isZero();
    }

    @Test
    void preflightRootAtPam_namesTheFieldAndTheCliRemedies() throws Exception {
        CliRunner.Result r = new CliRunner().env(f.tokenEnv()).run("create", "--json");
        assertThat(r.code()).isEqualTo(5);
        JsonNode e = new ObjectMapper().readTree(r.out()).get("errors").get(0);
        assertThat(e.get("key").asText()).isEqualTo("features");
        assertThat(e.get("source").asText()).isEqualTo("preflight");
        assertThat(e.get("rule").asText()).contains("PVE_USER=root@pam PVE_PASSWORD=...", "--set var_keyctl=0");
        assertThat(r.err()).contains("  preflight       FAIL").doesNotContain("placement       FAIL");
    }

    @Test
    void keptContainer_namesKeepOnFailureAndDestroy() {
        f.sim.injectFault("POST /nodes/{node}/lxc/{vmid}/status/start", 1, Fault.taskError(0, "cgroup setup failed"));
        try {
            CliRunner.Result r = new CliRunner().env(f.rootEnv()).run("create", "--keep-on-failure");
            assertThat(r.code()).isEqualTo(10);
            assertThat(r.err()).contains("--keep-on-failure").containsPattern("destroy \\d+");
        } finally {
            f.sim.clearFaults();
        }
    }

    @Test
    void destroyingARunningContainer_saysStopItFirstOrUseForce() {
        f.container(410, true);
        CliRunner.Result r = new CliRunner().env(f.tokenEnv()).run("destroy", "410");
        assertThat(r.code()).isEqualTo(6);
        assertThat(r.err()).contains("stop it first", "or use --force");
        assertThat(f.sim.container(410)).isPresent();
    }

    @Test
    void untrustedCertificate_namesPveFingerprintAndPveCaFile() {
        Map<String, String> env = f.tokenEnv();
        env.remove("PVE_FINGERPRINT");
        CliRunner.Result r = new CliRunner().env(env).run("list");
        assertThat(r.code()).isEqualTo(6);
        assertThat(r.err()).contains("PVE_FINGERPRINT", "PVE_CA_FILE");
    }

    @Test
    void insecure_isACliWarningNamingTheSaferOptions() {
        Map<String, String> env = f.tokenEnv();
        env.remove("PVE_FINGERPRINT");
        CliRunner.Result r = new CliRunner().env(env).run("list", "--insecure");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("warning: --insecure", "PVE_FINGERPRINT", "PVE_CA_FILE");
    }

    @Test
    void apiError_printsStatusMessageAndTheRequestOnce() throws Exception {
        f.container(411, false);
        f.sim.injectFault("DELETE /nodes/{node}/lxc/{vmid}", 5, Fault.status(500, "storage is busy",
                "{\"data\":null,\"message\":\"storage is busy\\n\"}"));
        try {
            CliRunner.Result r = new CliRunner().env(f.tokenEnv()).run("destroy", "411");
            assertThat(r.code()).isEqualTo(6);
            assertThat(r.err()).contains("error: api: 500 storage is busy (DELETE /nodes/pve1/lxc/411)");
            assertThat(r.err().split("/nodes/pve1/lxc/411", -1)).hasSize(2);
            CliRunner.Result j = new CliRunner().env(f.tokenEnv()).run("destroy", "411", "--json");
            JsonNode e = new ObjectMapper().readTree(j.out()).get("errors").get(0);
            assertThat(e.get("key").asText()).isEqualTo("api");
            assertThat(e.get("value").asText()).isEmpty();
            assertThat(e.get("rule").asText()).isEqualTo("500 storage is busy");
            assertThat(e.get("source").asText()).isEqualTo("DELETE /nodes/pve1/lxc/411");
        } finally {
            f.sim.clearFaults();
        }
    }

    @Test
    void apiErrorOnATaskPath_decodesTheUpid() {
        f.container(412, false);
        f.sim.injectFault("GET /nodes/{node}/tasks/{upid}/status", 20, Fault.status(500, "task status unavailable",
                "{\"data\":null,\"message\":\"task status unavailable\\n\"}"));
        try {
            CliRunner.Result r = new CliRunner().env(f.tokenEnv()).run("start", "412", "--timeout", "20s");
            assertThat(r.code()).isNotZero();
            assertThat(r.err()).contains("/tasks/UPID:pve1:").doesNotContain("%3A");
        } finally {
            f.sim.clearFaults();
        }
    }
}
