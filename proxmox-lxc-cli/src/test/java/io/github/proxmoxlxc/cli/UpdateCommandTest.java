package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.testkit.ContainerCommand;
import io.github.proxmoxlxc.testkit.ContainerReply;
import io.github.proxmoxlxc.testkit.NodeSimulator;
import io.github.proxmoxlxc.testkit.PveSimulator;
import io.github.proxmoxlxc.testkit.StorageDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code update VMID} against the API simulator and its node simulator (SSH): snapshot, update in
 * the container with {@code pct exec}, verify, rollback, and the refusal on a storage without
 * snapshots.
 */
class UpdateCommandTest {
    private static PveSimulator sim;
    private static NodeSimulator nodes;
    private static ProxmoxClient pve;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sim = PveSimulator.builder().timeScale(0).seed(7)
                .addStorage("pve1", StorageDefinition.builder().id("local").type("dir")
                        .content(Set.of("vztmpl", "backup", "iso", "rootdir")).totalBytes(100L << 30).build())
                .addStorage("pve1", StorageDefinition.builder().id("local-lvm").type("lvmthin")
                        .content(Set.of("rootdir", "images")).totalBytes(200L << 30).build())
                .addStoredTemplate("pve1", "local", PveSimulator.DEFAULT_STORED_TEMPLATE).start();
        nodes = NodeSimulator.builder(sim)
                .onContainerCommand("dist-upgrade", ContainerReply.output("Setting up app (2.0) ...\n"))
                .onContainerCommand("is-active", ContainerReply.exit(3).withStdout("inactive\n"))
                .onContainerCommand("proxmox-lxc-update", ContainerReply.output("Updated successfully!\n"))
                .start();
        pve = ProxmoxClient.builder().baseUrl(sim.baseUrl()).apiToken(sim.tokenId(), sim.tokenSecret())
                .trust(Trust.fingerprints(sim.fingerprint())).build();
    }

    @AfterAll
    static void stop() {
        pve.close();
        nodes.close();
        sim.close();
    }

    private static void container(int vmid, String storage, String ostype) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vmid", Integer.toString(vmid));
        p.put("hostname", "upd-" + vmid);
        p.put("ostemplate", "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE);
        p.put("ostype", ostype);
        p.put("rootfs", storage + ":4");
        p.put("net0", "name=eth0,bridge=vmbr0,ip=dhcp");
        pve.tasks().await(pve.node("pve1").containers().create(p), Duration.ofSeconds(30));
        pve.tasks().await(pve.node("pve1").container(vmid).start(), Duration.ofSeconds(30));
    }

    private static CliRunner cli() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PVE_URL", sim.baseUrl());
        env.put("PVE_TOKEN_ID", sim.tokenId());
        env.put("PVE_TOKEN_SECRET", sim.tokenSecret());
        env.put("PVE_FINGERPRINT", sim.fingerprint());
        env.put("PVE_SSH", "pve1=" + nodes.target("pve1"));
        env.put("PVE_SSH_KEY", nodes.keyFile().toString());
        env.put("PVE_SSH_FINGERPRINT", nodes.fingerprint("pve1"));
        return new CliRunner().env(env);
    }

    /** Snapshot names carry the wall time. */
    private static String snap(String s) {
        return s.replaceAll("pre-update-\\d{8}-\\d{6}(-\\d+)?", "pre-update-<time>");
    }

    private static List<ContainerCommand> commands(int vmid) {
        return nodes.containerCommands().stream().filter(c -> c.vmid() == vmid).toList();
    }

    @Test
    void osUpdate_snapshotsFirst_runsAptInTheContainer_andKeepsTheSnapshot() {
        container(501, "local-lvm", "debian");
        CliRunner.Result r = cli().run("update", "501");
        assertThat(r.code()).as(r.both()).isZero();
        Golden.assertMatches("update.txt", snap(r.both()));
        assertThat(commands(501)).singleElement().satisfies(c -> assertThat(String.join(" ", c.command()))
                .contains("apt-get update -q && apt-get -y -q").contains("dist-upgrade"));
        assertThat(pve.node("pve1").container(501).snapshots().list().snapshots()).hasSize(1);

        CliRunner.Result json = cli().run("update", "501", "--remove-snapshot", "--json");
        assertThat(json.code()).as(json.both()).isZero();
        Golden.assertMatches("update.json", snap(json.out()));
        assertThat(sim.locks()).doesNotContainKey(501);
    }

    @Test
    void failedVerify_rollsBack_exit9_withTheStepAndSnapshotInTheErrorDocument() {
        container(502, "local-lvm", "debian");
        CliRunner.Result r = cli().run("update", "502", "--verify", "systemctl is-active app", "--json");
        assertThat(r.code()).as(r.both()).isEqualTo(ExitCodes.ROLLED_BACK);
        Golden.assertMatches("update-rolled-back.json", snap(r.out()));
        assertThat(r.err()).contains("rolled back to snapshot pre-update-").contains("inactive");
        assertThat(sim.tasks()).anyMatch(t -> t.type().equals("vzrollback") && t.id().equals("502") && t.succeeded());
        assertThat(sim.container(502).orElseThrow().status()).isEqualTo("running");
        assertThat(pve.node("pve1").container(502).snapshots().list().snapshots()).isEmpty();
    }

    @Test
    void storageWithoutSnapshots_isRefused_untilNoSnapshotIsGiven() {
        container(503, "local", "alpine");
        CliRunner.Result r = cli().run("update", "503");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        Golden.assertMatches("update-no-snapshots.txt", r.both());
        assertThat(commands(503)).isEmpty();

        CliRunner.Result forced = cli().run("update", "503", "--no-snapshot");
        assertThat(forced.code()).as(forced.both()).isZero();
        assertThat(forced.both()).contains("snapshot: skipped").contains("Updated OS packages (apk)");
        assertThat(commands(503)).singleElement().satisfies(c -> assertThat(c.command()).contains("apk -U upgrade"));
    }

    @Test
    void appUpdate_sendsTheScriptFromTheScriptsDir_andRunsItSilently() throws Exception {
        container(504, "local-lvm", "debian");
        Path scripts = dir.resolve("ProxmoxVE");
        Files.createDirectories(scripts.resolve("ct"));
        Files.writeString(scripts.resolve("ct/jellyfin.sh"), "#!/usr/bin/env bash\necho updating jellyfin\n");
        CliRunner.Result r = cli().run("update", "504", "--app", "Jellyfin", "--scripts-dir", scripts.toString());
        assertThat(r.code()).as(r.both()).isZero();
        assertThat(r.out()).contains("Updated app jellyfin in container 504");
        assertThat(Files.readString(nodes.containerFile(504, "/root/.proxmox-lxc-update.sh")))
                .isEqualTo("#!/usr/bin/env bash\necho updating jellyfin\n");
        assertThat(commands(504)).singleElement().satisfies(c -> {
            assertThat(c.environment()).containsEntry("PHS_SILENT", "1").containsEntry("CTID", "504");
            assertThat(c.command()).containsExactly("bash", "/root/.proxmox-lxc-update.sh");
        });

        CliRunner.Result unknown = cli().run("update", "504", "--app", "jelyfin");
        assertThat(unknown.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(unknown.err()).contains("--app").contains("jellyfin");
        CliRunner.Result missing = cli().run("update", "504", "--app", "jellyfin", "--scripts-dir", dir.toString());
        assertThat(missing.err()).contains("has no ct/jellyfin.sh");
    }

    @Test
    void withoutSsh_theUpdateSaysWhatIsNeeded() {
        CliRunner.Result r = new CliRunner().env(Map.of("PVE_URL", sim.baseUrl(), "PVE_TOKEN_ID", sim.tokenId(),
                "PVE_TOKEN_SECRET", sim.tokenSecret(), "PVE_FINGERPRINT", sim.fingerprint())).run("update", "501");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("--ssh").contains("PVE_SSH");
    }
}
