package io.github.proxmoxlxc.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator over real loopback HTTPS, driven by java.net.http and raw sockets. */
class PveSimulatorHttpsTest {

    static final String TEMPLATE = "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE;
    static PveSimulator sim;
    static SimClient client;

    @BeforeAll
    static void start() {
        sim = PveSimulator.builder().timeScale(0.0005).build().start();
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void clearFaults() {
        sim.clearFaults();
    }

    @Test
    void versionIsWrappedInTheDataEnvelopeWithPveHeaders() throws Exception {
        SimClient.Resp r = client.get("/version");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().path("release").asText()).isEqualTo("9.1");
        assertThat(r.raw().headers().firstValue("Server")).contains("pve-api-daemon/3.0");
        assertThat(r.raw().headers().firstValue("Date")).isPresent();
        assertThat(r.raw().version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
        assertThat(r.raw().headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
        assertThat(r.raw().headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("matched-stub"));
    }

    @Test
    void fingerprintIsTheSha256OfTheServedCertificate() throws Exception {
        try (SSLSocket s = (SSLSocket) SimClient.sslFor(sim.caPem()).getSocketFactory().createSocket("127.0.0.1",
                sim.port())) {
            s.startHandshake();
            X509Certificate leaf = (X509Certificate) s.getSession().getPeerCertificates()[0];
            String fp = HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded()));
            assertThat(sim.fingerprint()).isEqualTo(fp).matches("([A-F0-9]{2}:){31}[A-F0-9]{2}");
            assertThat(s.getSession().getProtocol()).startsWith("TLS");
        }
    }

    @Test
    void badTokenGets401WithEmptyBodyAndReasonPhrase() throws Exception {
        SimClient.RawResp r = client.raw("GET", "/version",
                Map.of("Authorization", "PVEAPIToken=" + sim.tokenId() + "=wrong"), null);
        assertThat(r.statusLine()).isEqualTo("HTTP/1.1 401 Authentication failed!");
        assertThat(r.body()).isEmpty();
        SimClient.RawResp none = client.raw("GET", "/version", Map.of(), null);
        assertThat(none.statusLine()).isEqualTo("HTTP/1.1 401 No ticket");
    }

    @Test
    void nextidIsAStringAndTheLowestFreeId() throws Exception {
        SimClient.Resp r = client.get("/cluster/nextid");
        assertThat(r.data().isTextual()).isTrue();
        assertThat(Integer.parseInt(r.data().asText())).isGreaterThanOrEqualTo(100);
    }

    @Test
    void invalidParametersGive400WithPerFieldErrorsAndReasonPhrase() throws Exception {
        SimClient.Resp r = client.post("/nodes/pve1/lxc", "vmid", "99", "ostemplate", TEMPLATE, "start", "true",
                "bogus", "1");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("message").asText()).isEqualTo("Parameter verification failed.\n");
        assertThat(r.json().path("errors").path("vmid").asText()).isEqualTo("value must have a minimum value of 100");
        assertThat(r.json().path("errors").path("start").asText()).isEqualTo("type check ('boolean') failed - got 'true'");
        assertThat(r.json().path("errors").path("bogus").asText())
                .isEqualTo("property is not defined in schema and the schema does not allow additional properties");
        SimClient.RawResp raw = client.raw("POST", "/nodes/pve1/lxc", Map.of("Authorization", sim.authorizationHeader(),
                "Content-Type", "application/x-www-form-urlencoded"), "vmid=abc&ostemplate=x");
        assertThat(raw.statusLine()).isEqualTo("HTTP/1.1 400 Parameter verification failed.");
        assertThat(raw.head()).containsIgnoringCase("Connection: close");
    }

    @Test
    void repeatedFormKeyFailsTheTypeCheck() throws Exception {
        SimClient.Resp r = client.send("POST", "/nodes/pve1/lxc",
                "vmid=150&vmid=151&ostemplate=" + URLEncoder.encode(TEMPLATE, StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").path("vmid").asText()).startsWith("type check ('integer') failed");
    }

    @Test
    void bodyOnGetIsRejectedWith501() throws Exception {
        SimClient.RawResp r = client.raw("GET", "/version", Map.of("Authorization", sim.authorizationHeader()), "a=b");
        assertThat(r.statusLine()).isEqualTo("HTTP/1.1 501 Unexpected content for method 'GET'");
    }

    @Test
    void unknownMethodIs501NotImplemented() throws Exception {
        SimClient.Resp r = client.get("/nodes/pve1/qemu");
        assertThat(r.status()).isEqualTo(501);
        assertThat(r.json().path("message").asText()).isEqualTo("Method 'GET /nodes/pve1/qemu' not implemented\n");
    }

    @Test
    void containerLifecycleOverTheWire() throws Exception {
        sim.resetRequestCounts();
        SimClient.Resp created = client.post("/nodes/pve1/lxc", "vmid", "200", "ostemplate", TEMPLATE, "hostname", "web",
                "storage", "local-lvm", "rootfs", "local-lvm:8", "net0", "name=eth0,bridge=vmbr0,ip=dhcp",
                "features", "nesting=1");
        assertThat(created.status()).isEqualTo(200);
        String upid = created.data().asText();
        assertThat(upid).matches("UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8,9}:[0-9A-F]{8}:vzcreate:200:root@pam!testkit:");
        JsonNode done = client.awaitTask(upid);
        assertThat(done.path("exitstatus").asText()).isEqualTo("OK");
        assertThat(done.path("tokenid").asText()).isEqualTo("testkit");

        SimClient.Resp again = client.post("/nodes/pve1/lxc", "vmid", "200", "ostemplate", TEMPLATE);
        assertThat(again.status()).isEqualTo(500);
        assertThat(again.json().path("message").asText()).isEqualTo("CT 200 already exists on node 'pve1'\n");

        JsonNode config = client.get("/nodes/pve1/lxc/200/config").data();
        assertThat(config.path("rootfs").asText()).isEqualTo("local-lvm:vm-200-disk-0,size=8G");
        assertThat(config.path("unprivileged").isInt()).isTrue();
        assertThat(config.path("digest").asText()).hasSize(40);

        client.awaitTask(client.post("/nodes/pve1/lxc/200/status/start").data().asText());
        assertThat(client.get("/nodes/pve1/lxc/200/status/current").data().path("status").asText()).isEqualTo("running");
        assertThat(client.post("/nodes/pve1/lxc/200/status/start").json().path("message").asText())
                .isEqualTo("CT 200 already running\n");
        assertThat(client.get("/nodes/pve1/lxc/200/interfaces").data().toString()).contains("\"eth0\"", "inet");
        assertThat(client.delete("/nodes/pve1/lxc/200").json().path("message").asText())
                .isEqualTo("unable to destroy CT 200 - container is running\n");
        client.awaitTask(client.post("/nodes/pve1/lxc/200/status/shutdown").data().asText());
        JsonNode destroyed = client.awaitTask(client.delete("/nodes/pve1/lxc/200?purge=1").data().asText());
        assertThat(destroyed.path("exitstatus").asText()).isEqualTo("OK");

        assertThat(sim.container(200)).isEmpty();
        assertThat(sim.locks()).doesNotContainKey(200);
        assertThat(sim.requestCount("POST /nodes/{node}/lxc")).isEqualTo(2);
        assertThat(sim.volumes("pve1", "local-lvm")).noneMatch(v -> v.contains("vm-200-"));
    }

    @Test
    void createHoldsLockCreateWhileTheTaskRuns() throws Exception {
        try (PveSimulator slow = PveSimulator.builder().timeScale(1).build().start()) {
            SimClient c = new SimClient(slow);
            String upid = c.post("/nodes/pve1/lxc", "vmid", "300", "ostemplate", TEMPLATE, "storage", "local-lvm").data()
                    .asText();
            assertThat(slow.locks()).containsEntry(300, "create");
            assertThat(c.get("/nodes/pve1/tasks/" + URLEncoder.encode(upid, StandardCharsets.UTF_8) + "/status").data()
                    .path("status").asText()).isEqualTo("running");
            assertThat(c.put("/nodes/pve1/lxc/300/config", "memory", "1024").json().path("message").asText())
                    .isEqualTo("CT is locked (create)\n");
        }
    }

    @Test
    void tokenCannotSetDevicePassthroughOrNonNestingFeatures() throws Exception {
        SimClient.Resp dev = client.post("/nodes/pve1/lxc", "vmid", "210", "ostemplate", TEMPLATE, "storage", "local-lvm",
                "dev0", "/dev/dri/renderD128,gid=104");
        assertThat(dev.status()).isEqualTo(403);
        assertThat(dev.json().path("message").asText())
                .isEqualTo("Permission check failed (configuring device passthrough is only allowed for root@pam)\n");
        SimClient.Resp features = client.post("/nodes/pve1/lxc", "vmid", "210", "ostemplate", TEMPLATE, "storage",
                "local-lvm", "features", "nesting=1,keyctl=1");
        assertThat(features.status()).isEqualTo(403);
        SimClient.Resp bind = client.post("/nodes/pve1/lxc", "vmid", "210", "ostemplate", TEMPLATE, "storage",
                "local-lvm", "mp0", "/srv/data,mp=/data");
        assertThat(bind.status()).isEqualTo(403);
        assertThat(bind.json().path("message").asText())
                .isEqualTo("Permission check failed (mount point type bind is only allowed for root@pam)\n");
        assertThat(sim.container(210)).isEmpty();
    }

    @Test
    void ticketFlowNeedsCsrfOnWritesAndMayDoRootOnlyThings() throws Exception {
        SimClient t = new SimClient(sim);
        t.authorization = null;
        SimClient.Resp bad = t.post("/access/ticket", "username", "root@pam", "password", "nope1");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().path("message").asText()).isEqualTo("authentication failure\n");
        JsonNode login = t.post("/access/ticket", "username", "root@pam", "password", sim.rootPassword()).data();
        assertThat(login.path("ticket").asText()).startsWith("PVE:root@pam:");
        t.cookie = login.path("ticket").asText();
        assertThat(t.get("/nodes").status()).isEqualTo(200);
        SimClient.Resp noCsrf = t.post("/nodes/pve1/lxc", "vmid", "220", "ostemplate", TEMPLATE, "storage", "local-lvm");
        assertThat(noCsrf.status()).isEqualTo(401);
        assertThat(noCsrf.body()).isEmpty();
        t.csrf = login.path("CSRFPreventionToken").asText();
        SimClient.Resp ok = t.post("/nodes/pve1/lxc", "vmid", "220", "ostemplate", TEMPLATE, "storage", "local-lvm",
                "dev0", "/dev/dri/renderD128,gid=104");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(t.awaitTask(ok.data().asText()).path("user").asText()).isEqualTo("root@pam");
        assertThat(sim.container(220).orElseThrow().config()).containsEntry("dev0", "/dev/dri/renderD128,gid=104");
        JsonNode renewed = t.post("/access/ticket", "username", "root@pam", "password", t.cookie).data();
        assertThat(renewed.path("ticket").asText()).startsWith("PVE:root@pam:");
    }

    @Test
    void rawLxcKeysAreReadOnly() throws Exception {
        client.awaitTask(client.post("/nodes/pve1/lxc", "vmid", "230", "ostemplate", TEMPLATE, "storage", "local-lvm")
                .data().asText());
        sim.addRawLxc(230, "lxc.cgroup2.devices.allow", "c 226:* rwm");
        JsonNode cfg = client.get("/nodes/pve1/lxc/230/config").data();
        assertThat(cfg.path("lxc").get(0).get(0).asText()).isEqualTo("lxc.cgroup2.devices.allow");
        SimClient.Resp write = client.put("/nodes/pve1/lxc/230/config", "lxc.idmap", "u 0 100000 65536");
        assertThat(write.status()).isEqualTo(400);
        assertThat(write.json().path("errors").path("lxc.idmap").asText())
                .isEqualTo("property is not defined in schema and the schema does not allow additional properties");
    }

    @Test
    void faultsHitTheNextNMatchingRequestsOnly() throws Exception {
        sim.injectFault("GET /version", 1, Fault.status(503, "Service Unavailable Right Now", ""));
        SimClient.RawResp first = client.raw("GET", "/version", Map.of("Authorization", sim.authorizationHeader()), null);
        assertThat(first.statusLine()).isEqualTo("HTTP/1.1 503 Service Unavailable Right Now");
        assertThat(client.get("/version").status()).isEqualTo(200);

        sim.injectFault("GET /version", 1, Fault.connectionReset());
        String status;
        try {
            status = client.raw("GET", "/version", Map.of("Authorization", sim.authorizationHeader()), null).statusLine();
        } catch (java.io.IOException e) {
            status = "I/O error: " + e.getMessage();
        }
        assertThat(status).doesNotStartWith("HTTP/");
        assertThat(client.get("/version").status()).isEqualTo(200);
    }

    @Test
    void proxyTimeoutAnswers596AfterTheOperationHappened() throws Exception {
        sim.injectFault("POST /nodes/{node}/lxc", 1, Fault.proxyTimeout());
        SimClient.RawResp r = client.raw("POST", "/nodes/pve1/lxc", Map.of("Authorization", sim.authorizationHeader(),
                "Content-Type", "application/x-www-form-urlencoded"), "vmid=240&storage=local-lvm&ostemplate="
                + URLEncoder.encode(TEMPLATE, StandardCharsets.UTF_8));
        assertThat(r.statusLine()).isEqualTo("HTTP/1.1 596 Connection timed out");
        assertThat(sim.container(240)).isPresent();
    }

    @Test
    void taskErrorFaultFailsTheTaskAtTheGivenStep() throws Exception {
        client.awaitTask(client.post("/nodes/pve1/lxc", "vmid", "250", "ostemplate", TEMPLATE, "storage", "local-lvm")
                .data().asText());
        sim.injectFault("POST /nodes/{node}/lxc/{vmid}/status/start", 1,
                Fault.taskError(0, "startup for container '250' failed"));
        String upid = client.post("/nodes/pve1/lxc/250/status/start").data().asText();
        assertThat(client.awaitTask(upid).path("exitstatus").asText()).isEqualTo("startup for container '250' failed");
        JsonNode log = client.get("/nodes/pve1/tasks/" + URLEncoder.encode(upid, StandardCharsets.UTF_8) + "/log").data();
        assertThat(log.get(log.size() - 1).path("t").asText()).isEqualTo("TASK ERROR: startup for container '250' failed");
        assertThat(sim.container(250).orElseThrow().status()).isEqualTo("stopped");
    }

    @Test
    void lockHeldFaultAnswersWithTheFlockTimeout() throws Exception {
        sim.injectFault("PUT /nodes/{node}/lxc/{vmid}/config", 1, Fault.lockHeld());
        SimClient.Resp r = client.put("/nodes/pve1/lxc/260/config", "memory", "1024");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().path("message").asText())
                .isEqualTo("can't lock file '/run/lock/lxc/pve-config-260.lock' - got timeout\n");
    }

    @Test
    void aplinfoDownloadIsATaskThatStoresTheTemplate() throws Exception {
        String tpl = "alpine-3.22-default_20250617_amd64.tar.xz";
        assertThat(client.get("/nodes/pve1/aplinfo").data().toString()).contains(tpl);
        String upid = client.post("/nodes/pve1/aplinfo", "storage", "local", "template", tpl).data().asText();
        assertThat(upid).contains(":download:" + tpl + ":");
        client.awaitTask(upid);
        assertThat(client.get("/nodes/pve1/storage/local/content?content=vztmpl").data().toString())
                .contains("local:vztmpl/" + tpl);
    }

    @Test
    void clusterResourcesListNodesStoragesAndContainers() throws Exception {
        JsonNode res = client.get("/cluster/resources").data();
        assertThat(res.toString()).contains("\"node/pve1\"", "\"storage/pve1/local-lvm\"");
        JsonNode storages = client.get("/nodes/pve1/storage?content=rootdir").data();
        assertThat(storages).hasSize(1);
        assertThat(storages.get(0).path("storage").asText()).isEqualTo("local-lvm");
        assertThat(storages.get(0).path("active").asInt()).isEqualTo(1);
    }

    @Test
    void concurrentCreatesOfOneVmidLetExactlyOneWin() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<SimClient.Resp>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> new SimClient(sim).post("/nodes/pve1/lxc", "vmid", "400", "ostemplate",
                        TEMPLATE, "storage", "local-lvm")));
            }
            int ok = 0;
            for (java.util.concurrent.Future<SimClient.Resp> f : results) {
                SimClient.Resp r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (r.status() == 200) {
                    ok++;
                } else {
                    assertThat(r.json().path("message").asText()).isEqualTo("CT 400 already exists on node 'pve1'\n");
                }
            }
            assertThat(ok).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void legacyServersPutTheErrorOnlyInTheReasonPhrase() throws Exception {
        try (PveSimulator old = PveSimulator.builder().legacyErrors(true).build().start()) {
            SimClient c = new SimClient(old);
            SimClient.RawResp r = c.raw("GET", "/nodes/pve1/lxc/999/config",
                    Map.of("Authorization", old.authorizationHeader()), null);
            assertThat(r.statusLine()).isEqualTo(
                    "HTTP/1.1 500 Configuration file 'nodes/pve1/lxc/999.conf' does not exist");
            assertThat(r.body()).isEqualTo("{\"data\":null}");
        }
    }
}
