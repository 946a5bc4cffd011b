package io.github.proxmoxlxc.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static io.github.proxmoxlxc.core.client.PveServer.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every typed endpoint sends exactly the request Proxmox expects and decodes its Perl-typed answer. */
class EndpointRequestsTest {
    @RegisterExtension
    static PveServer pve = new PveServer();

    private ProxmoxClient client;

    @BeforeEach
    void open() {
        client = pve.client();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private LoggedRequest only(String answer) {
        List<LoggedRequest> all = pve.wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
        assertThat(all).hasSize(1);
        LoggedRequest r = all.get(0);
        assertThat(r.getHeader("Authorization")).isEqualTo("PVEAPIToken=" + PveServer.TOKEN_ID + "=" + PveServer.TOKEN_SECRET);
        assertThat(r.containsHeader("Cookie")).isFalse();
        assertThat(r.containsHeader("CSRFPreventionToken")).isFalse();
        return r;
    }

    private void stub(String json) {
        pve.wm.stubFor(any(anyUrl()).willReturn(data(json)));
    }

    @Test
    void version_getsVersionAndDecodes() {
        stub("{\"version\":\"9.1.2\",\"release\":\"9.1\",\"repoid\":\"abc123\"}");
        assertThat(client.version()).isEqualTo(new PveVersion("9.1.2", "9.1", "abc123"));
        LoggedRequest r = only("");
        assertThat(r.getMethod().getName()).isEqualTo("GET");
        assertThat(r.getUrl()).isEqualTo("/api2/json/version");
        assertThat(r.getHeader("Accept")).isEqualTo("application/json");
        assertThat(r.getHeader("Accept-Encoding")).isIn(null, "gzip");
    }

    @Test
    void nodesList_decodesNumbersGivenAsStrings() {
        stub("[{\"node\":\"pve1\",\"status\":\"online\",\"cpu\":\"0.25\",\"maxcpu\":\"8\",\"mem\":1024,"
                + "\"maxmem\":\"4096\",\"uptime\":99,\"ssl_fingerprint\":\"AA:BB\",\"extra\":{\"x\":1}}]");
        List<NodeInfo> nodes = client.nodes().list();
        assertThat(nodes).containsExactly(new NodeInfo("pve1", "online", 0.25, 8, 1024, 4096, 0, 0,
                Duration.ofSeconds(99), Optional.of("AA:BB")));
        assertThat(nodes.get(0).online()).isTrue();
        assertThat(only("").getUrl()).isEqualTo("/api2/json/nodes");
    }

    @Test
    void nodeStatus_getsNodeStatus() {
        stub("{\"cpu\":0.5,\"cpuinfo\":{\"cpus\":16},\"memory\":{\"total\":100,\"used\":60,\"free\":40},"
                + "\"rootfs\":{\"total\":1000,\"used\":10},\"uptime\":\"3600\",\"loadavg\":[\"0.10\",\"0.20\",\"0.30\"],"
                + "\"pveversion\":\"pve-manager/9.1.2\",\"kversion\":\"Linux 6.14\"}");
        NodeStatus s = client.node("pve1").status();
        assertThat(s).isEqualTo(new NodeStatus(0.5, 16, 100, 60, 40, 1000, 10, Duration.ofHours(1),
                List.of("0.10", "0.20", "0.30"), "pve-manager/9.1.2", "Linux 6.14"));
        assertThat(only("").getUrl()).isEqualTo("/api2/json/nodes/pve1/status");
    }

    @Test
    void clusterResources_withTypeFilter_putsTypeInQuery() {
        stub("[{\"id\":\"lxc/100\",\"type\":\"lxc\",\"node\":\"pve1\",\"vmid\":\"100\",\"name\":\"web\","
                + "\"status\":\"running\",\"template\":0,\"lock\":\"backup\",\"maxmem\":536870912},"
                + "{\"id\":\"storage/pve1/local\",\"type\":\"storage\",\"node\":\"pve1\",\"storage\":\"local\","
                + "\"content\":\"vztmpl,iso\",\"plugintype\":\"dir\",\"shared\":0}]");
        List<ClusterResource> rs = client.cluster().resources("vm");
        assertThat(rs).hasSize(2);
        assertThat(rs.get(0).vmid()).hasValue(100);
        assertThat(rs.get(0).lock()).contains("backup");
        assertThat(rs.get(0).state()).isEqualTo(ContainerState.RUNNING);
        assertThat(rs.get(0).maxMem()).isEqualTo(536870912L);
        assertThat(rs.get(1).vmid()).isEmpty();
        assertThat(rs.get(1).state()).isEqualTo(ContainerState.UNKNOWN);
        assertThat(rs.get(1).content()).containsExactlyInAnyOrder("vztmpl", "iso");
        assertThat(rs.get(1).pluginType()).contains("dir");
        assertThat(only("").getUrl()).isEqualTo("/api2/json/cluster/resources?type=vm");
    }

    @Test
    void guest_findsTheNodeOwningAVmid() {
        stub("[{\"id\":\"lxc/100\",\"type\":\"lxc\",\"node\":\"pve1\",\"vmid\":100},"
                + "{\"id\":\"qemu/101\",\"type\":\"qemu\",\"node\":\"pve3\",\"vmid\":\"101\"}]");
        assertThat(client.cluster().guest(101)).flatMap(ClusterResource::node).contains("pve3");
        assertThat(client.cluster().guest(102)).isEmpty();
        assertThat(pve.wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl())))
                .extracting(LoggedRequest::getUrl).containsOnly("/api2/json/cluster/resources?type=vm");
    }

    @Test
    void nextId_acceptsIdAsJsonString() {
        stub("\"104\"");
        assertThat(client.cluster().nextId()).isEqualTo(104);
        assertThat(only("").getUrl()).isEqualTo("/api2/json/cluster/nextid");
    }

    @Test
    void isFree_returnsFalseOnAlreadyExists() {
        pve.wm.stubFor(any(anyUrl()).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withStatus(400).withStatusMessage("Parameter verification failed.")
                .withBody("{\"data\":null,\"errors\":{\"vmid\":\"VM 100 already exists\"},"
                        + "\"message\":\"Parameter verification failed.\\n\"}")));
        assertThat(client.cluster().isFree(100)).isFalse();
        assertThat(only("").getUrl()).isEqualTo("/api2/json/cluster/nextid?vmid=100");
    }

    @Test
    void storageList_withContentFilter() {
        stub("[{\"storage\":\"local-lvm\",\"type\":\"lvmthin\",\"content\":\"rootdir,images\",\"active\":1,"
                + "\"enabled\":1,\"shared\":0,\"total\":1000,\"used\":\"200\",\"avail\":800}]");
        List<StorageInfo> s = client.node("pve1").storage().list("rootdir");
        assertThat(s).containsExactly(new StorageInfo("local-lvm", "lvmthin", java.util.Set.of("rootdir", "images"),
                true, true, false, 1000, 200, 800));
        assertThat(only("").getUrl()).isEqualTo("/api2/json/nodes/pve1/storage?content=rootdir");
    }

    @Test
    void storageContent_listsVolumes() {
        stub("[{\"volid\":\"local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst\",\"content\":\"vztmpl\","
                + "\"format\":\"tzst\",\"size\":126322123,\"ctime\":1700000000}]");
        List<StorageVolume> v = client.node("pve1").storage().content("local", "vztmpl");
        assertThat(v).containsExactly(new StorageVolume("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst",
                "vztmpl", "tzst", 126322123L, OptionalInt.empty(), Instant.ofEpochSecond(1700000000L),
                Optional.empty()));
        assertThat(only("").getUrl()).isEqualTo("/api2/json/nodes/pve1/storage/local/content?content=vztmpl");
    }

    @Test
    void aplinfo_listsTemplates() {
        stub("[{\"template\":\"debian-12-standard_12.7-1_amd64.tar.zst\",\"type\":\"lxc\",\"os\":\"debian-12\","
                + "\"package\":\"debian-12-standard\",\"section\":\"system\",\"version\":\"12.7-1\","
                + "\"headline\":\"Debian 12 Bookworm (standard)\",\"sha512sum\":\"ab\"}]");
        List<Appliance> a = client.node("pve1").appliances().list();
        assertThat(a).hasSize(1);
        assertThat(a.get(0).packageName()).isEqualTo("debian-12-standard");
        assertThat(a.get(0).template()).isEqualTo("debian-12-standard_12.7-1_amd64.tar.zst");
        assertThat(only("").getUrl()).isEqualTo("/api2/json/nodes/pve1/aplinfo");
    }

    @Test
    void templateDownload_postsStorageAndTemplateForm() {
        stub("\"UPID:pve1:00001234:00ABCDEF:68BF3A41:download:debian-12-standard_12.7-1_amd64.tar.zst:automation@pve!ci:\"");
        Upid u = client.node("pve1").appliances().download("local", "debian-12-standard_12.7-1_amd64.tar.zst");
        assertThat(u.type()).isEqualTo("download");
        LoggedRequest r = only("");
        assertThat(r.getMethod().getName()).isEqualTo("POST");
        assertThat(r.getUrl()).isEqualTo("/api2/json/nodes/pve1/aplinfo");
        assertThat(r.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(r.getBodyAsString()).isEqualTo("storage=local&template=debian-12-standard_12.7-1_amd64.tar.zst");
    }

    @Test
    void lxcList_decodesContainers() {
        stub("[{\"vmid\":\"101\",\"name\":\"db\",\"status\":\"stopped\",\"template\":\"\",\"cpus\":2,"
                + "\"maxmem\":1073741824,\"lock\":\"\"}]");
        List<ContainerSummary> cs = client.node("pve1").containers().list();
        assertThat(cs).containsExactly(new ContainerSummary(101, Optional.of("db"), "stopped", Optional.empty(), false,
                List.of(), 2, 0, 0, 1073741824L, 0, 0, Duration.ZERO));
        assertThat(cs.get(0).state()).isEqualTo(ContainerState.STOPPED);
        assertThat(only("").getUrl()).isEqualTo("/api2/json/nodes/pve1/lxc");
    }

    @Test
    void create_postsFormEncodedParamsOnceAndReturnsUpid() {
        stub("\"" + PveServer.UPID + "\"");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vmid", "120");
        p.put("ostemplate", "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst");
        p.put("hostname", "web");
        p.put("net0", "name=eth0,bridge=vmbr0,ip=dhcp");
        p.put("unprivileged", "1");
        p.put("ssh-public-keys", "ssh-ed25519 AAAA a@b\nssh-ed25519 BBBB c@d");
        Upid u = client.node("pve1").containers().create(p);
        assertThat(u.toString()).isEqualTo(PveServer.UPID);
        LoggedRequest r = only("");
        assertThat(r.getMethod().getName()).isEqualTo("POST");
        assertThat(r.getUrl()).isEqualTo("/api2/json/nodes/pve1/lxc");
        assertThat(r.getBodyAsString()).isEqualTo("vmid=120&ostemplate=local%3Avztmpl%2Fdebian-12-standard_12.7-1"
                + "_amd64.tar.zst&hostname=web&net0=name%3Deth0%2Cbridge%3Dvmbr0%2Cip%3Ddhcp&unprivileged=1"
                + "&ssh-public-keys=ssh-ed25519+AAAA+a%40b%0Assh-ed25519+BBBB+c%40d");
    }

    @Test
    void configGet_splitsValuesDigestAndRawLxcLines() {
        stub("{\"digest\":\"0123abcd\",\"hostname\":\"web\",\"cores\":2,\"unprivileged\":1,"
                + "\"lxc\":[[\"lxc.idmap\",\"u 0 100000 65536\"],[\"lxc.cgroup2.devices.allow\",\"c 226:* rwm\"]]}");
        ContainerConfig c = client.node("pve1").container(120).config();
        assertThat(c.digest()).isEqualTo("0123abcd");
        assertThat(c.values()).containsEntry("hostname", "web").containsEntry("cores", "2")
                .containsEntry("unprivileged", "1").doesNotContainKey("digest").doesNotContainKey("lxc");
        assertThat(c.lxc()).containsExactly(Map.entry("lxc.idmap", "u 0 100000 65536"),
                Map.entry("lxc.cgroup2.devices.allow", "c 226:* rwm"));
        assertThat(c.get("cores")).contains("2");
        assertThat(only("").getUrl()).isEqualTo("/api2/json/nodes/pve1/lxc/120/config");
    }

    @Test
    void configPut_sendsParamsAndDigestAsForm() {
        stub("null");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("memory", "2048");
        p.put("delete", "mp0,net1");
        client.node("pve1").container(120).updateConfig(p, "0123abcd");
        LoggedRequest r = only("");
        assertThat(r.getMethod().getName()).isEqualTo("PUT");
        assertThat(r.getUrl()).isEqualTo("/api2/json/nodes/pve1/lxc/120/config");
        assertThat(r.getBodyAsString()).isEqualTo("memory=2048&delete=mp0%2Cnet1&digest=0123abcd");
    }

    @Test
    void statusCurrent_decodes() {
        stub("{\"vmid\":120,\"name\":\"web\",\"status\":\"running\",\"uptime\":5,\"cpus\":\"2\",\"pid\":\"4242\","
                + "\"maxmem\":536870912,\"ha\":{\"managed\":0}}");
        ContainerStatus s = client.node("pve1").container(120).status();
        assertThat(s.running()).isTrue();
        assertThat(s.pid()).hasValue(4242);
        assertThat(s.uptime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.haState()).isEmpty();
        assertThat(only("").getUrl()).isEqualTo("/api2/json/nodes/pve1/lxc/120/status/current");
    }

    @Test
    void lifecycle_postsToStatusEndpoints() {
        stub("\"UPID:pve1:000934AF:0D015579:68BF3A41:vzstart:120:automation@pve!ci:\"");
        Container ct = client.node("pve1").container(120);
        ct.start();
        ct.stop();
        ct.shutdown(Duration.ofSeconds(30), true);
        ct.shutdown(Duration.ofMillis(1500));
        ct.shutdown();
        ct.reboot();
        List<LoggedRequest> all = pve.wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
        assertThat(all).extracting(r -> r.getMethod().getName() + " " + r.getUrl() + " " + r.getBodyAsString())
                .containsExactly(
                        "POST /api2/json/nodes/pve1/lxc/120/status/start ",
                        "POST /api2/json/nodes/pve1/lxc/120/status/stop ",
                        "POST /api2/json/nodes/pve1/lxc/120/status/shutdown timeout=30&forceStop=1",
                        "POST /api2/json/nodes/pve1/lxc/120/status/shutdown timeout=2",
                        "POST /api2/json/nodes/pve1/lxc/120/status/shutdown ",
                        "POST /api2/json/nodes/pve1/lxc/120/status/reboot ");
    }

    @Test
    void destroy_putsOptionsInQueryWithoutBody() {
        stub("\"UPID:pve1:000934AF:0D015579:68BF3A41:vzdestroy:120:automation@pve!ci:\"");
        Upid u = client.node("pve1").container(120).destroy(DestroyOptions.purgeAll().toBuilder().force(true).build());
        assertThat(u.type()).isEqualTo("vzdestroy");
        LoggedRequest r = only("");
        assertThat(r.getMethod().getName()).isEqualTo("DELETE");
        assertThat(r.getUrl()).isEqualTo("/api2/json/nodes/pve1/lxc/120?purge=1&destroy-unreferenced-disks=1&force=1");
        assertThat(r.getBodyAsString()).isEmpty();
        assertThat(r.getHeader("Content-Type")).isNull();
    }

    @Test
    void interfaces_decodes() {
        stub("[{\"name\":\"lo\",\"inet\":\"127.0.0.1/8\"},{\"name\":\"eth0\",\"hwaddr\":\"bc:24:11:00:00:01\","
                + "\"inet\":\"192.168.1.20/24\",\"inet6\":\"fe80::1/64\"}]");
        List<ContainerInterface> is = client.node("pve1").container(120).interfaces();
        assertThat(is).contains(new ContainerInterface("eth0", Optional.of("bc:24:11:00:00:01"),
                Optional.of("192.168.1.20/24"), Optional.of("fe80::1/64")));
        assertThat(only("").getUrl()).isEqualTo("/api2/json/nodes/pve1/lxc/120/interfaces");
    }

    @Test
    void taskStatusAndLog_percentEncodeTheUpidOnItsNode() {
        stub("{\"status\":\"stopped\",\"exitstatus\":\"WARNINGS: 2\",\"upid\":\"x\",\"tokenid\":\"ci\"}");
        Upid upid = Upid.parse("UPID:pve2:000934AF:0D015579:68BF3A41:vzstart:120:automation@pve!ci:");
        TaskStatus s = client.tasks().status(upid);
        assertThat(s.succeeded()).isTrue();
        assertThat(s.warnings()).isEqualTo(2);
        assertThat(only("").getUrl()).isEqualTo("/api2/json/nodes/pve2/tasks/"
                + "UPID%3Apve2%3A000934AF%3A0D015579%3A68BF3A41%3Avzstart%3A120%3Aautomation%40pve%21ci%3A/status");
        pve.wm.resetRequests();
        stub("[{\"n\":3,\"t\":\"extracting\"}]");
        assertThat(client.tasks().log(upid, 2, 10)).containsExactly(new TaskLogLine(3, "extracting"));
        assertThat(only("").getUrl()).endsWith("%3A/log?start=2&limit=10");
    }

    @Test
    void permissions_listedPrivilegeIsGrantedWhateverItsPropagateFlag() {
        // the value is the propagate flag: VM.Audit granted on /vms/100 without propagation
        stub("{\"/vms/100\":{\"VM.Allocate\":1,\"VM.Audit\":0},\"/storage/local\":{\"Datastore.AllocateSpace\":\"1\"}}");
        Permissions p = client.access().permissions("/vms/100");
        assertThat(p.has("/vms/100", "VM.Allocate")).isTrue();
        assertThat(p.has("/vms/100", "VM.Audit")).isTrue();
        assertThat(p.has("/vms/100", "Sys.Modify")).isFalse();
        assertThat(p.has("/storage/local", "Datastore.AllocateSpace")).isTrue();
        assertThat(only("").getUrl()).isEqualTo("/api2/json/access/permissions?path=%2Fvms%2F100");
    }

    @Test
    void rawCall_encodesBooleansAsZeroOneAndReturnsPlainData() {
        stub("{\"a\":[1,\"x\",true,null],\"b\":1.5}");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("force", true);
        p.put("keep", false);
        p.put("size", 8);
        RawResponse r = client.call(HttpMethod.POST, "/nodes/pve1/lxc/120/snapshot", p);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.dataAsMap()).containsEntry("b", 1.5);
        assertThat(r.dataAsMap().get("a")).isEqualTo(java.util.Arrays.asList(1L, "x", true, null));
        LoggedRequest req = only("");
        assertThat(req.getUrl()).isEqualTo("/api2/json/nodes/pve1/lxc/120/snapshot");
        assertThat(req.getBodyAsString()).isEqualTo("force=1&keep=0&size=8");
    }

    @Test
    void rawGet_putsParamsInQueryAndAcceptsApiPrefix() {
        stub("\"ok\"");
        RawResponse r = client.call(HttpMethod.GET, "/api2/json/nodes/pve1/tasks", Map.of("vmid", 120));
        assertThat(r.dataAsString()).contains("ok");
        LoggedRequest req = only("");
        assertThat(req.getUrl()).isEqualTo("/api2/json/nodes/pve1/tasks?vmid=120");
        assertThat(req.getHeader("Content-Type")).isNull();
        assertThat(req.getHeader("CSRFPreventionToken")).isNull();
        assertThat(absent().match(req.getHeader("Cookie")).isExactMatch()).isTrue();
    }

    @Test
    void baseUrlWithApiPrefixAndTrailingSlash_isNormalized() {
        stub("{\"version\":\"9.1.2\"}");
        try (ProxmoxClient c = pve.clientBuilder().baseUrl(pve.url() + "/api2/json/").build()) {
            c.version();
        }
        assertThat(only("").getUrl()).isEqualTo("/api2/json/version");
        assertThat(equalTo("x").match("x").isExactMatch()).isTrue();
    }
}
