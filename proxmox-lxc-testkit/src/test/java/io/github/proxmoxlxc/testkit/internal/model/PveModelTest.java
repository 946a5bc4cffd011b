package io.github.proxmoxlxc.testkit.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.testkit.ContainerState;
import io.github.proxmoxlxc.testkit.TaskState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The plain-Java model on a manual clock: no HTTP, no threads, no sleeps. */
class PveModelTest {

    static final String TPL = "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst";
    static final String TOKEN = "root@pam!ci";
    final AtomicLong nanos = new AtomicLong();
    final PveModel model = model(7);

    PveModel model(long seed) {
        PveModel m = new PveModel(new ModelSettings(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                nanos::get, seed, 1.0, ModelSettings.DEFAULT_DURATIONS));
        m.acl(new Acl(TOKEN, Acl.allOnRoot()));
        m.addNode("pve1", 4, 8L << 30);
        m.addStorage("pve1", new Storage("local", "dir", Set.of("vztmpl", "iso"), 100L << 30, 0, false, true, true));
        m.addStorage("pve1", new Storage("local-lvm", "lvmthin", Set.of("rootdir"), 20L << 30, 0, false, true, true));
        m.addAplinfo("alpine-3.22-default_20250617_amd64.tar.xz");
        m.addStoredTemplate("pve1", "local", "debian-12-standard_12.7-1_amd64.tar.zst", 100L << 20);
        return m;
    }

    void elapse(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    static Map<String, String> p(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    String create(int vmid, String... extra) {
        Map<String, String> params = p("vmid", String.valueOf(vmid), "ostemplate", TPL, "storage", "local-lvm");
        params.putAll(p(extra));
        return model.containers().create("pve1", TOKEN, params);
    }

    TaskState task(String upid) {
        return model.taskStates().stream().filter(t -> t.upid().equals(upid)).findFirst().orElseThrow();
    }

    ContainerState ct(int vmid) {
        return model.containerStates().stream().filter(c -> c.vmid() == vmid).findFirst().orElseThrow();
    }

    @Test
    void nextidIsTheLowestFreeIdFrom100AsAString() {
        assertThat(model.views().nextid(null)).isEqualTo("100");
        create(100);
        create(102);
        assertThat(model.views().nextid(null)).isEqualTo("101");
        assertThatThrownBy(() -> model.views().nextid(100)).isInstanceOfSatisfying(PveError.class,
                e -> assertThat(e.errors()).containsEntry("vmid", "VM 100 already exists"));
    }

    @Test
    void createHoldsLockCreateUntilTheTaskEnds() {
        String upid = create(100, "rootfs", "local-lvm:8", "net0", "name=eth0,bridge=vmbr0,ip=dhcp");
        assertThat(upid).matches("UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:vzcreate:100:root@pam!ci:");
        assertThat(model.locks()).containsEntry(100, "create");
        assertThat(task(upid).running()).isTrue();
        elapse(Duration.ofSeconds(29));
        assertThat(model.locks()).containsEntry(100, "create");
        elapse(Duration.ofSeconds(1));
        assertThat(model.locks()).isEmpty();
        assertThat(task(upid).exitStatus()).contains("OK");
        assertThat(task(upid).log()).last().isEqualTo("TASK OK");
        ContainerState c = ct(100);
        assertThat(c.config()).containsEntry("rootfs", "local-lvm:vm-100-disk-0,size=8G")
                .containsEntry("unprivileged", "1").containsEntry("ostype", "debian");
        assertThat(c.config().get("net0")).matches("name=eth0,bridge=vmbr0,hwaddr=BC:24:11(:[0-9A-F]{2}){3},ip=dhcp,type=veth");
        assertThat(model.storageUsage("pve1", "local-lvm")[0]).isEqualTo(8L << 30);
    }

    @Test
    void creatingAnExistingVmidFailsWithProxmoxText() {
        create(100);
        assertThatThrownBy(() -> create(100)).isInstanceOfSatisfying(PveError.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.getMessage()).isEqualTo("CT 100 already exists on node 'pve1'");
        });
    }

    @Test
    void onlyThickLvmChecksFreeSpaceInsideTheTaskAndLeavesNothingBehind() {
        // LVMPlugin alloc_lvm_image compares the free bytes with the size in KiB, as Proxmox does
        model.addStorage("pve1", new Storage("thick", "lvm", Set.of("rootdir"), 1L << 20, 0, false, true, true));
        String upid = create(100, "rootfs", "thick:8");
        assertThat(ct(100).lock()).contains("create");
        elapse(Duration.ofMinutes(1));
        assertThat(task(upid).exitStatus().orElseThrow())
                .isEqualTo("unable to create CT 100 - not enough free space (1048576 < 8388608)");
        assertThat(model.containerStates()).isEmpty();
        assertThat(model.storageUsage("pve1", "thick")[0]).isZero();
        String thin = create(101, "rootfs", "local-lvm:64");
        elapse(Duration.ofMinutes(1));
        assertThat(task(thin).exitStatus()).contains("OK");
    }

    @Test
    void startAndStopFollowProxmoxPreconditions() {
        create(100, "net0", "name=eth0,bridge=vmbr0,ip=10.0.0.5/24");
        elapse(Duration.ofMinutes(1));
        assertThatThrownBy(() -> model.containers().stop("pve1", 100, TOKEN, p(), "vzstop"))
                .hasMessage("CT 100 not running");
        String start = model.containers().start("pve1", 100, TOKEN, p());
        elapse(Duration.ofSeconds(2));
        assertThat(task(start).succeeded()).isTrue();
        assertThat(ct(100).status()).isEqualTo("running");
        assertThat(ct(100).ipAddresses()).containsExactly("10.0.0.5/24");
        assertThatThrownBy(() -> model.containers().start("pve1", 100, TOKEN, p())).hasMessage("CT 100 already running");
        assertThatThrownBy(() -> model.containers().destroy("pve1", 100, TOKEN, p()))
                .hasMessage("unable to destroy CT 100 - container is running");
        model.containers().stop("pve1", 100, TOKEN, p(), "vzshutdown");
        elapse(Duration.ofSeconds(4));
        assertThat(ct(100).status()).isEqualTo("stopped");
        assertThat(ct(100).ipAddresses()).isEmpty();
    }

    @Test
    void startOfALockedContainerFailsInsideTheTask() {
        create(100);
        elapse(Duration.ofMinutes(1));
        model.setLock(100, "backup");
        String upid = model.containers().start("pve1", 100, TOKEN, p());
        elapse(Duration.ofSeconds(5));
        assertThat(task(upid).exitStatus()).contains("CT is locked (backup)");
        assertThat(task(upid).log()).last().isEqualTo("TASK ERROR: CT is locked (backup)");
        assertThat(ct(100).status()).isEqualTo("stopped");
    }

    @Test
    void destroyRespectsProtectionAndFreesVolumes() {
        create(100, "protection", "1");
        elapse(Duration.ofMinutes(1));
        assertThatThrownBy(() -> model.containers().destroy("pve1", 100, TOKEN, p()))
                .hasMessage("can't remove CT 100 - protection mode enabled");
        model.containers().updateConfig("pve1", 100, TOKEN, p("delete", "protection"), k -> true);
        String upid = model.containers().destroy("pve1", 100, TOKEN, p());
        assertThat(model.locks()).containsEntry(100, "destroyed");
        elapse(Duration.ofSeconds(2));
        assertThat(task(upid).succeeded()).isTrue();
        assertThat(model.containerStates()).isEmpty();
        assertThat(model.volumes("pve1", "local-lvm")).isEmpty();
    }

    @Test
    void tokensAreNotRootAtPam() {
        assertThatThrownBy(() -> create(100, "dev0", "/dev/ttyUSB0")).isInstanceOfSatisfying(PveError.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage()).isEqualTo(
                    "Permission check failed (configuring device passthrough is only allowed for root@pam)");
        });
        assertThatThrownBy(() -> create(100, "features", "nesting=1,fuse=1"))
                .hasMessage("Permission check failed (changing feature flags (except nesting) is only allowed for root@pam)");
        create(100, "features", "nesting=1");
        elapse(Duration.ofMinutes(1));
        assertThatThrownBy(() -> model.containers().updateConfig("pve1", 100, TOKEN, p("mp0", "/srv,mp=/srv"), k -> true))
                .hasMessage("Permission check failed (mount point type bind is only allowed for root@pam)");
        model.containers().updateConfig("pve1", 100, "root@pam", p("mp0", "/srv,mp=/srv"), k -> true);
        assertThat(ct(100).config()).containsEntry("mp0", "/srv,mp=/srv");
    }

    @Test
    void configDigestGuardsAgainstConcurrentChanges() {
        create(100);
        elapse(Duration.ofMinutes(1));
        String digest = (String) model.containerViews().config("pve1", 100, k -> null).get("digest");
        model.containers().updateConfig("pve1", 100, TOKEN, p("memory", "1024", "digest", digest), k -> true);
        assertThatThrownBy(() -> model.containers().updateConfig("pve1", 100, TOKEN,
                p("memory", "2048", "digest", digest), k -> true))
                .hasMessage("detected modified configuration - file changed by other user? Try again.");
    }

    @Test
    void armedTaskFailureStopsAtTheGivenStep() {
        model.armTaskFailure(new PveModel.TaskFailure(2, "unable to create CT 100 - tar: write error"));
        String upid = create(100);
        elapse(Duration.ofMinutes(1));
        TaskState t = task(upid);
        assertThat(t.exitStatus()).contains("unable to create CT 100 - tar: write error");
        assertThat(t.log()).hasSize(3).last().isEqualTo("TASK ERROR: unable to create CT 100 - tar: write error");
        assertThat(model.containerStates()).isEmpty();
        assertThat(model.locks()).isEmpty();
    }

    @Test
    void tasksCompleteInEndTimeOrderSoStartAfterCreateSeesTheUnlockedConfig() {
        create(100, "start", "1");
        elapse(Duration.ofMinutes(5));
        List<TaskState> tasks = model.taskStates();
        assertThat(tasks).extracting(TaskState::type).containsExactly("vzcreate", "vzstart");
        assertThat(tasks).allMatch(TaskState::succeeded);
        assertThat(ct(100).status()).isEqualTo("running");
    }

    @Test
    void runningTaskLogGrowsWithTime() {
        String upid = create(100);
        assertThat(task(upid).log()).isEmpty();
        assertThat(((List<?>) model.taskLog("pve1", upid, 0, 0)[0])).hasSize(1);
        elapse(Duration.ofSeconds(15));
        assertThat(task(upid).log()).isNotEmpty().doesNotContain("TASK OK");
    }

    @Test
    void sameSeedGivesSameUpidsAndMacs() {
        AtomicLong sameTime = new AtomicLong();
        PveModel a = model(42);
        PveModel b = model(42);
        Map<String, String> params = p("vmid", "100", "ostemplate", TPL, "storage", "local-lvm", "net0", "name=eth0");
        String ua = a.containers().create("pve1", TOKEN, new HashMap<>(params));
        String ub = b.containers().create("pve1", TOKEN, new HashMap<>(params));
        assertThat(ua).isEqualTo(ub);
        assertThat(a.containerStates().get(0).config().get("net0")).isEqualTo(b.containerStates().get(0).config().get("net0"));
        assertThat(sameTime.get()).isZero();
    }

    @Test
    void unknownTaskIsAParameterError() {
        assertThatThrownBy(() -> model.taskStatus("pve1", "UPID:pve1:00000001:00000001:00000001:vzstart:100:root@pam:"))
                .isInstanceOfSatisfying(PveError.class, e -> assertThat(e.errors()).containsEntry("upid", "no such task"));
    }

    @Test
    void aplinfoDownloadPutsTheTemplateIntoStorageWhenTheTaskEnds() {
        String upid = model.views().download("pve1", "local", "alpine-3.22-default_20250617_amd64.tar.xz", TOKEN, 3L << 20);
        assertThat(model.volumes("pve1", "local")).doesNotContain("local:vztmpl/alpine-3.22-default_20250617_amd64.tar.xz");
        elapse(Duration.ofSeconds(20));
        assertThat(task(upid).succeeded()).isTrue();
        assertThat(model.volumes("pve1", "local")).contains("local:vztmpl/alpine-3.22-default_20250617_amd64.tar.xz");
        assertThatThrownBy(() -> model.views().download("pve1", "local-lvm", "alpine-3.22-default_20250617_amd64.tar.xz",
                TOKEN, 1)).hasMessage("storage 'local-lvm' does not support templates");
    }

    @Test
    void rawLxcLinesAreReturnedReadOnlyByConfig() {
        create(100);
        model.addRawLxc(100, "lxc.idmap", "u 0 100000 65536");
        Map<String, Object> cfg = model.containerViews().config("pve1", 100, k -> null);
        assertThat(cfg.get("lxc")).isEqualTo(List.of(List.of("lxc.idmap", "u 0 100000 65536")));
    }

    @Test
    void cloneLocksTheSourceWithDiskSoASecondCloneFails() {
        create(100, "rootfs", "local-lvm:2");
        elapse(Duration.ofMinutes(1));
        model.containers().convertToTemplate("pve1", 100, TOKEN);
        elapse(Duration.ofSeconds(1));
        assertThat(ct(100).config()).containsEntry("template", "1")
                .containsEntry("rootfs", "local-lvm:base-100-disk-0,size=2G");
        String upid = model.containers().cloneContainer("pve1", 100, TOKEN, p("newid", "101", "hostname", "copy"));
        assertThat(model.locks()).containsEntry(100, "disk").containsEntry(101, "create");
        assertThatThrownBy(() -> model.containers().cloneContainer("pve1", 100, TOKEN, p("newid", "102")))
                .hasMessage("CT is locked (disk)");
        elapse(Duration.ofSeconds(1));
        assertThat(task(upid).succeeded()).isTrue();
        assertThat(model.locks()).isEmpty();
        assertThat(ct(101).config()).containsEntry("hostname", "copy").doesNotContainKey("template")
                .containsEntry("rootfs", "local-lvm:base-100-disk-0/vm-101-disk-0,size=2G");
    }

    @Test
    void missingContainerNamesTheConfigFile() {
        assertThatThrownBy(() -> model.containerViews().statusCurrent("pve1", 555))
                .hasMessage("Configuration file 'nodes/pve1/lxc/555.conf' does not exist");
    }
}
