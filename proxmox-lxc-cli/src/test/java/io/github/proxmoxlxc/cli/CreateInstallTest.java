package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.testkit.ContainerCommand;
import io.github.proxmoxlxc.testkit.ContainerReply;
import io.github.proxmoxlxc.testkit.NodeSimulator;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's done-when: {@code create --app jellyfin --install} on the simulator with the node
 * simulator runs the install step over real SSH (recorded with build.func's environment) and the
 * summary shows {@code http://<ip>:8096}; a failing install script rolls back or is kept.
 */
@Timeout(300)
class CreateInstallTest {
    static final String INSTALL_FUNC = "# install.func stand-in for the test, longer than build.func's 100 characters\n"
            + "setting_up_container() { :; }\n";
    static final String SCRIPT = "source /dev/stdin <<<\"$FUNCTIONS_FILE_PATH\"\nsetting_up_container\n"
            + "echo 'Installed Jellyfin'\n";

    @TempDir
    Path tmp;

    Path checkout() throws Exception {
        Path co = tmp.resolve("ProxmoxVE");
        Files.createDirectories(co.resolve("misc"));
        Files.createDirectories(co.resolve("install"));
        Files.writeString(co.resolve("misc/install.func"), INSTALL_FUNC);
        Files.writeString(co.resolve("install/jellyfin-install.sh"), SCRIPT);
        return co;
    }

    static CliRunner cli(PveSimulator sim, NodeSimulator nodes) {
        return new CliRunner().env(Map.of("PVE_URL", sim.baseUrl(), "PVE_USER", "root@pam",
                "PVE_PASSWORD", sim.rootPassword(), "PVE_FINGERPRINT", sim.fingerprint(),
                "PVE_SSH", nodes.target(), "PVE_SSH_KEY", nodes.keyFile().toString(),
                "PVE_SSH_FINGERPRINT", nodes.fingerprint()));
    }

    @Test
    void jellyfinInstall_runsOverSsh_withBuildFuncsEnvironment_andTheSummaryShowsTheUrl() throws Exception {
        Path co = checkout();
        try (PveSimulator sim = PveSimulator.builder().timeScale(0).seed(5).start();
                NodeSimulator nodes = NodeSimulator.builder(sim).start()) {
            CliRunner.Result r = cli(sim, nodes).run("create", "--app", "jellyfin", "--install", "--scripts-dir",
                    co.toString());
            assertThat(r.code()).as(r.both()).isZero();
            assertThat(r.out()).containsPattern("url +http://192\\.168\\.\\d+\\.\\d+:8096")
                    .contains("Access (Jellyfin Media Server):");
            assertThat(r.err()).contains("  container-setup ok");
            int vmid = 100;
            List<ContainerCommand> install = new ArrayList<>(nodes.containerCommands().stream()
                    .filter(c -> c.command().contains("/root/.proxmox-lxc-install.sh")).toList());
            assertThat(install).singleElement().satisfies(c -> {
                assertThat(c.vmid()).isEqualTo(vmid);
                assertThat(c.command().subList(0, 2)).containsExactly("bash", "-c");
                assertThat(c.environment()).containsEntry("CTID", "100").containsEntry("APPLICATION",
                        "Jellyfin Media Server").containsEntry("app", "jellyfin").containsEntry("PCT_OSTYPE", "ubuntu")
                        .containsEntry("PCT_OSVERSION", "24.04").containsEntry("ENABLE_GPU", "yes")
                        .containsEntry("CTTYPE", "1").containsEntry("PCT_DISK_SIZE", "16")
                        .containsEntry("TELEMETRY_PLATFORM", "pve").containsEntry("DIAGNOSTICS", "no")
                        .containsKeys("tz", "SESSION_ID", "RANDOM_UUID", "INSTALL_LOG", "SSH_ROOT", "VERBOSE")
                        .doesNotContainKey("PASSWORD");
            });
            // the script and build.func's functions file were pushed from the checkout; the password went
            // into a private file, never onto a command line
            assertThat(nodes.containerFile(vmid, "/root/.proxmox-lxc-install.sh")).hasContent(SCRIPT.strip());
            assertThat(Files.readString(nodes.containerFile(vmid, "/root/.proxmox-lxc-install.func")))
                    .isEqualTo(INSTALL_FUNC);
            assertThat(Files.readString(nodes.containerFile(vmid, "/root/.proxmox-lxc-install.sh.env")))
                    .isEqualTo("export PASSWORD=''\n");
            assertThat(String.join("\n", nodes.nodeCommands())).doesNotContain("PASSWORD");
            // build.func's steps before the install, in its order
            assertThat(nodes.containerCommands().stream().map(ContainerCommand::line).toList())
                    .anySatisfy(l -> assertThat(l).contains("getent hosts"))
                    .anySatisfy(l -> assertThat(l).contains("/etc/locale.gen"))
                    .anySatisfy(l -> assertThat(l).contains("apt-get install -y -q", "sudo curl mc gnupg2 jq"));
            Golden.assertMatches("create-install.txt", r.out());
        }
    }

    @Test
    void json_carriesPerStepTimings_andTheAccessDetails() throws Exception {
        Path co = checkout();
        try (PveSimulator sim = PveSimulator.builder().timeScale(0).seed(5).start();
                NodeSimulator nodes = NodeSimulator.builder(sim).start()) {
            CliRunner.Result r = cli(sim, nodes).run("create", "--app", "jellyfin", "--install", "--scripts-dir",
                    co.toString(), "--json");
            assertThat(r.code()).as(r.both()).isZero();
            JsonNode doc = new ObjectMapper().readTree(r.out());
            assertThat(doc.get("installed").asBoolean()).isTrue();
            assertThat(doc.get("timings").get("container-setup").isNumber()).isTrue();
            JsonNode steps = doc.get("timings").get("setupSteps");
            assertThat(steps.fieldNames()).toIterable().containsExactly("dns", "locale", "timezone", "packages",
                    "install jellyfin-install.sh");
            steps.forEach(t -> assertThat(t.isNumber()).isTrue());
            assertThat(doc.get("access").get("url").asText()).matches("http://192\\.168\\.\\d+\\.\\d+:8096");
            assertThat(doc.get("access").get("app").asText()).isEqualTo("jellyfin");
            Golden.assertMatches("create-install.json", r.out().replaceAll("(\"[a-z -]+(?:\\.sh)?\" : )\\d+",
                    "$1<ms>"));
        }
    }

    @Test
    void aFailingInstallScript_rollsBack_orIsKept_andTheErrorShowsItsLastLines() throws Exception {
        Path co = checkout();
        try (PveSimulator sim = PveSimulator.builder().timeScale(0).seed(5).start();
                NodeSimulator nodes = NodeSimulator.builder(sim).onContainerCommand("proxmox-lxc-install\\.sh$",
                        ContainerReply.exit(100).withStdout("Installing Dependencies\n")
                                .withStderr("E: Unable to locate package jellyfin\n")).start()) {
            CliRunner.Result r = cli(sim, nodes).run("create", "--app", "jellyfin", "--install", "--scripts-dir",
                    co.toString());
            assertThat(r.code()).as(r.both()).isEqualTo(ExitCodes.ROLLED_BACK);
            assertThat(r.err()).contains("install jellyfin-install.sh failed in container 100 (exit status 100)",
                    "Installing Dependencies", "E: Unable to locate package jellyfin");
            assertThat(cli(sim, nodes).run("status", "100").code()).isNotZero();

            CliRunner.Result kept = cli(sim, nodes).run("create", "--app", "jellyfin", "--install", "--scripts-dir",
                    co.toString(), "--keep-on-failure");
            assertThat(kept.code()).as(kept.both()).isEqualTo(ExitCodes.NEEDS_ATTENTION);
            assertThat(kept.err()).contains("E: Unable to locate package jellyfin");
        }
    }
}
