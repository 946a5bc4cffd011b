package io.github.proxmoxlxc.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.proxmoxlxc.core.client.PveServer.data;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Runs a full flow with known secrets while the client logs at TRACE, and checks that no secret
 * (password, ticket, CSRF token, token secret) appears in the log output or in any exception text.
 */
class SecretCanaryTest {
    @RegisterExtension
    static PveServer pve = new PveServer();

    static final String PASSWORD = "Canary-Pa55word-7f3e91";
    static final String TICKET = "PVE:root@pam:68BF3A41::Q2FuYXJ5VGlja2V0U2lnbmF0dXJl";
    static final String CSRF = "68BF3A41:Q2FuYXJ5Q3NyZg";
    static final String TOKEN_SECRET = "c4a11a27-0000-4bad-beef-canary000001";
    static final String NEW_TOKEN_VALUE = "c4a11a27-1111-4bad-beef-canary000002";

    @Test
    void noSecretAppearsInLogsOrExceptions() {
        assertThat(LoggerFactory.getLogger("io.github.proxmoxlxc.core.internal.client.HttpTransport").isTraceEnabled())
                .as("the canary needs TRACE logging (simplelogger.properties)").isTrue();
        pve.wm.stubFor(post(urlEqualTo("/api2/json/access/ticket")).willReturn(data(
                "{\"username\":\"root@pam\",\"ticket\":\"" + TICKET + "\",\"CSRFPreventionToken\":\"" + CSRF + "\"}")));
        pve.wm.stubFor(get(urlPathEqualTo("/api2/json/version")).willReturn(data("{\"version\":\"9.1.2\"}")));
        pve.wm.stubFor(post(urlPathEqualTo("/api2/json/nodes/pve1/lxc")).willReturn(data("\"" + PveServer.UPID + "\"")));
        pve.wm.stubFor(get(urlPathMatching(".*/status")).willReturn(data(
                "{\"status\":\"stopped\",\"exitstatus\":\"unable to create CT 120 - failed\"}")));
        pve.wm.stubFor(get(urlPathMatching(".*/log")).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":[{\"n\":1,\"t\":\"TASK ERROR: failed\"}],\"total\":1}")));
        pve.wm.stubFor(put(urlPathMatching(".*/config")).willReturn(aResponse().withStatus(400)
                .withStatusMessage("Parameter verification failed.")
                .withBody("{\"data\":null,\"errors\":{\"password\":\"value must be at least 5 characters long\"}}")));
        pve.wm.stubFor(post(urlPathMatching("/api2/json/access/users/.*/token/.*")).willReturn(data(
                "{\"full-tokenid\":\"ci@pve!t2\",\"value\":\"" + NEW_TOKEN_VALUE + "\"}")));
        pve.wm.stubFor(get(urlPathEqualTo("/api2/json/nodes")).willReturn(aResponse().withStatus(401)
                .withStatusMessage("Authentication failed!")));

        List<Throwable> failures = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        String logs = captureStdStreams(() -> {
            ProxmoxClient.Builder b = pve.clientBuilder().password("root@pam", PASSWORD.toCharArray())
                    .clock(new MutableClock(Instant.parse("2026-11-26T10:00:00Z")))
                    .retry(RetryPolicy.none());
            texts.add(b.toString());
            try (ProxmoxClient c = b.build()) {
                texts.add(c.toString());
                c.version();
                Upid u = c.node("pve1").containers().create(Map.of("vmid", "120", "password", PASSWORD,
                        "ostemplate", "local:vztmpl/x.tar.zst"));
                failures.add(catchAll(() -> c.tasks().await(u, TaskWait.builder().timeout(Duration.ofSeconds(30))
                        .logListener(l -> texts.add(l.text())).build())));
                failures.add(catchAll(() -> c.node("pve1").container(120)
                        .updateConfig(Map.of("password", PASSWORD))));
                failures.add(catchAll(() -> c.nodes().list()));
                assertThat(c.call(HttpMethod.POST, "/access/users/ci@pve/token/t2", Map.of()).dataAsMap())
                        .containsEntry("value", NEW_TOKEN_VALUE);
            }
            ProxmoxClient.Builder tb = pve.clientBuilder().apiToken("automation@pve!ci", TOKEN_SECRET);
            texts.add(tb.toString());
            try (ProxmoxClient c = tb.build()) {
                texts.add(c.toString());
                failures.add(catchAll(() -> c.nodes().list()));
            }
            failures.add(catchAll(() -> ProxmoxClient.builder().apiToken("bad id", TOKEN_SECRET)));
        });

        assertThat(failures).hasSize(5).doesNotContainNull();
        assertThat(logs).as("captured TRACE output").contains("-> POST /access/ticket").contains("<- GET /version").contains("password=***");
        for (Throwable t : failures) {
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            texts.add(w.toString());
        }
        String everything = logs + "\n" + String.join("\n", texts);
        for (String secret : List.of(PASSWORD, TICKET, CSRF, TOKEN_SECRET, NEW_TOKEN_VALUE, "Q2FuYXJ5")) {
            assertThat(everything).as("output must not contain %s", secret).doesNotContain(secret);
        }
    }

    private static Throwable catchAll(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static String captureStdStreams(Runnable r) {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream cap = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setErr(cap);
        System.setOut(cap);
        try {
            r.run();
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
