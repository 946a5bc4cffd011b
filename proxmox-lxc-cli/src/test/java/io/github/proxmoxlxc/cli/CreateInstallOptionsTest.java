package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code create --install}, {@code --scripts-dir}, {@code --scripts-mirror}: what is refused before anything runs. */
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

    @Test
    void installWithoutTheNodeChannel_namesSsh_andCreatesNothing() {
        CliRunner.Result r = new CliRunner().run("create", "--app", "jellyfin", "--install");
        assertThat(r.code()).as(r.both()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("--install", "runs inside the container over SSH to the node",
                "--ssh [USER@]HOST", "PVE_SSH").doesNotContain("Created container");
    }

    @Test
    void installWithoutAValue_needsACatalogueApp() throws Exception {
        // the target is never reached: the options are checked before the provision starts
        CliRunner.Result r = new CliRunner().run(ssh("--install"));
        assertThat(r.code()).as(r.both()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("--install", "give --app with a catalogue app", "--install FILE|URL");
    }

    @Test
    void aPlainHttpScriptUrl_aMissingFile_andTwoScriptSources_areRefused() throws Exception {
        CliRunner.Result http = new CliRunner().run(ssh("--install", "http://example.org/setup.sh"));
        assertThat(http.code()).as(http.both()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(http.err()).contains("--install", "must be https://");

        CliRunner.Result missing = new CliRunner().run(ssh("--install", tmp.resolve("nope.sh").toString()));
        assertThat(missing.code()).as(missing.both()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err()).contains("--install", "nope.sh");

        Files.createDirectories(tmp.resolve("co/misc"));
        CliRunner.Result both = new CliRunner().run(ssh("--app", "jellyfin", "--install", "--scripts-dir",
                tmp.resolve("co").toString(), "--scripts-mirror", "https://mirror.example.org/ProxmoxVE/"));
        assertThat(both.code()).as(both.both()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(both.err()).contains("--scripts-dir", "cannot be combined with --scripts-mirror");

        CliRunner.Result notCheckout = new CliRunner().run(ssh("--app", "jellyfin", "--install",
                "--scripts-dir", tmp.toString() + "/empty"));
        assertThat(notCheckout.code()).as(notCheckout.both()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(notCheckout.err()).contains("--scripts-dir", "must be a checkout of community-scripts/ProxmoxVE");
    }
}
