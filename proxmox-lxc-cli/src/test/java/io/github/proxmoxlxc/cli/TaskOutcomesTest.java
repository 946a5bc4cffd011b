package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.testsupport.PveExtension;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** list output, and the exit code of an overdue task (8), on a simulator of their own. */
class TaskOutcomesTest {
    /** Real-time starts that take an hour; everything else at once. */
    @RegisterExtension
    static final PveExtension PVE = PveExtension.configured(b -> b.seed(11).timeScale(1)
            .taskDuration("vzcreate", Duration.ZERO).taskDuration("vzstart", Duration.ofHours(1))
            .taskDuration("vzstop", Duration.ZERO).authFailureDelay(Duration.ZERO));

    @BeforeAll
    static void containers(ProxmoxClient pve) {
        for (int vmid : new int[] {110, 111}) {
            pve.tasks().await(pve.node("pve1").containers().create(Map.of("vmid", "" + vmid, "hostname",
                    "ct" + vmid, "ostemplate", "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE,
                    "rootfs", "local-lvm:2", "tags", "batch")), Duration.ofSeconds(30));
        }
    }

    private static CliRunner cli() {
        return SnapshotCommandTest.cli(PVE.simulator());
    }

    @Test
    void list_humanAndJson() throws Exception {
        CliRunner.Result human = cli().run("list");
        assertThat(human.code()).isZero();
        Golden.assertMatches("list.txt", human.both());
        CliRunner.Result json = cli().run("list", "--json");
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.get("containers").findValuesAsText("name")).containsExactly("ct110", "ct111");
        Golden.assertMatches("list.json", json.out());
    }

    @Test
    void list_onTheEmbeddedSimulator_saysSoFirst() {
        CliRunner.Result r = new CliRunner().run("list");
        assertThat(r.code()).isZero();
        Golden.assertMatches("list-embedded.txt", r.both());
    }

    @Test
    void startThatDoesNotFinishInTime_isExit8() throws Exception {
        CliRunner.Result r = cli().run("start", "110", "--timeout", "300ms", "--json");
        assertThat(r.code()).isEqualTo(8);
        assertThat(new ObjectMapper().readTree(r.out()).get("errors").get(0).get("key").asText()).isEqualTo("timeout");
    }
}
