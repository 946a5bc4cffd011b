package io.github.proxmoxlxc.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One test per behaviour of {@code pve-behaviour.md} (issue 12) the simulator now has, each
 * asserting the status code, whether the HTTP call itself fails (sync) or a task ends with the
 * error (task), and Proxmox's text (checked against pve-container 94f5585, pve-manager 14a22df,
 * pve-access-control 5ccd07d, pve-storage 0c56bad, pve-common f665029).
 */
class PveBehaviourTest {

    static final String TEMPLATE = "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE;
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHMlSdW9sqT4mQpp3UeY8Q0dQ6Q6dnq6v0C8o3rG0kWm ci@test";

    PveSimulator sim;
    SimClient client;

    @BeforeEach
    void start() {
        sim = PveSimulator.builder().timeScale(0.0005).addNode("pve1", 4, 16L << 30)
                .addStorage("pve1", StorageDefinition.builder().id("local").type("dir")
                        .content(Set.of("vztmpl", "iso", "rootdir")).totalBytes(100L << 30).build())
                .addStorage("pve1", StorageDefinition.builder().id("local-lvm").type("lvmthin")
                        .content(Set.of("rootdir", "images")).totalBytes(200L << 30).build())
                .addStorage("pve1", StorageDefinition.builder().id("off").type("dir").content(Set.of("rootdir"))
                        .totalBytes(10L << 30).enabled(false).build())
                .addStorage("pve1", StorageDefinition.builder().id("nfs").type("nfs").content(Set.of("rootdir"))
                        .totalBytes(10L << 30).active(false).build())
                .addStorage("pve1", StorageDefinition.builder().id("backup").type("dir").content(Set.of("backup"))
                        .totalBytes(10L << 30).build())
                .addStoredTemplate("pve1", "local", PveSimulator.DEFAULT_STORED_TEMPLATE)
                .addPool("ci", "CI containers")
                .start();
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static Set<String> allBut(String... privileges) {
        Set<String> s = new HashSet<>(PveSimulator.ALL_PRIVILEGES);
        s.removeAll(Set.of(privileges));
        return s;
    }

    SimClient.Resp create(String... extra) throws Exception {
        String[] base = {"vmid", "100", "ostemplate", TEMPLATE, "storage", "local-lvm"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return client.post("/nodes/pve1/lxc", all);
    }

    SimClient root() throws Exception {
        SimClient t = new SimClient(sim);
        t.authorization = null;
        JsonNode login = t.post("/access/ticket", "username", "root@pam", "password", sim.rootPassword()).data();
        t.cookie = login.path("ticket").asText();
        t.csrf = login.path("CSRFPreventionToken").asText();
        return t;
    }

    static void sync(SimClient.Resp r, int status, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().path("message").asText()).isEqualTo(message + "\n");
    }

    String task(SimClient.Resp r) throws Exception {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String upid = r.data().asText();
        assertThat(upid).startsWith("UPID:");
        return client.awaitTask(upid).path("exitstatus").asText();
    }

    void created(int vmid) throws Exception {
        SimClient.Resp r = client.post("/nodes/pve1/lxc", "vmid", "" + vmid, "ostemplate", TEMPLATE, "storage",
                "local-lvm", "net0", "name=eth0,bridge=vmbr0,ip=dhcp");
        assertThat(task(r)).isEqualTo("OK");
    }

    // ------------------------------------------------------------------ permissions

    @Test
    void perOptionPrivileges_tokenWithOnlyAllocateAndSpaceAndSdn_gets403NamingTheConfigPrivilege() throws Exception {
        sim.setTokenPrivileges(Map.of("/vms", Set.of("VM.Allocate"), "/storage", Set.of("Datastore.AllocateSpace"),
                "/sdn", Set.of("SDN.Use")));
        sync(create("memory", "1024"), 403, "Permission check failed (/vms/100, VM.Config.Memory)");
        assertThat(sim.containers()).isEmpty();
        assertThat(sim.tasks()).isEmpty();
    }

    @Test
    void perOptionPrivileges_eachOptionGroupNamesItsPrivilege() throws Exception {
        Map<String, String[]> cases = Map.of(
                "VM.Config.CPU", new String[] {"cores", "2"},
                "VM.Config.Disk", new String[] {"rootfs", "local-lvm:4"},
                "VM.Config.Network", new String[] {"hostname", "web"},
                "VM.Config.Options", new String[] {"description", "x"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            sim.setTokenPrivileges(Map.of("/", allBut(c.getKey())));
            sync(create(c.getValue()), 403, "Permission check failed (/vms/100, " + c.getKey() + ")");
        }
        sim.setTokenPrivileges(Map.of("/", allBut("VM.Config.Network")));
        sync(create("net0", "name=eth0,bridge=vmbr0"), 403, "Permission check failed (/vms/100, VM.Config.Network)");
        assertThat(sim.containers()).isEmpty();
    }

    @Test
    void featuresNesting_needsVmAllocate_otherFeaturesAreRootOnly_onUpdateOnlyChangedOnesCount() throws Exception {
        created(100);
        SimClient.Resp keyctl = client.put("/nodes/pve1/lxc/100/config", "features", "keyctl=1");
        sync(keyctl, 403, "Permission check failed (changing feature flags (except nesting) is only allowed for root@pam)");
        assertThat(client.put("/nodes/pve1/lxc/100/config", "features", "nesting=1").status()).isEqualTo(200);
        sim.setTokenPrivileges(Map.of("/", allBut("VM.Allocate")));
        sync(client.put("/nodes/pve1/lxc/100/config", "features", "nesting=0"), 403,
                "Permission check failed (/vms/100, VM.Allocate)");
        sim.setTokenPrivileges(Map.of("/", allBut("VM.Allocate")));
        sync(client.put("/nodes/pve1/lxc/100/config", "delete", "features"), 403,
                "Permission check failed (/vms/100, VM.Allocate)");
    }

    @Test
    void updateChecksSdnUseOnTheOldAndTheNewBridge() throws Exception {
        created(100);
        sim.setTokenPrivileges(Map.of("/", PveSimulator.ALL_PRIVILEGES, "/sdn/zones/localnetwork/vmbr0", Set.of()));
        sync(client.put("/nodes/pve1/lxc/100/config", "net0", "name=eth0,bridge=vmbr1"), 403,
                "Permission check failed (/sdn/zones/localnetwork/vmbr0, SDN.Use)");
    }

    @Test
    void privilegedCreate_needsSysModifyOnRoot_checkedFirst() throws Exception {
        created(100);
        sim.setTokenPrivileges(Map.of("/", allBut("Sys.Modify")));
        // checked before the VMID in use
        sync(create("unprivileged", "0"), 403, "Permission check failed (/, Sys.Modify)");
    }

    @Test
    void haManagedCreate_needsSysConsoleOnRoot() throws Exception {
        sim.setTokenPrivileges(Map.of("/", allBut("Sys.Console")));
        sync(create("ha-managed", "1"), 403, "Permission check failed (/, Sys.Console)");
    }

    @Test
    void bindAndDeviceMountPointsFromAToken_are403FromThePerOptionCheck() throws Exception {
        sync(create("rootfs", "local-lvm:4", "mp0", "/srv/data,mp=/data"), 403,
                "Permission check failed (mount point type bind is only allowed for root@pam)");
        sync(create("rootfs", "local-lvm:4", "mp0", "/dev/sdb1,mp=/data"), 403,
                "Permission check failed (mount point type device is only allowed for root@pam)");
        assertThat(sim.containers()).isEmpty();
    }

    @Test
    void bareNumberVolumeFromAToken_is500FromCheckVolumeAccess_withPerlsLocation() throws Exception {
        sync(create("rootfs", "8"), 500,
                "Only root can pass arbitrary filesystem paths. at /usr/share/perl5/PVE/Storage.pm line 651.");
        assertThat(sim.containers()).isEmpty();
    }

    @Test
    void bareNumberMountPointFromRoot_becomesTheDefaultStorage() throws Exception {
        SimClient r = root();
        SimClient.Resp resp = r.post("/nodes/pve1/lxc", "vmid", "100", "ostemplate", TEMPLATE, "storage", "local-lvm",
                "rootfs", "local-lvm:4", "mp0", "2,mp=/data");
        assertThat(r.awaitTask(resp.data().asText()).path("exitstatus").asText()).isEqualTo("OK");
        assertThat(sim.container(100).orElseThrow().config().get("mp0"))
                .isEqualTo("local-lvm:vm-100-disk-1,mp=/data,size=2G");
    }

    @Test
    void unknownPool_is403_andAContainerJoinsItsPoolAtTheEndOfTheCreateTask() throws Exception {
        sync(create("pool", "nope"), 403, "Permission check failed (pool 'nope' does not exist)");
        assertThat(task(create("pool", "ci"))).isEqualTo("OK");
        JsonNode res = client.get("/cluster/resources?type=vm").data();
        assertThat(res.get(0).path("pool").asText()).isEqualTo("ci");
        JsonNode pool = client.get("/pools/ci").data();
        assertThat(pool.path("members").get(0).path("id").asText()).isEqualTo("lxc/100");
    }

    @Test
    void aclOnThePoolPath_coversCreateAndThePoolsGuests() throws Exception {
        sim.setTokenPrivileges(Map.of("/", allBut("VM.Allocate", "VM.Config.Memory", "VM.PowerMgmt"),
                "/pool/ci", Set.of("VM.Allocate", "VM.Config.Memory", "VM.PowerMgmt")));
        assertThat(task(create("pool", "ci", "memory", "1024"))).isEqualTo("OK");
        // pool roles apply to its members (compile_acl_path)
        assertThat(task(client.post("/nodes/pve1/lxc/100/status/start"))).isEqualTo("OK");
    }

    // ------------------------------------------------------------------ create

    @Test
    void mountPointsWithoutRootfs_are500Sync() throws Exception {
        sync(create("mp0", "local-lvm:2,mp=/data"), 500, "mount points configured, but 'rootfs' not set - aborting");
        assertThat(sim.tasks()).isEmpty();
    }

    @Test
    void missingTemplate_isATaskError_andNothingStays() throws Exception {
        SimClient.Resp r = client.post("/nodes/pve1/lxc", "vmid", "100", "ostemplate", "local:vztmpl/nope_1.0_amd64.tar.zst",
                "storage", "local-lvm");
        assertThat(task(r)).isEqualTo("unable to create CT 100 - can't find file 'local:vztmpl/nope_1.0_amd64.tar.zst'");
        assertThat(sim.containers()).isEmpty();
        assertThat(sim.volumes("pve1", "local-lvm")).isEmpty();
    }

    @Test
    void storageWithoutRootdir_is400_disabledAndOffline_are500() throws Exception {
        SimClient.Resp noRootdir = create("rootfs", "backup:4");
        assertThat(noRootdir.status()).isEqualTo(400);
        assertThat(noRootdir.json().path("errors").path("storage").asText())
                .isEqualTo("storage 'backup' does not support container directories");
        sync(create("rootfs", "off:4"), 500, "storage 'off' is disabled");
        sync(create("rootfs", "nfs:4"), 500, "storage 'nfs' is not online");
        assertThat(sim.tasks()).isEmpty();
    }

    @Test
    void badSshKey_is500Sync_aGoodOnePasses() throws Exception {
        sync(create("ssh-public-keys", "ssh-ed25519 not-base64!"), 500, "SSH public key validation error");
        assertThat(task(create("ssh-public-keys", KEY))).isEqualTo("OK");
    }

    @Test
    void uniqueWithoutRestore_is400OnRestore() throws Exception {
        SimClient.Resp r = create("unique", "1");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").path("restore").asText()).isEqualTo("missing property required by 'unique'");
    }

    @Test
    void unprivilegedZero_isNotWrittenToTheConfig() throws Exception {
        SimClient r = root();
        SimClient.Resp resp = r.post("/nodes/pve1/lxc", "vmid", "100", "ostemplate", TEMPLATE, "storage", "local-lvm",
                "unprivileged", "0");
        assertThat(r.awaitTask(resp.data().asText()).path("exitstatus").asText()).isEqualTo("OK");
        assertThat(client.get("/nodes/pve1/lxc/100/config").data().has("unprivileged")).isFalse();
        assertThat(task(client.post("/nodes/pve1/lxc", "vmid", "101", "ostemplate", TEMPLATE, "storage", "local-lvm")))
                .isEqualTo("OK");
        assertThat(client.get("/nodes/pve1/lxc/101/config").data().path("unprivileged").asInt()).isEqualTo(1);
    }

    @Test
    void diskNamesCountPerStorage_dirSizeZeroIsASubvol_sizesRoundToMiB() throws Exception {
        SimClient r = root();
        SimClient.Resp resp = r.post("/nodes/pve1/lxc", "vmid", "100", "ostemplate", TEMPLATE, "rootfs", "local-lvm:1.5",
                "mp0", "local:0,mp=/a", "mp1", "local-lvm:0.001,mp=/b");
        assertThat(r.awaitTask(resp.data().asText()).path("exitstatus").asText()).isEqualTo("OK");
        Map<String, String> conf = sim.container(100).orElseThrow().config();
        assertThat(conf.get("rootfs")).isEqualTo("local-lvm:vm-100-disk-0,size=1536M");
        assertThat(conf.get("mp0")).startsWith("local:100/subvol-100-disk-0.subvol,mp=/a");
        assertThat(conf.get("mp1")).isEqualTo("local-lvm:vm-100-disk-1,mp=/b,size=1M");
    }

    // ------------------------------------------------------------------ power and lifecycle

    @Test
    void startOfATemplate_isATaskError() throws Exception {
        created(100);
        assertThat(client.post("/nodes/pve1/lxc/100/template").status()).isEqualTo(200);
        sim.awaitIdle(Duration.ofSeconds(10));
        assertThat(task(client.post("/nodes/pve1/lxc/100/status/start"))).isEqualTo("you can't start a CT if it's a template");
    }

    @Test
    void missingContainer_startIsATaskError_stopAndShutdownAndRebootAreSync() throws Exception {
        assertThat(task(client.post("/nodes/pve1/lxc/999/status/start")))
                .isEqualTo("Configuration file 'nodes/pve1/lxc/999.conf' does not exist");
        sync(client.post("/nodes/pve1/lxc/999/status/stop"), 500, "CT 999 not running");
        sync(client.post("/nodes/pve1/lxc/999/status/shutdown"), 500, "CT 999 not running");
        sync(client.post("/nodes/pve1/lxc/999/status/reboot"), 500, "VM 999 not running");
    }

    @Test
    void rebootIgnoresTheConfigLock_stopAndShutdownFailInTheTask() throws Exception {
        created(100);
        assertThat(task(client.post("/nodes/pve1/lxc/100/status/start"))).isEqualTo("OK");
        sim.setLock(100, "backup");
        assertThat(task(client.post("/nodes/pve1/lxc/100/status/reboot"))).isEqualTo("OK");
        assertThat(task(client.post("/nodes/pve1/lxc/100/status/shutdown"))).isEqualTo("CT is locked (backup)");
        assertThat(task(client.post("/nodes/pve1/lxc/100/status/stop"))).isEqualTo("CT is locked (backup)");
    }

    @Test
    void destroyChecksProtectionBeforeTheLock_purgeLineOnlyWithPurge() throws Exception {
        created(100);
        assertThat(client.put("/nodes/pve1/lxc/100/config", "protection", "1").status()).isEqualTo(200);
        sim.setLock(100, "backup");
        sync(client.delete("/nodes/pve1/lxc/100"), 500, "can't remove CT 100 - protection mode enabled");
        sim.clearLock(100);
        assertThat(client.put("/nodes/pve1/lxc/100/config", "delete", "protection").status()).isEqualTo(200);
        String upid = client.delete("/nodes/pve1/lxc/100").data().asText();
        assertThat(client.awaitTask(upid).path("exitstatus").asText()).isEqualTo("OK");
        assertThat(log(upid)).doesNotContain("purging CT 100 from related configurations..");
        created(101);
        String purge = client.delete("/nodes/pve1/lxc/101?purge=1").data().asText();
        client.awaitTask(purge);
        assertThat(log(purge)).contains("purging CT 101 from related configurations..");
    }

    String log(String upid) throws Exception {
        return client.get("/nodes/pve1/tasks/" + URLEncoder.encode(upid, StandardCharsets.UTF_8) + "/log").body();
    }

    @Test
    void templateConversionTexts() throws Exception {
        created(100);
        assertThat(task(client.post("/nodes/pve1/lxc/100/status/start"))).isEqualTo("OK");
        sync(client.post("/nodes/pve1/lxc/100/template"), 500, "you can't convert a CT to template if the CT is running");
        assertThat(task(client.post("/nodes/pve1/lxc/100/status/stop"))).isEqualTo("OK");
        assertThat(client.post("/nodes/pve1/lxc/100/template").status()).isEqualTo(200);
        sim.awaitIdle(Duration.ofSeconds(10));
        sync(client.post("/nodes/pve1/lxc/100/template"), 500, "you can't convert a template to a template");
    }

    // ------------------------------------------------------------------ reading state

    @Test
    void interfaces_nullWhenStopped_entriesAsGetInterfacesBuildsThem() throws Exception {
        created(100);
        SimClient.Resp stopped = client.get("/nodes/pve1/lxc/100/interfaces");
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.data().isNull()).isTrue();
        assertThat(task(client.post("/nodes/pve1/lxc/100/status/start"))).isEqualTo("OK");
        JsonNode eth0 = client.get("/nodes/pve1/lxc/100/interfaces").data().get(1);
        assertThat(eth0.path("name").asText()).isEqualTo("eth0");
        assertThat(eth0.path("hwaddr").asText()).isEqualTo(eth0.path("hardware-address").asText());
        assertThat(eth0.path("inet6").asText()).startsWith("fe80::").endsWith("/64");
        assertThat(eth0.path("ip-addresses").get(0).path("ip-address-type").asText()).isEqualTo("inet");
        assertThat(eth0.path("inet").asText()).isEqualTo(eth0.path("ip-addresses").get(0).path("ip-address").asText()
                + "/" + eth0.path("ip-addresses").get(0).path("prefix").asInt());
    }

    @Test
    void clusterResources_useMaxcpu_noMaxswap_filteredByAuditPrivileges() throws Exception {
        created(100);
        created(101);
        JsonNode vm = client.get("/cluster/resources?type=vm").data().get(0);
        assertThat(vm.has("maxcpu")).isTrue();
        assertThat(vm.has("cpus")).isFalse();
        assertThat(vm.has("maxswap")).isFalse();
        sim.setTokenPrivileges(Map.of("/vms/101", Set.of("VM.Audit"), "/storage/local", Set.of("Datastore.Audit")));
        JsonNode all = client.get("/cluster/resources").data();
        assertThat(all.findValuesAsText("id")).contains("lxc/101", "storage/pve1/local", "node/pve1")
                .doesNotContain("lxc/100", "storage/pve1/local-lvm");
        JsonNode node = client.get("/cluster/resources?type=node").data().get(0);
        assertThat(node.has("maxmem")).as("node stats need Sys.Audit").isFalse();
    }

    @Test
    void putConfig_deleteConflictKeyedDelete_revertOnlyWorks() throws Exception {
        created(100);
        SimClient.Resp conflict = client.put("/nodes/pve1/lxc/100/config", "memory", "1024", "delete", "memory");
        assertThat(conflict.status()).isEqualTo(400);
        assertThat(conflict.json().path("errors").path("delete").asText())
                .isEqualTo("you can't use '-memory' and -delete memory' at the same time");
        assertThat(client.put("/nodes/pve1/lxc/100/config", "revert", "cores").status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ templates, storage, access

    @Test
    void aplinfoUnknownTemplate_is400_logLinesAsDownloadFileFromUrl() throws Exception {
        SimClient.Resp bad = client.post("/nodes/pve1/aplinfo", "storage", "local", "template", "nope.tar.zst");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").path("template").asText()).isEqualTo("no such template");
        assertThat(client.get("/nodes/pve1/aplinfo").data().get(0).path("source").asText())
                .isEqualTo("http://download.proxmox.com/images");
        String upid = client.post("/nodes/pve1/aplinfo", "storage", "local", "template",
                "alpine-3.22-default_20250617_amd64.tar.xz").data().asText();
        assertThat(client.awaitTask(upid).path("exitstatus").asText()).isEqualTo("OK");
        assertThat(log(upid)).contains("downloading http://download.proxmox.com/images/system/alpine-3.22-default_20250617_amd64.tar.xz to ")
                .contains("calculating checksum...OK, checksum verified").contains("finished");
    }

    @Test
    void storageListWithUnknownStorageFilter_is400NoSuchStorage() throws Exception {
        SimClient.Resp r = client.get("/nodes/pve1/storage?storage=nope");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").path("storage").asText()).isEqualTo("No such storage.");
    }

    @Test
    void accessPermissions_topLevelPoolPath_unknownUserHasNone() throws Exception {
        JsonNode mine = client.get("/access/permissions").data();
        assertThat(mine.has("/pool")).isTrue();
        assertThat(mine.has("/pools")).isFalse();
        SimClient.Resp stranger = client.get("/access/permissions?userid=nobody@pve");
        assertThat(stranger.status()).isEqualTo(200);
        assertThat(stranger.data().size()).isZero();
    }

    @Test
    void nextidHonoursTheNextIdRange() throws Exception {
        try (PveSimulator small = PveSimulator.builder().timeScale(0.0005).nextIdRange(200, 202).start()) {
            SimClient c = new SimClient(small);
            assertThat(c.get("/cluster/nextid").data().asText()).isEqualTo("200");
            for (int id : new int[] {200, 201}) {
                String upid = c.post("/nodes/pve1/lxc", "vmid", "" + id, "ostemplate", TEMPLATE, "storage", "local-lvm")
                        .data().asText();
                c.awaitTask(upid);
            }
            SimClient.Resp full = c.get("/cluster/nextid");
            assertThat(full.status()).isEqualTo(500);
            assertThat(full.json().path("message").asText()).isEqualTo("unable to get any free VMID in range [200, 202]\n");
        }
    }

    // ------------------------------------------------------------------ pools API

    @Test
    void pools_createListUpdateDelete_withMembersAndProxmoxTexts() throws Exception {
        created(100);
        assertThat(client.post("/pools", "poolid", "web", "comment", "front").status()).isEqualTo(200);
        sync(client.post("/pools", "poolid", "web"), 500, "create pool failed: pool 'web' already exists");
        sync(client.post("/pools", "poolid", "9x"), 500, "create pool failed: pool name must start with a letter");
        assertThat(client.get("/pools").data().findValuesAsText("poolid")).containsExactly("ci", "web");
        assertThat(client.put("/pools", "poolid", "web", "vms", "100", "storage", "local-lvm").status()).isEqualTo(200);
        sync(client.put("/pools", "poolid", "ci", "vms", "100"), 500,
                "update pools failed: VM 100 belongs already to pool 'web' and 'allow-move' is not set");
        JsonNode web = client.get("/pools?poolid=web").data().get(0);
        assertThat(web.path("members").findValuesAsText("id")).containsExactly("lxc/100", "storage/pve1/local-lvm");
        sync(client.delete("/pools?poolid=web"), 500, "delete pool failed: pool 'web' is not empty (contains VM 100)");
        assertThat(client.put("/pools/web", "vms", "100", "storage", "local-lvm", "delete", "1").status()).isEqualTo(200);
        assertThat(client.delete("/pools/web").status()).isEqualTo(200);
        sync(client.get("/pools/web"), 500, "pool 'web' does not exist");
        sim.setTokenPrivileges(Map.of("/", allBut("Pool.Allocate")));
        sync(client.post("/pools", "poolid", "x1"), 403, "Permission check failed (/pool/x1, Pool.Allocate)");
    }

    // ------------------------------------------------------------------ tasks (API2/Tasks.pm)

    /** A simulator with user alice@pve (ticket) and her token alice@pve!ci, both without Sys.Audit on the node. */
    static PveSimulator withAlice() {
        return PveSimulator.builder().timeScale(0.0005)
                .addUser("alice@pve", "alice-secret").addToken("alice@pve!ci", "alice-token", false)
                .addAcl("/vms", "alice@pve", "Administrator", true).addAcl("/storage", "alice@pve", "Administrator", true)
                .addAcl("/sdn", "alice@pve", "Administrator", true).start();
    }

    static SimClient as(PveSimulator s, String tokenId, String secret) {
        SimClient c = new SimClient(s);
        c.authorization = "PVEAPIToken=" + tokenId + "=" + secret;
        return c;
    }

    @Test
    void taskList_pagesWithTotal_filters_splitsTokenIds_andNeedsSysAuditForOthersTasks() throws Exception {
        try (PveSimulator s = withAlice()) {
            SimClient rootToken = new SimClient(s);
            SimClient alice = as(s, "alice@pve!ci", "alice-token");
            for (int id = 100; id < 103; id++) {
                rootToken.awaitTask(rootToken.post("/nodes/pve1/lxc", "vmid", "" + id, "ostemplate", TEMPLATE,
                        "storage", "local-lvm").data().asText());
            }
            String failed = rootToken.post("/nodes/pve1/lxc/999/status/start").data().asText();
            rootToken.awaitTask(failed);
            alice.awaitTask(alice.post("/nodes/pve1/lxc/100/status/start").data().asText());
            // paging: total counts every match, start/limit cut the page (newest first)
            SimClient.Resp page = rootToken.get("/nodes/pve1/tasks?start=1&limit=2");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().path("total").asInt()).isEqualTo(5);
            assertThat(page.data().size()).isEqualTo(2);
            assertThat(page.data().get(0).path("type").asText()).isEqualTo("vzstart");
            assertThat(page.data().get(0).path("status").asText())
                    .isEqualTo("Configuration file 'nodes/pve1/lxc/999.conf' does not exist");
            SimClient.Resp none = rootToken.get("/nodes/pve1/tasks?limit=0");
            assertThat(none.data().size()).isZero();
            assertThat(none.json().path("total").asInt()).isEqualTo(5);
            // a token's task: user and tokenid apart, as the index line is split by $convert_token_task
            JsonNode mine = rootToken.get("/nodes/pve1/tasks?userfilter=alice").data();
            assertThat(mine.size()).isEqualTo(1);
            assertThat(mine.get(0).path("user").asText()).isEqualTo("alice@pve");
            assertThat(mine.get(0).path("tokenid").asText()).isEqualTo("ci");
            assertThat(rootToken.get("/nodes/pve1/tasks?typefilter=vzcreate").json().path("total").asInt()).isEqualTo(3);
            assertThat(rootToken.get("/nodes/pve1/tasks?vmid=101").data().get(0).path("id").asText()).isEqualTo("101");
            JsonNode errors = rootToken.get("/nodes/pve1/tasks?errors=1").data();
            assertThat(errors.size()).isEqualTo(1);
            assertThat(errors.get(0).path("id").asText()).isEqualTo("999");
            // without Sys.Audit on /nodes/pve1 alice's token sees only its own tasks
            SimClient.Resp own = alice.get("/nodes/pve1/tasks");
            assertThat(own.json().path("total").asInt()).isEqualTo(1);
            assertThat(own.data().get(0).path("upid").asText()).contains(":alice@pve!ci:");
            sync(alice.get("/nodes/pve1/tasks/" + URLEncoder.encode(failed, StandardCharsets.UTF_8) + "/status"), 403,
                    "Permission check failed (/nodes/pve1, Sys.Audit)");
            // source=active lists running tasks with the full token id in user (read from the active file)
            String running = alice.post("/nodes/pve1/lxc/101/status/start").data().asText();
            JsonNode active = alice.get("/nodes/pve1/tasks?source=active").data();
            if (active.size() == 1) { // the task may have ended already
                assertThat(active.get(0).path("upid").asText()).isEqualTo(running);
                assertThat(active.get(0).path("status").asText()).isEqualTo("RUNNING");
                assertThat(active.get(0).path("user").asText()).isEqualTo("alice@pve!ci");
                assertThat(active.get(0).has("tokenid")).isFalse();
            }
            alice.awaitTask(running);
        }
    }

    @Test
    void unknownTaskLog_isOneLineNotAnError_malformedUpidIs400_statusOfUnknownIsNoSuchTask() throws Exception {
        String unknown = "UPID:pve1:00001234:00ABCDEF:65000000:vzstart:100:root@pam:";
        SimClient.Resp log = client.get("/nodes/pve1/tasks/" + URLEncoder.encode(unknown, StandardCharsets.UTF_8) + "/log");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json().path("total").asInt()).isEqualTo(1);
        assertThat(log.data().get(0).path("t").asText()).isEqualTo("unable to open file - No such file or directory");
        SimClient.Resp status = client.get("/nodes/pve1/tasks/" + URLEncoder.encode(unknown, StandardCharsets.UTF_8)
                + "/status");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().path("errors").path("upid").asText()).isEqualTo("no such task");
        SimClient.Resp bad = client.get("/nodes/pve1/tasks/UPID:nope/log");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").path("upid").asText()).isEqualTo("unable to parse worker upid");
    }

    @Test
    void taskDelete_isSync_theWorkerDiesWithReceivedInterrupt_aCreateCleansUp() throws Exception {
        try (PveSimulator slow = PveSimulator.builder().timeScale(1).taskDuration("vzcreate", Duration.ofMinutes(5))
                .taskDuration("vzstart", Duration.ofMinutes(5)).start()) {
            SimClient c = new SimClient(slow);
            String create = c.post("/nodes/pve1/lxc", "vmid", "100", "ostemplate", TEMPLATE, "storage", "local-lvm")
                    .data().asText();
            SimClient.Resp stop = c.delete("/nodes/pve1/tasks/" + URLEncoder.encode(create, StandardCharsets.UTF_8));
            assertThat(stop.status()).isEqualTo(200);
            assertThat(stop.data().isNull()).isTrue();
            // synchronous: the task has stopped when DELETE returns
            JsonNode st = c.get("/nodes/pve1/tasks/" + URLEncoder.encode(create, StandardCharsets.UTF_8) + "/status").data();
            assertThat(st.path("status").asText()).isEqualTo("stopped");
            assertThat(st.path("exitstatus").asText()).isEqualTo("unable to create CT 100 - received interrupt");
            assertThat(slow.containers()).isEmpty();
            assertThat(slow.volumes("pve1", "local-lvm")).isEmpty();
            String log = c.get("/nodes/pve1/tasks/" + URLEncoder.encode(create, StandardCharsets.UTF_8) + "/log").body();
            assertThat(log).contains("TASK ERROR: unable to create CT 100 - received interrupt");
            SimClient.Resp again = c.delete("/nodes/pve1/tasks/" + URLEncoder.encode(create, StandardCharsets.UTF_8));
            assertThat(again.status()).as("a finished task is left alone").isEqualTo(200);
        }
    }

    @Test
    void createLock_heldAtRequest_isSyncWithCreatePrefix_heldInTheWorker_isATaskErrorLeavingTheLockedConfig()
            throws Exception {
        sim.injectFault("POST /nodes/{node}/lxc", 1, Fault.lockHeld());
        sync(create(), 500, "unable to create CT 100 - can't lock file '/run/lock/lxc/pve-config-100.lock' - got timeout");
        assertThat(sim.tasks()).isEmpty();
        sim.injectFault("POST /nodes/{node}/lxc", 1, Fault.lockHeldInWorker());
        SimClient.Resp r = create();
        assertThat(task(r)).isEqualTo("can't lock file '/run/lock/lxc/pve-config-100.lock' - got timeout");
        assertThat(log(r.data().asText())).contains("trying to acquire lock...");
        // create_vm's realcmd removes the lock only for an existing guest: a new one keeps a config with only the lock
        assertThat(sim.container(100).orElseThrow().config()).containsExactly(Map.entry("lock", "create"));
        assertThat(sim.volumes("pve1", "local-lvm")).isEmpty();
        sim.injectFault("POST /nodes/{node}/lxc/{vmid}/status/start", 1, Fault.lockHeldInWorker());
        sim.clearLock(100);
        assertThat(task(client.post("/nodes/pve1/lxc/100/status/start")))
                .isEqualTo("can't lock file '/run/lock/lxc/pve-config-100.lock' - got timeout");
    }

    // ------------------------------------------------------------------ container list, config, formats

    @Test
    void containerList_cpusFromCoresOrCpulimitOrTheNode_pidOnlyWhenRunning() throws Exception {
        created(100);
        created(101);
        created(102);
        assertThat(client.put("/nodes/pve1/lxc/100/config", "cores", "2").status()).isEqualTo(200);
        assertThat(client.put("/nodes/pve1/lxc/101/config", "cpulimit", "1.5").status()).isEqualTo(200);
        assertThat(task(client.post("/nodes/pve1/lxc/100/status/start"))).isEqualTo("OK");
        Map<String, JsonNode> byId = new java.util.TreeMap<>();
        client.get("/nodes/pve1/lxc").data().forEach(e -> byId.put(e.path("vmid").asText(), e));
        assertThat(byId.get("100").path("cpus").asInt()).isEqualTo(2);
        assertThat(byId.get("101").path("cpus").asDouble()).isEqualTo(1.5);
        assertThat(byId.get("102").path("cpus").asInt()).as("the node's CPU count").isEqualTo(4);
        assertThat(byId.get("100").path("pid").asLong()).isPositive();
        assertThat(byId.get("101").has("pid")).isFalse();
        assertThat(byId.get("100").has("pressurememoryfull")).isTrue();
        assertThat(client.get("/nodes/pve1/lxc/100/status/current").data().path("pid").asLong())
                .isEqualTo(byId.get("100").path("pid").asLong());
        // the cluster view is RRD data: no pid there
        assertThat(client.get("/cluster/resources?type=vm").data().get(0).has("pid")).isFalse();
    }

    @Test
    void putConfig_mpStorageSize_allocatesAVolume_needsDiskAndSpacePrivileges_checksRootdirContent() throws Exception {
        created(100);
        sim.setTokenPrivileges(Map.of("/", allBut("Datastore.AllocateSpace")));
        sync(client.put("/nodes/pve1/lxc/100/config", "mp0", "local-lvm:2,mp=/data"), 403,
                "Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)");
        sim.setTokenPrivileges(Map.of("/", allBut("VM.Config.Disk")));
        sync(client.put("/nodes/pve1/lxc/100/config", "mp0", "local-lvm:2,mp=/data"), 403,
                "Permission check failed (/vms/100, VM.Config.Disk)");
        sim.setTokenPrivileges(Map.of("/", PveSimulator.ALL_PRIVILEGES));
        sync(client.put("/nodes/pve1/lxc/100/config", "mp0", "backup:2,mp=/data"), 500,
                "storage 'backup' does not allow content type 'rootdir' (Container)");
        // stopped: applied at once, the volume allocated as create_disks names it
        assertThat(client.put("/nodes/pve1/lxc/100/config", "mp0", "local-lvm:2,mp=/data").status()).isEqualTo(200);
        assertThat(sim.container(100).orElseThrow().config().get("mp0")).isEqualTo("local-lvm:vm-100-disk-1,mp=/data,size=2G");
        assertThat(sim.volumes("pve1", "local-lvm")).contains("local-lvm:vm-100-disk-1");
        // running: a new mount point is hot-plugged (allocated now); replacing one stays pending, unallocated
        assertThat(task(client.post("/nodes/pve1/lxc/100/status/start"))).isEqualTo("OK");
        assertThat(client.put("/nodes/pve1/lxc/100/config", "mp1", "local-lvm:1,mp=/b").status()).isEqualTo(200);
        assertThat(sim.container(100).orElseThrow().config().get("mp1")).isEqualTo("local-lvm:vm-100-disk-2,mp=/b,size=1G");
        assertThat(client.put("/nodes/pve1/lxc/100/config", "mp0", "local-lvm:3,mp=/data").status()).isEqualTo(200);
        assertThat(sim.volumes("pve1", "local-lvm")).hasSize(3);
        JsonNode pending = client.get("/nodes/pve1/lxc/100/pending").data();
        JsonNode mp0 = null;
        for (JsonNode e : pending) {
            if (e.path("key").asText().equals("mp0")) {
                mp0 = e;
            }
        }
        assertThat(mp0).isNotNull();
        assertThat(mp0.path("pending").asText()).isEqualTo("local-lvm:3,mp=/data");
        // at the next stop the pending volume is allocated and the replaced one becomes unused0
        assertThat(task(client.post("/nodes/pve1/lxc/100/status/stop"))).isEqualTo("OK");
        Map<String, String> conf = sim.container(100).orElseThrow().config();
        assertThat(conf.get("mp0")).isEqualTo("local-lvm:vm-100-disk-3,mp=/data,size=3G");
        assertThat(conf.get("unused0")).isEqualTo("local-lvm:vm-100-disk-1");
    }

    @Test
    void tarTemplateListsAsFormatTar_andCreatesAContainer_tarBackupRestores() throws Exception {
        try (PveSimulator s = PveSimulator.builder().timeScale(0.0005)
                .addStoredTemplate("pve1", "local", "debian-12-standard_12.7-1_amd64.tar")
                .addStoredTemplate("pve1", "local", PveSimulator.DEFAULT_STORED_TEMPLATE).start()) {
            SimClient c = new SimClient(s);
            Map<String, String> formats = new java.util.TreeMap<>();
            c.get("/nodes/pve1/storage/local/content?content=vztmpl").data()
                    .forEach(e -> formats.put(e.path("volid").asText(), e.path("format").asText()));
            assertThat(formats).containsEntry("local:vztmpl/debian-12-standard_12.7-1_amd64.tar", "tar")
                    .containsEntry("local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE, "tzst");
            String upid = c.post("/nodes/pve1/lxc", "vmid", "100", "ostemplate",
                    "local:vztmpl/debian-12-standard_12.7-1_amd64.tar", "storage", "local-lvm").data().asText();
            assertThat(c.awaitTask(upid).path("exitstatus").asText()).isEqualTo("OK");
            assertThat(s.container(100).orElseThrow().config().get("ostype")).isEqualTo("debian");
            String dump = c.post("/nodes/pve1/vzdump", "vmid", "100", "storage", "local", "compress", "0").data().asText();
            assertThat(c.awaitTask(dump).path("exitstatus").asText()).isEqualTo("OK");
            JsonNode backup = c.get("/nodes/pve1/storage/local/content?content=backup").data().get(0);
            assertThat(backup.path("volid").asText()).endsWith(".tar");
            assertThat(backup.path("format").asText()).isEqualTo("tar");
            String restore = c.post("/nodes/pve1/lxc", "vmid", "101", "ostemplate", backup.path("volid").asText(),
                    "restore", "1", "storage", "local-lvm").data().asText();
            assertThat(c.awaitTask(restore).path("exitstatus").asText()).isEqualTo("OK");
        }
    }

    // ------------------------------------------------------------------ pveproxy connections (AnyEvent.pm)

    /** Reads one response head and its Content-Length body from a kept-alive connection. */
    static String readResponse(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("connection closed after " + head);
            }
            head.append((char) b);
        }
        java.util.regex.Matcher len = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (len.find()) {
            in.readNBytes(Integer.parseInt(len.group(1)));
        }
        return head.toString();
    }

    @Test
    void keepAlive_theHundredthRequestClosesTheConnection_anIdleOneClosesAfterFiveSeconds() throws Exception {
        javax.net.ssl.SSLSocketFactory tls = SimClient.sslFor(sim.caPem()).getSocketFactory();
        String request = "GET /api2/json/version HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                + sim.authorizationHeader() + "\r\n\r\n";
        try (java.net.Socket s = tls.createSocket("127.0.0.1", sim.port())) {
            s.setSoTimeout(30_000);
            for (int i = 1; i <= 100; i++) {
                s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                String head = readResponse(s.getInputStream());
                assertThat(head).startsWith("HTTP/1.1 200");
                if (i < 100) {
                    assertThat(head).as("request %d", i).doesNotContainIgnoringCase("Connection: close");
                    // AnyEvent.pm: push_header('Connection' => 'Keep-Alive') while the connection stays
                    assertThat(head).as("request %d", i).contains("Connection: Keep-Alive");
                } else {
                    assertThat(head).as("request 100").containsIgnoringCase("Connection: close");
                }
            }
            assertThat(s.getInputStream().read()).as("closed after the 100th answer").isEqualTo(-1);
        }
        try (java.net.Socket s = tls.createSocket("127.0.0.1", sim.port())) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            readResponse(s.getInputStream());
            long idleFrom = System.nanoTime();
            assertThat(s.getInputStream().read()).as("an idle connection is closed").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - idleFrom)).as("not before the 5-s idle timeout")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(4_500));
        }
    }
}
