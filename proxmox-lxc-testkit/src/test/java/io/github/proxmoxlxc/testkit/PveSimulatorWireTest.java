package io.github.proxmoxlxc.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.testkit.RawExchange.Wire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Answers as pve-http-server's {@code AnyEvent.pm} writes them, byte for byte where it matters: one
 * {@code Connection} header ({@code sub response} sets it once), {@code 501 method 'X' not available}
 * without a body for a method other than GET, POST, PUT and DELETE ({@code process_header}), and
 * {@code Accept-Encoding} matched case-sensitively ({@code $accept_enc =~ m/gzip/}). Driven over raw
 * TLS sockets so every header line is seen, repeated ones too.
 */
class PveSimulatorWireTest {

    static PveSimulator sim;

    @BeforeAll
    static void start() {
        sim = PveSimulator.builder().timeScale(0.0005).build().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void clearFaults() {
        sim.clearFaults();
    }

    /** Sends a request head (without the final blank line) and a text body; reads until the server closes. */
    static Wire exchange(PveSimulator s, String head, String body) throws IOException {
        return RawExchange.exchange(s, head, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static String request(String method, String path, String... headerLines) {
        StringBuilder b = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1");
        for (String h : headerLines) {
            b.append("\r\n").append(h);
        }
        return b.toString();
    }

    private static String auth() {
        return "Authorization: " + sim.authorizationHeader();
    }

    // ------------------------------------------------------------------ Connection

    @Test
    void errorAnswer_toARequestThatSentConnectionClose_carriesConnectionOnce() throws Exception {
        for (String conn : new String[] {"Connection: close", "Connection: Close", "Connection: keep-alive", null}) {
            String[] lines = conn == null ? new String[] {auth()} : new String[] {auth(), conn};
            Wire w = exchange(sim, request("GET", "/api2/json/nodes/pve1/lxc/999/status/current", lines), null);
            assertThat(w.statusLine()).as("%s", conn).startsWith("HTTP/1.1 500 ");
            assertThat(w.all("Connection")).as("%s", conn).hasSize(1);
            assertThat(w.header("Connection")).as("%s", conn).isEqualToIgnoringCase("close");
        }
    }

    @Test
    void answersRefusedBeforeTheBody_andSuccesses_carryConnectionOnce() throws Exception {
        // a 401 from the credential gate, a 501 from the size gate, a 200 and a 501 for an unknown path
        Wire denied = exchange(sim, request("GET", "/api2/json/version", "Connection: close",
                "Authorization: PVEAPIToken=root@pam!nope=wrong"), null);
        assertThat(denied.statusLine()).startsWith("HTTP/1.1 401 ");
        Wire large = exchange(sim, request("POST", "/api2/json/nodes/pve1/lxc", auth(), "Connection: close",
                "Content-Length: " + (600 * 1024)), null);
        assertThat(large.statusLine()).isEqualTo("HTTP/1.1 501 for data too large");
        Wire ok = exchange(sim, request("GET", "/api2/json/version", auth(), "Connection: close"), null);
        assertThat(ok.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        Wire nouri = exchange(sim, request("GET", "/nothing-here", auth(), "Connection: close"), null);
        assertThat(nouri.statusLine()).isEqualTo("HTTP/1.1 501 no such uri");
        for (Wire w : List.of(denied, large, ok, nouri)) {
            assertThat(w.all("Connection")).as(w.statusLine()).containsExactly("close");
        }
    }

    @Test
    void errorsOfTheHttpServer_carryTheirMessageAsPlainTextBody_legacyServersNone() throws Exception {
        String[][] cases = {
            {request("GET", "/nothing-here", auth(), "Connection: close"), null, "no such uri"},
            {request("GET", "/__admin/mappings", "Connection: close"), null, "no such uri"},
            {request("POST", "/api2/json/nodes/pve1/lxc", auth(), "Connection: close",
                    "Content-Length: " + (600 * 1024)), null, "for data too large"},
            {request("POST", "/api2/json/nodes/pve1/lxc", "Connection: close", "Transfer-Encoding: chunked"),
                "0\r\n\r\n", "chunked transfer encoding not supported"},
            {request("GET", "/api2/json/version", auth(), "Connection: close", "Content-Length: 3"), "a=b",
                "Unexpected content for method 'GET'"},
        };
        try (PveSimulator legacy = PveSimulator.builder().legacyErrors(true).timeScale(0.0005).build().start()) {
            for (String[] c : cases) {
                Wire w = exchange(sim, c[0], c[1]);
                assertThat(w.statusLine()).isEqualTo("HTTP/1.1 501 " + c[2]);
                assertThat(new String(w.body(), StandardCharsets.UTF_8)).as(c[2]).isEqualTo(c[2]);
                assertThat(w.header("Content-Type")).as(c[2]).isNull();
                assertThat(w.header("Content-Length")).as(c[2]).isEqualTo(String.valueOf(c[2].length()));
                assertThat(w.all("Connection")).as(c[2]).containsExactly("close");

                String head = c[0].replace(sim.authorizationHeader(), legacy.authorizationHeader());
                Wire old = exchange(legacy, head, c[1]);
                assertThat(old.statusLine()).isEqualTo("HTTP/1.1 501 " + c[2]);
                assertThat(old.body()).as("legacy: %s", c[2]).isEmpty();
            }
        }
        // HTTP::Response->new without content: a 401 has no body
        Wire denied = exchange(sim, request("GET", "/api2/json/version", "Connection: close",
                "Authorization: PVEAPIToken=root@pam!nope=wrong"), null);
        assertThat(denied.statusLine()).isEqualTo("HTTP/1.1 401 Authentication failed!");
        assertThat(denied.body()).isEmpty();
    }

    @Test
    void oversizedBody_isRefusedFromTheHead_beforeTheClientSendsAnyOfIt() throws Exception {
        try (SSLSocket s = (SSLSocket) SimClient.sslFor(sim.caPem()).getSocketFactory().createSocket("127.0.0.1",
                sim.port())) {
            // below the 5-s idle timeout, at which Jetty's delayed dispatch would have let the request through
            s.setSoTimeout((int) (io.github.proxmoxlxc.testkit.internal.http.GatedJettyServerFactory.IDLE_TIMEOUT_MILLIS
                    - 1_000));
            s.getOutputStream().write((request("POST", "/api2/json/nodes/pve1/lxc", auth(),
                    "Content-Length: " + (600 * 1024)) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String head = PveBehaviourTest.readResponse(s.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 501 for data too large\r\n");
        }
    }

    @Test
    void asyncResponses_errorAnswersAndDelayedOnes_carryConnectionOnce() throws Exception {
        try (PveSimulator async = PveSimulator.builder().asyncResponses(true).timeScale(0.0005).build().start()) {
            async.injectFault("GET /version", 1, Fault.delay(java.time.Duration.ofMillis(20)));
            String auth = "Authorization: " + async.authorizationHeader();
            for (String conn : new String[] {"Connection: close", "Connection: keep-alive"}) {
                Wire failed = exchange(async, request("GET", "/api2/json/nodes/pve1/lxc/999/config", auth, conn), null);
                assertThat(failed.statusLine()).startsWith("HTTP/1.1 500 ");
                assertThat(failed.all("Connection")).as(conn).containsExactly("close");
            }
            Wire delayed = exchange(async, request("GET", "/api2/json/version", auth, "Connection: close"), null);
            assertThat(delayed.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(delayed.all("Connection")).containsExactly("close");
        }
    }

    @Test
    void faultStatusAnswer_toConnectionClose_carriesConnectionOnce() throws Exception {
        sim.injectFault("GET /version", 1, Fault.status(503, "injected", ""));
        Wire w = exchange(sim, request("GET", "/api2/json/version", auth(), "Connection: close"), null);
        assertThat(w.statusLine()).isEqualTo("HTTP/1.1 503 injected");
        assertThat(w.all("Connection")).containsExactly("close");
    }

    @Test
    void hundredthRequest_answeredWithAnError_carriesConnectionOnce_andKeptOnesSayKeepAlive() throws Exception {
        String ok = request("GET", "/api2/json/version", auth()) + "\r\n\r\n";
        String failing = request("GET", "/api2/json/nodes/pve1/lxc/999/config", auth()) + "\r\n\r\n";
        try (SSLSocket s = (SSLSocket) SimClient.sslFor(sim.caPem()).getSocketFactory().createSocket("127.0.0.1",
                sim.port())) {
            s.setSoTimeout(30_000);
            for (int i = 1; i <= 100; i++) {
                s.getOutputStream().write((i < 100 ? ok : failing).getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                String head = PveBehaviourTest.readResponse(s.getInputStream());
                List<String> conn = head.lines().filter(l -> l.regionMatches(true, 0, "Connection:", 0, 11)).toList();
                assertThat(conn).as("request %d", i).containsExactly(i < 100 ? "Connection: Keep-Alive" : "Connection: close");
            }
            assertThat(s.getInputStream().read()).as("closed after the 100th answer").isEqualTo(-1);
        }
    }

    @Test
    void dateAndExpires_areTime2strsFormat_theSameSecond() throws Exception {
        Wire w = exchange(sim, request("GET", "/api2/json/version", auth(), "Connection: close"), null);
        assertThat(w.header("Date")).matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(w.header("Expires")).isEqualTo(w.header("Date"));
    }

    // ------------------------------------------------------------------ faults and the login

    @Test
    void starFault_hitsTheTicketLoginToo_namedEndpointsLeaveItAlone() throws Exception {
        SimClient c = new SimClient(sim);
        c.authorization = null;
        sim.injectFault("*", 1, Fault.status(503, "injected", ""));
        assertThat(c.post("/access/ticket", "username", "root@pam", "password", "wrong-password").status())
                .as("the login gets the fault before its password is checked").isEqualTo(503);
        assertThat(c.post("/access/ticket", "username", "root@pam", "password", sim.rootPassword()).status())
                .as("the login used the rule up").isEqualTo(200);

        sim.injectFault("GET /version", Fault.status(503, "injected", ""));
        SimClient.Resp login = c.post("/access/ticket", "username", "root@pam", "password", sim.rootPassword());
        assertThat(login.status()).isEqualTo(200);
        c.cookie = login.data().path("ticket").asText();
        assertThat(c.get("/version").status()).isEqualTo(503);

        // logged in before the rule: the session's calls get it, its login did not
        sim.clearFaults();
        sim.injectFault("*", Fault.status(503, "injected", ""));
        assertThat(c.get("/nodes").status()).isEqualTo(503);
        SimClient token = new SimClient(sim);
        assertThat(token.get("/nodes").status()).as("the token needs no login, its calls get the fault").isEqualTo(503);
    }

    // ------------------------------------------------------------------ methods

    @Test
    void head_isAnswered501MethodNotAvailable_withoutBodyOrContentType_beforeAuthentication() throws Exception {
        long before = sim.requestCounts().values().stream().mapToLong(Long::longValue).sum();
        for (String[] lines : List.of(new String[] {auth()}, new String[] {})) {
            Wire w = exchange(sim, request("HEAD", "/api2/json/version", lines), null);
            assertThat(w.statusLine()).isEqualTo("HTTP/1.1 501 method 'HEAD' not available");
            assertThat(w.body()).isEmpty();
            assertThat(w.header("Content-Type")).isNull();
            assertThat(w.header("Content-Encoding")).isNull();
            assertThat(w.all("Connection")).containsExactly("close");
            assertThat(w.header("Server")).isEqualTo("pve-api-daemon/3.0");
            assertThat(w.header("Cache-Control")).isEqualTo("max-age=0");
            assertThat(w.header("Pragma")).isEqualTo("no-cache");
            assertThat(w.header("Date")).isNotBlank();
            assertThat(w.header("Expires")).isEqualTo(w.header("Date"));
            // sub response sends no Content-Length without content; Jetty always writes one
            assertThat(w.header("Content-Length")).isEqualTo("0");
        }
        assertThat(sim.requestCounts().values().stream().mapToLong(Long::longValue).sum())
                .as("refused before routing, like a refusal for size or credentials: not counted").isEqualTo(before);
    }

    @Test
    void otherUnsupportedMethods_withOrWithoutBody_anyPath_are501MethodNotAvailable() throws Exception {
        for (String method : new String[] {"PATCH", "OPTIONS", "PROPFIND", "get"}) {
            for (String path : new String[] {"/api2/json/nodes/pve1/lxc/100/config", "/", "/__admin/mappings"}) {
                Wire w = exchange(sim, request(method, path, auth(), "Content-Type: application/x-www-form-urlencoded",
                        "Content-Length: 9"), "memory=64");
                assertThat(w.statusLine()).as("%s %s", method, path)
                        .isEqualTo("HTTP/1.1 501 method '" + method + "' not available");
                assertThat(w.body()).as("%s %s", method, path).isEmpty();
                assertThat(w.header("Content-Type")).as("%s %s", method, path).isNull();
                assertThat(w.all("Connection")).as("%s %s", method, path).containsExactly("close");
            }
        }
    }

    @Test
    void theFourMethods_stillReachTheApi() throws Exception {
        Wire w = exchange(sim, request("DELETE", "/api2/json/nodes/pve1/lxc/999", auth(), "Connection: close"), null);
        assertThat(w.statusLine()).doesNotContain("not available").startsWith("HTTP/1.1 500 ");
        assertThat(new String(w.body(), StandardCharsets.UTF_8)).contains("does not exist");
    }

    // ------------------------------------------------------------------ Accept-Encoding

    /** aplinfo lists every appliance with its description: well over 1024 bytes with the defaults. */
    private static final String LARGE = "/api2/json/nodes/pve1/aplinfo";

    private static Wire large(String acceptEncoding) throws IOException {
        return exchange(sim, request("GET", LARGE, auth(), "Connection: close", "Accept-Encoding: " + acceptEncoding),
                null);
    }

    @Test
    void acceptEncoding_isMatchedCaseSensitively_asPveproxysRegex() throws Exception {
        for (String ae : new String[] {"GZIP", "Gzip", "DEFLATE", "GZIP, DEFLATE", "x-GZip"}) {
            Wire w = large(ae);
            assertThat(w.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(w.header("Content-Encoding")).as("Accept-Encoding: %s", ae).isNull();
            assertThat(w.body().length).as("Accept-Encoding: %s", ae).isGreaterThan(1024);
            assertThat(w.body()[0]).as("Accept-Encoding: %s", ae).isEqualTo((byte) '{');
        }
        assertThat(large("GZIP, deflate").header("Content-Encoding")).isEqualTo("deflate");
        assertThat(large("DEFLATE, gzip").header("Content-Encoding")).isEqualTo("gzip");
        assertThat(large("x-gzip").header("Content-Encoding")).as("a substring match").isEqualTo("gzip");
        // the common lower-case values, which Jetty's header cache knows, are still compressed
        for (String ae : new String[] {"gzip", "gzip, deflate", "gzip,deflate", "gzip, deflate, br"}) {
            assertThat(large(ae).header("Content-Encoding")).as("Accept-Encoding: %s", ae).isEqualTo("gzip");
        }
    }
}
