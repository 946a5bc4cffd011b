package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulatorCommandTest {
    /** A stdout that lets the test wait for the first line. */
    private static final class Capture extends StringWriter {
        final CompletableFuture<String> firstLine = new CompletableFuture<>();
        final CompletableFuture<String> all = new CompletableFuture<>();

        @Override
        public void flush() {
            String s = toString();
            int nl = s.indexOf('\n');
            if (nl >= 0) {
                firstLine.complete(s.substring(0, nl));
            }
            if (s.contains("var_keyctl=0")) {
                all.complete(s);
            }
        }
    }

    /** The {@code simulator} command running on a thread until {@link #stop()} or close. */
    private static final class Running implements AutoCloseable {
        final Capture out = new Capture();
        private final CompletableFuture<Void> stop = new CompletableFuture<>();
        private final ExecutorService ex = Executors.newSingleThreadExecutor();
        private final Future<Integer> code;

        Running(String... args) {
            CliContext ctx = CliContext.builder().out(new PrintWriter(out)).err(new PrintWriter(new StringWriter()))
                    .stop(stop).build();
            code = ex.submit(() -> Main.run(args, ctx));
        }

        /** Stops the command and returns its exit code. */
        int stop() throws Exception {
            stop.complete(null);
            return code.get(60, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            stop.complete(null);
            ex.shutdownNow();
        }
    }

    @Test
    void json_firstLineDescribesARunningSimulator_thatAClientCanUse_untilStopped() throws Exception {
        try (Running run = new Running("simulator", "--json", "--nodes", "2", "--seed", "7")) {
            JsonNode info = new ObjectMapper().readTree(run.out.firstLine.get(60, TimeUnit.SECONDS));
            assertThat(info.fieldNames()).toIterable().containsExactly("url", "tokenId", "tokenSecret",
                    "fingerprint", "caFile", "username", "password");
            assertThat(Files.readString(Path.of(info.get("caFile").asText()))).startsWith("-----BEGIN CERTIFICATE");
            try (ProxmoxClient pve = ProxmoxClient.builder().baseUrl(info.get("url").asText())
                    .apiToken(info.get("tokenId").asText(), info.get("tokenSecret").asText())
                    .trust(Trust.fingerprints(info.get("fingerprint").asText())).build()) {
                assertThat(pve.nodes().list()).hasSize(2);
            }
            assertThat(run.stop()).isZero();
            assertThat(Files.exists(Path.of(info.get("caFile").asText()))).isFalse();
            assertThat(run.out.toString().strip().lines()).hasSize(1);
            Golden.assertMatches("simulator.json", run.out.toString()
                    .replaceAll("\"password\":\"[0-9a-f]+\"", "\"password\":\"<password>\""));
        }
    }

    @Test
    void ssh_addsTheNodeSimulatorsDetails_thatAnSshClientCanUse() throws Exception {
        try (Running run = new Running("simulator", "--json", "--ssh", "--nodes", "2")) {
            JsonNode info = new ObjectMapper().readTree(run.out.firstLine.get(60, TimeUnit.SECONDS));
            assertThat(info.fieldNames()).toIterable().contains("sshHost", "sshPort", "sshUser", "sshKeyFile",
                    "sshFingerprint", "sshNodes");
            assertThat(info.get("sshNodes").get("pve2").get("target").asText()).startsWith("root@127.0.0.1:");
            try (io.github.proxmoxlxc.node.NodeConnection n = io.github.proxmoxlxc.node.NodeConnection.builder(
                    io.github.proxmoxlxc.node.SshTarget.of(info.get("sshUser").asText(), info.get("sshHost").asText(),
                            info.get("sshPort").asInt()))
                    .hostKeys(io.github.proxmoxlxc.node.HostKeyPolicy.fingerprints(info.get("sshFingerprint").asText()))
                    .auth(io.github.proxmoxlxc.node.SshAuth.keyFile(Path.of(info.get("sshKeyFile").asText())))
                    .build()) {
                assertThat(n.exec(io.github.proxmoxlxc.node.RemoteCommand.of("uname", "-n")).stdout()).isEqualTo("pve1\n");
            }
            assertThat(run.stop()).isZero();
            assertThat(Files.exists(Path.of(info.get("sshKeyFile").asText()))).isFalse();
        }
    }

    @Test
    void human_output_namesUrlTokenAndFingerprint_andListensOnTheGivenPort() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (Running run = new Running("simulator", "--port", "" + port)) {
            String text = run.out.all.get(60, TimeUnit.SECONDS);
            try (ProxmoxClient pve = ProxmoxClient.builder().baseUrl("https://127.0.0.1:" + port)
                    .apiToken("root@pam!testkit", line(text, "token secret"))
                    .trust(Trust.fingerprints(line(text, "fingerprint")))
                    .build()) {
                assertThat(pve.nodes().list()).hasSize(1);
            }
            assertThat(run.stop()).isZero();
            Golden.assertMatches("simulator.txt", text.replace(":" + port, ":<port>")
                    .replaceAll("password      [0-9a-f]+", "password      <password>")
                    .replaceAll("PVE_PASSWORD=[0-9a-f]+", "PVE_PASSWORD=<password>"));
        }
    }

    @Test
    void config_yamlDescribesNodesPoolsTokensAclAndNextId_andTheTokenIsRestrictedByIt() throws Exception {
        Path dir = Files.createTempDirectory("simulator-config");
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, String.join("\n",
                "nodes:",
                "  - {name: alpha, cpus: 8, memory: 32G}",
                "  - {name: beta, cpus: 4, memory: 16G}",
                "storages:",
                "  - {id: local, nodes: [alpha, beta], type: dir, content: [vztmpl, iso], size: 100G}",
                "  - {id: tank, type: zfspool, content: [rootdir, images], size: 1T, shared: true}",
                "templates:",
                "  stored:",
                "    - {node: alpha, storage: local, file: debian-12-standard_12.7-1_amd64.tar.zst}",
                "pools:",
                "  - {id: ci, comment: CI containers}",
                "users:",
                "  - {id: ci@pve, password: secret123}",
                "tokens:",
                "  - {id: ci@pve!build, secret: 8d2c1b0a-0000-4000-8000-000000000001, privsep: true}",
                "acl:",
                "  - {path: /, user: ci@pve, role: PVEAuditor}",
                "  - {path: /pool/ci, user: ci@pve, role: PVEVMAdmin}",
                "  - {path: /pool/ci, token: ci@pve!build, privileges: [VM.Allocate, VM.Audit]}",
                "  - {path: /nodes, token: ci@pve!build, role: PVEAuditor, propagate: false}",
                "next-id: {lower: 5000, upper: 5002}",
                ""));
        try (Running run = new Running("simulator", "--json", "--config", file.toString())) {
            JsonNode info = new ObjectMapper().readTree(run.out.firstLine.get(60, TimeUnit.SECONDS));
            Trust trust = Trust.fingerprints(info.get("fingerprint").asText());
            try (ProxmoxClient admin = ProxmoxClient.builder().baseUrl(info.get("url").asText())
                    .apiToken(info.get("tokenId").asText(), info.get("tokenSecret").asText()).trust(trust).build();
                    ProxmoxClient token = ProxmoxClient.builder().baseUrl(info.get("url").asText())
                            .apiToken("ci@pve!build", "8d2c1b0a-0000-4000-8000-000000000001").trust(trust).build()) {
                assertThat(admin.nodes().list()).extracting(n -> n.node()).containsExactly("alpha", "beta");
                assertThat(admin.get("/cluster/nextid").dataAsString()).contains("5000");
                assertThat(admin.get("/pools").json()).contains("\"poolid\":\"ci\"")
                        .contains("\"comment\":\"CI containers\"");
                assertThat(admin.get("/nodes/beta/storage").json()).contains("\"storage\":\"tank\"");
                // the privilege-separated token: its own entries intersected with its user's
                java.util.Map<String, Object> perms = token.get("/access/permissions").dataAsMap();
                assertThat(perms).containsKey("/pool/ci").doesNotContainKey("/storage");
                @SuppressWarnings("unchecked")
                java.util.Map<String, Object> pool = (java.util.Map<String, Object>) perms.get("/pool/ci");
                assertThat(pool.keySet()).containsExactlyInAnyOrder("VM.Allocate", "VM.Audit");
                assertThat(perms).containsKey("/nodes");
                assertThat(token.call(io.github.proxmoxlxc.core.client.HttpMethod.GET, "/access/permissions",
                        java.util.Map.of("path", "/nodes/alpha")).json())
                        .as("propagate: false applies to /nodes only").contains("\"/nodes/alpha\":{}");
            }
            assertThat(run.stop()).isZero();
        }
    }

    @Test
    void config_unknownKeyOrMissingFile_isInvalidInputNamingTheFile() throws Exception {
        Path dir = Files.createTempDirectory("simulator-config");
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"nodes\": [{\"name\": \"pve1\"}], \"pool\": []}");
        CliRunner.Result r = new CliRunner().run("simulator", "--config", file.toString(), "--json");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("\"key\": \"--config\"").contains("unknown key 'pool'");
        CliRunner.Result missing = new CliRunner().run("simulator", "--config", dir.resolve("none.yaml").toString(),
                "--json");
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.out()).contains("no such file");
    }

    @Test
    void portInUse_isInvalidInputNamingThePort() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            String p = Integer.toString(taken.getLocalPort());
            CliRunner.Result r = new CliRunner().run("simulator", "--port", p, "--json");
            assertThat(r.code()).isEqualTo(3);
            assertThat(r.out()).contains("\"key\": \"--port\"").contains("\"value\": \"" + p + "\"");
        }
    }

    @Test
    void faultRateOutsideZeroToOne_isInvalidInput() {
        CliRunner.Result r = new CliRunner().run("simulator", "--fault-rate", "1.5", "--json");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("\"key\": \"--fault-rate\"");
    }

    private static String line(String text, String label) {
        return text.lines().filter(l -> l.strip().startsWith(label)).findFirst().orElseThrow()
                .strip().substring(label.length()).strip();
    }
}
