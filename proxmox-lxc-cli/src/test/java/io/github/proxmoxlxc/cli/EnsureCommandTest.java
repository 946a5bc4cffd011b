package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.testsupport.PveExtension;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code ensure}: create when missing, converge a drifted container, report what needs a re-create. */
class EnsureCommandTest {
    @RegisterExtension
    static final PveExtension PVE = PveExtension.configured(b -> b.timeScale(0).seed(11));
    private static PveSimulator sim;
    private static ProxmoxClient pve;

    @BeforeAll
    static void connect(PveSimulator started, ProxmoxClient client) {
        sim = started;
        pve = client;
    }

    /** As root@pam: the build.func defaults include keyctl, which only root@pam may set. */
    private static CliRunner cli() {
        return new CliRunner().env(Map.of("PVE_URL", sim.baseUrl(), "PVE_USER", "root@pam",
                "PVE_PASSWORD", sim.rootPassword(), "PVE_FINGERPRINT", sim.fingerprint()));
    }

    private static CliRunner.Result ensure(String... extra) {
        String[] base = {"ensure", "--set", "var_hostname=web1", "--set", "var_ram=1024", "--set", "var_tags=prod"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return cli().run(all);
    }

    @Test
    void createsWhenMissing_convergesADriftedContainer_thenHasNothingToDo() throws Exception {
        CliRunner.Result created = ensure();
        assertThat(created.code()).as(created.both()).isZero();
        assertThat(created.out()).contains("Created container").contains("(it did not exist)");
        int vmid = sim.containers().get(0).vmid();
        Container ct = pve.node("pve1").container(vmid);

        ct.updateConfig(Map.of("memory", "2048", "tags", "other", "hostname", "renamed"));
        CliRunner.Result converged = ensure();
        assertThat(converged.code()).as(converged.both()).isZero();
        Golden.assertMatches("ensure-converged.txt", converged.out());
        assertThat(ct.config().get("memory")).contains("1024");
        assertThat(ct.config().get("hostname")).contains("web1");
        assertThat(sim.containers()).hasSize(1);

        CliRunner.Result again = ensure("--json");
        assertThat(again.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(again.out());
        assertThat(doc.get("created").asBoolean()).isFalse();
        assertThat(doc.get("converged").asBoolean()).isTrue();
        assertThat(doc.get("drift")).isEmpty();
        assertThat(ensure().out()).contains("matches the configuration; nothing to do.");
    }

    @Test
    void whatNeedsARecreate_isReportedNotDone_exit10_andCheckChangesNothing() {
        CliRunner.Result created = cli().run("ensure", "--vmid", "777", "--set",
                "var_hostname=db1", "--set", "var_ram=512");
        assertThat(created.code()).as(created.both()).isZero();
        String before = sim.configFile(777).orElseThrow();

        CliRunner.Result check = cli().run("ensure", "--vmid", "777", "--set",
                "var_hostname=db1", "--set", "var_ram=4096", "--check");
        assertThat(check.code()).isEqualTo(ExitCodes.NEEDS_ATTENTION);
        Golden.assertMatches("ensure-check.txt", check.out());
        assertThat(sim.configFile(777).orElseThrow()).isEqualTo(before);

        CliRunner.Result recreate = cli().run("ensure", "--vmid", "777", "--set",
                "var_hostname=db1", "--set", "var_ram=768", "--set", "var_unprivileged=0", "--json");
        assertThat(recreate.code()).as(recreate.both()).isEqualTo(ExitCodes.NEEDS_ATTENTION);
        Golden.assertMatches("ensure-recreate.json", recreate.out());
        assertThat(pve.node("pve1").container(777).config().get("memory")).contains("768");
        assertThat(pve.node("pve1").container(777).config().get("unprivileged")).contains("1");
    }
}
