package io.github.proxmoxlxc.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** A tiny independent test client: java.net.http over HTTPS trusting the simulator's CA, plus raw socket access. */
final class SimClient {

    /** A response. */
    record Resp(int status, JsonNode json, String body, HttpResponse<String> raw) {
        JsonNode data() {
            return json.path("data");
        }
    }

    /** A raw response read from a socket: status line and body. */
    record RawResp(String statusLine, String head, String body) { }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PveSimulator sim;
    private final HttpClient http;
    private final SSLContext ssl;
    String authorization;
    String cookie;
    String csrf;

    SimClient(PveSimulator sim) {
        this.sim = sim;
        this.ssl = sslFor(sim.caPem());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ssl)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.authorization = sim.authorizationHeader();
    }

    static SSLContext sslFor(String caPem) {
        try {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            ks.setCertificateEntry("pve-ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> params) {
        StringJoiner j = new StringJoiner("&");
        params.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    Resp get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    Resp post(String path, String... kv) throws IOException, InterruptedException {
        return send("POST", path, form(params(kv)));
    }

    Resp put(String path, String... kv) throws IOException, InterruptedException {
        return send("PUT", path, form(params(kv)));
    }

    Resp delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, null);
    }

    Resp sendJson(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json, "application/json");
    }

    Resp send(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, "application/x-www-form-urlencoded");
    }

    Resp send(String method, String path, String body, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.apiUrl() + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (cookie != null) {
            b.header("Cookie", "PVEAuthCookie=" + URLEncoder.encode(cookie, StandardCharsets.UTF_8));
        }
        if (csrf != null) {
            b.header("CSRFPreventionToken", csrf);
        }
        if (body != null) {
            b.header("Content-Type", contentType);
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = r.body().isEmpty() ? MAPPER.missingNode() : MAPPER.readTree(r.body());
        return new Resp(r.statusCode(), json, r.body(), r);
    }

    /** Polls a task until it stopped; returns its final status object. */
    JsonNode awaitTask(String upid) throws IOException, InterruptedException {
        String node = upid.split(":")[1];
        for (int i = 0; i < 5000; i++) {
            JsonNode s = get("/nodes/" + node + "/tasks/" + URLEncoder.encode(upid, StandardCharsets.UTF_8) + "/status")
                    .data();
            if (s.path("status").asText().equals("stopped")) {
                return s;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("task did not stop: " + upid);
    }

    /** Sends raw HTTP/1.1 over TLS so tests can read the reason phrase. */
    RawResp raw(String method, String path, Map<String, String> headers, String body) throws IOException {
        try (SSLSocket s = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", sim.port())) {
            s.setSoTimeout(30_000);
            StringBuilder req = new StringBuilder(method + " /api2/json" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n");
            headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                req.append("Content-Length: ").append(b.length).append("\r\n");
            }
            req.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = all.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? all : all.substring(0, headEnd);
            String statusLine = head.lines().findFirst().orElse("");
            return new RawResp(statusLine, head, headEnd < 0 ? "" : all.substring(headEnd + 4));
        }
    }
}
