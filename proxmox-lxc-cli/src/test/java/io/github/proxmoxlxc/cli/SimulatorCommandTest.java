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

    @Test
    void json_firstLineDescribesARunningSimulator_thatAClientCanUse_untilStopped() throws Exception {
        Capture out = new Capture();
        StringWriter err = new StringWriter();
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CliContext ctx = CliContext.builder().out(new PrintWriter(out)).err(new PrintWriter(err)).stop(stop).build();
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> code = ex.submit(() -> Main.run(new String[] {"simulator", "--json", "--nodes", "2",
                    "--seed", "7"}, ctx));
            JsonNode info = new ObjectMapper().readTree(out.firstLine.get(60, TimeUnit.SECONDS));
            assertThat(info.fieldNames()).toIterable().containsExactly("url", "tokenId", "tokenSecret",
                    "fingerprint", "caFile", "username", "password");
            assertThat(Files.readString(Path.of(info.get("caFile").asText()))).startsWith("-----BEGIN CERTIFICATE");
            try (ProxmoxClient pve = ProxmoxClient.builder().baseUrl(info.get("url").asText())
                    .apiToken(info.get("tokenId").asText(), info.get("tokenSecret").asText())
                    .trust(Trust.fingerprints(info.get("fingerprint").asText())).build()) {
                assertThat(pve.nodes().list()).hasSize(2);
            }
            stop.complete(null);
            assertThat(code.get(60, TimeUnit.SECONDS)).isZero();
            assertThat(Files.exists(Path.of(info.get("caFile").asText()))).isFalse();
            assertThat(out.toString().strip().lines()).hasSize(1);
            Golden.assertMatches("simulator.json", out.toString()
                    .replaceAll("\"password\":\"[0-9a-f]+\"", "\"password\":\"<password>\""));
        } finally {
            stop.complete(null);
            ex.shutdownNow();
        }
    }

    @Test
    void human_output_namesUrlTokenAndFingerprint_andListensOnTheGivenPort() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Capture out = new Capture();
        StringWriter err = new StringWriter();
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CliContext ctx = CliContext.builder().out(new PrintWriter(out)).err(new PrintWriter(err)).stop(stop).build();
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            int p = port;
            Future<Integer> code = ex.submit(() -> Main.run(new String[] {"simulator", "--port", "" + p}, ctx));
            String text = out.all.get(60, TimeUnit.SECONDS);
            try (ProxmoxClient pve = ProxmoxClient.builder().baseUrl("https://127.0.0.1:" + port)
                    .apiToken("root@pam!testkit", line(text, "token secret"))
                    .trust(Trust.fingerprints(line(text, "fingerprint")))
                    .build()) {
                assertThat(pve.nodes().list()).hasSize(1);
            }
            stop.complete(null);
            assertThat(code.get(60, TimeUnit.SECONDS)).isZero();
            Golden.assertMatches("simulator.txt", text.replace(":" + port, ":<port>")
                    .replaceAll("password      [0-9a-f]+", "password      <password>")
                    .replaceAll("PVE_PASSWORD=[0-9a-f]+", "PVE_PASSWORD=<password>"));
        } finally {
            stop.complete(null);
            ex.shutdownNow();
        }
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
