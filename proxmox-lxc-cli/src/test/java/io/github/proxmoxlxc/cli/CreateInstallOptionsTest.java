package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.testkit.PveSimulator;
import io.github.proxmoxlxc.testkit.junit.PveSimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code create --install}, {@code --scripts-dir}, {@code --scripts-mirror}: what is refused before anything runs. */
@ExtendWith(PveSimulatorExtension.class)
class CreateInstallOptionsTest {
    @TempDir
    Path tmp;

    /** {@code --ssh} to a port nobody listens on, with a key: enough to pass the SSH options' checks. */
    String[] ssh(String... more) throws Exception {
        Path key = tmp.resolve("id_ed25519");
        if (!Files.exists(key)) {
            Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).isZero();
        }
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("create", "--ssh", "root@127.0.0.1:1",
                "--ssh-insecure", "--ssh-key", key.toString()));
        a.addAll(java.util.List.of(more));
        return a.toArray(String[]::new);
    }

    /** The CLI against a cluster given by PVE_URL: --ssh is only accepted with one (the embedded simulator has its own nodes). */
    static CliRunner cli(PveSimulator sim) {
        return new CliRunner().env(Map.of("PVE_URL", sim.baseUrl(), "PVE_TOKEN_ID", sim.tokenId(),
                "PVE_TOKEN_SECRET", sim.tokenSecret(), "PVE_FINGERPRINT", sim.fingerprint()));
    }

    @Test
    void installWithoutTheNodeChannel_namesSsh_andCreatesNothing(PveSimulator sim) {
        // a cluster given by PVE_URL and no --ssh/PVE_SSH: no node channel (the embedded simulator brings its own)
        CliRunner.Result r = cli(sim).run("create", "--app", "jellyfin", "--install");
        assertThat(r.code()).as(r.both()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("--install", "runs inside the container over SSH to the node",
                "--ssh [USER@]HOST", "PVE_SSH").doesNotContain("Created container");
    }

    @Test
    void installWithoutAValue_needsACatalogueApp(PveSimulator sim) throws Exception {
        // the target is never reached: the options are checked before the provision starts
        CliRunner.Result r = cli(sim).run(ssh("--install"));
        assertThat(r.code()).as(r.both()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("--install", "give --app with a catalogue app", "--install FILE|URL");
    }

    @Test
    void aPlainHttpScriptUrl_aMissingFile_andTwoScriptSources_areRefused(PveSimulator sim) throws Exception {
        CliRunner.Result http = cli(sim).run(ssh("--install", "http://example.org/setup.sh"));
        assertThat(http.code()).as(http.both()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(http.err()).contains("--install", "must be https://");

        CliRunner.Result missing = cli(sim).run(ssh("--install", tmp.resolve("nope.sh").toString()));
        assertThat(missing.code()).as(missing.both()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err()).contains("--install", "nope.sh");

        Files.createDirectories(tmp.resolve("co/misc"));
        CliRunner.Result both = cli(sim).run(ssh("--app", "jellyfin", "--install", "--scripts-dir",
                tmp.resolve("co").toString(), "--scripts-mirror", "https://mirror.example.org/ProxmoxVE/"));
        assertThat(both.code()).as(both.both()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(both.err()).contains("--scripts-dir", "cannot be combined with --scripts-mirror");

        CliRunner.Result notCheckout = cli(sim).run(ssh("--app", "jellyfin", "--install",
                "--scripts-dir", tmp.toString() + "/empty"));
        assertThat(notCheckout.code()).as(notCheckout.both()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(notCheckout.err()).contains("--scripts-dir", "must be a checkout of community-scripts/ProxmoxVE");
    }
}
