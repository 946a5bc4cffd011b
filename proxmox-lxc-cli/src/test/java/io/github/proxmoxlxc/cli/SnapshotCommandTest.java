package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.core.client.Upid;
import io.github.proxmoxlxc.core.testsupport.PveExtension;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code snapshot create|list|rollback|delete} against a simulator given by PVE_URL. */
class SnapshotCommandTest {
    @RegisterExtension
    static final PveExtension PVE = PveExtension.configured(b -> b.timeScale(0).seed(5));

    static void container(PveSimulator sim, ProxmoxClient pve, int vmid, String hostname, boolean start) {
        Upid create = pve.node("pve1").containers().create(Map.of("vmid", "" + vmid, "hostname", hostname,
                "ostemplate", "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE, "rootfs", "local-lvm:4",
                "memory", "512", "net0", "name=eth0,bridge=vmbr0,ip=dhcp"));
        pve.tasks().await(create, Duration.ofSeconds(30));
        if (start) {
            pve.tasks().await(pve.node("pve1").container(vmid).start(), Duration.ofSeconds(30));
        }
    }

    static CliRunner cli(PveSimulator sim) {
        return new CliRunner().env(Map.of("PVE_URL", sim.baseUrl(), "PVE_TOKEN_ID", sim.tokenId(),
                "PVE_TOKEN_SECRET", sim.tokenSecret(), "PVE_FINGERPRINT", sim.fingerprint()));
    }

    /** Snapshot times come from the wall clock. */
    static String times(String s) {
        return s.replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ", "<time>");
    }

    @Test
    void snapshotLifecycle_printsTreeAndDocuments(PveSimulator sim, ProxmoxClient pve) throws Exception {
        container(sim, pve, 401, "snap-web", true);
        CliRunner.Result create = cli(sim).run("snapshot", "create", "401", "before", "--description", "pre-upgrade");
        assertThat(create.code()).isZero();
        Golden.assertMatches("snapshot-create.txt", create.both());
        CliRunner.Result second = cli(sim).run("snapshot", "create", "401", "after", "--json");
        assertThat(second.code()).isZero();
        Golden.assertMatches("snapshot-create.json", second.out());

        CliRunner.Result list = cli(sim).run("snapshot", "list", "401");
        assertThat(list.code()).isZero();
        Golden.assertMatches("snapshot-list.txt", times(list.both()));
        CliRunner.Result listJson = cli(sim).run("snapshot", "list", "401", "--json");
        JsonNode doc = new ObjectMapper().readTree(listJson.out());
        assertThat(doc.get("current").get("parent").asText()).isEqualTo("after");
        Golden.assertMatches("snapshot-list.json", times(listJson.out()));

        CliRunner.Result rollback = cli(sim).run("snapshot", "rollback", "401", "before", "--start");
        assertThat(rollback.code()).isZero();
        Golden.assertMatches("snapshot-rollback.txt", rollback.both());
        assertThat(sim.container(401).orElseThrow().status()).isEqualTo("running");
        CliRunner.Result delete = cli(sim).run("snapshot", "delete", "401", "before", "--json");
        assertThat(delete.code()).isZero();
        Golden.assertMatches("snapshot-delete.json", delete.out());
        assertThat(sim.locks()).doesNotContainKey(401);
    }

    @Test
    void list_showsTheStateOfAnUnfinishedSnapshot_asProxmoxSentIt() throws Exception {
        try (PveSimulator slow = PveSimulator.builder().timeScale(0.001)
                .taskDuration("vzdelsnapshot", Duration.ofHours(1)).start();
             ProxmoxClient pve = ProxmoxClient.builder().baseUrl(slow.baseUrl())
                     .apiToken(slow.tokenId(), slow.tokenSecret()).trust(Trust.fingerprints(slow.fingerprint()))
                     .build()) {
            container(slow, pve, 403, "snap-deleting", false);
            pve.tasks().await(pve.node("pve1").container(403).snapshots().create("going"), Duration.ofSeconds(30));
            pve.node("pve1").container(403).snapshots().delete("going", false);

            CliRunner.Result list = cli(slow).run("snapshot", "list", "403");
            assertThat(list.code()).isZero();
            assertThat(list.out()).containsPattern("going +\\S+ \\S+ +\\[delete\\]\n");
            CliRunner.Result json = cli(slow).run("snapshot", "list", "403", "--json");
            assertThat(new ObjectMapper().readTree(json.out()).get("snapshots").get(0).get("state").asText())
                    .isEqualTo("delete");
        }
    }

    @Test
    void existingName_isATaskFailureWithProxmoxsText(PveSimulator sim, ProxmoxClient pve) {
        container(sim, pve, 402, "snap-twice", false);
        assertThat(cli(sim).run("snapshot", "create", "402", "once").code()).isZero();
        CliRunner.Result again = cli(sim).run("snapshot", "create", "402", "once", "--json");
        assertThat(again.code()).isNotZero();
        Golden.assertMatches("snapshot-create-twice.json", again.out());
    }

    @Test
    void reservedName_isInvalidInput_beforeAnyRequest(PveSimulator sim) {
        CliRunner.Result r = cli(sim).run("snapshot", "create", "402", "current");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("NAME='current'", "reserved");
    }

    @Test
    void missingSubcommand_isAUsageError(PveSimulator sim) {
        CliRunner.Result r = cli(sim).run("snapshot");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("missing COMMAND");
    }
}
