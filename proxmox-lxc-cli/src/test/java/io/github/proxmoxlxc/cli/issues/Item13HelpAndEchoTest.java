package io.github.proxmoxlxc.cli.issues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.cli.CliRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 13: {@code create} echoes what it applied; help texts are honest and readable;
 * {@code cpus} is an integer when Proxmox counts whole CPUs.
 */
class Item13HelpAndEchoTest {
    private static SimulatorFixture f;

    @BeforeAll
    static void start() {
        f = new SimulatorFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void create_echoesCoresMemoryDiskHostnameTemplate() throws Exception {
        CliRunner.Result r = new CliRunner().run("create", "--set", "var_cpu=2", "--set", "var_ram=2048", "--set",
                "var_disk=6", "--set", "var_hostname=web1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("  applied    hostname web1, 2 core(s), 2048 MiB memory, 6 GB disk, unprivileged",
                "  template   local:vztmpl/debian-13-standard");
        CliRunner.Result j = new CliRunner().run("create", "--json", "--set", "var_cpu=2");
        JsonNode applied = new ObjectMapper().readTree(j.out()).get("applied");
        assertThat(applied.get("cores").asInt()).isEqualTo(2);
        assertThat(applied.get("memoryMiB").asInt()).isEqualTo(1024);
        assertThat(applied.get("diskGiB").asInt()).isEqualTo(4);
        assertThat(applied.get("template").asText()).startsWith("local:vztmpl/debian-13-standard");
    }

    @Test
    void statusHelp_hasNoTimeout_andTaskCommandsShowAReadableDefault() {
        assertThat(new CliRunner().run("status", "--help").out()).doesNotContain("--timeout");
        for (String cmd : new String[] {"start", "stop", "destroy"}) {
            String help = new CliRunner().run(cmd, "--help").out();
            assertThat(help).contains("--timeout", "(default: 5m)").doesNotContain("PT5M");
        }
        assertThat(new CliRunner().run("status", "100", "--timeout", "5m").code()).isEqualTo(2);
    }

    @Test
    void topLevelHelp_listsPasswordLogin() {
        assertThat(new CliRunner().run("--help").out()).contains("PVE_USER", "PVE_PASSWORD");
    }

    @Test
    void statusJson_cpusIsAnInteger() throws Exception {
        f.container(430, true);
        CliRunner.Result r = new CliRunner().env(f.tokenEnv()).run("status", "430", "--json");
        assertThat(r.code()).isZero();
        JsonNode cpus = new ObjectMapper().readTree(r.out()).get("cpus");
        assertThat(cpus.isIntegralNumber()).as(r.out()).isTrue();
    }
}
