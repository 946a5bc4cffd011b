package io.github.proxmoxlxc.cli.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.cli.Issue10Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, items 1, 7, 8, 9 and 10 as the command line meets them. */
class Issue10CliConnectionTest {
    private static final String PIN = "AB:".repeat(31) + "AB";
    private static final Map<String, String> TOKEN = Map.of("PVE_TOKEN_ID", "ci@pve!tk", "PVE_TOKEN_SECRET", "s3cr3t");

    private static Map<String, String> env(String... kv) {
        java.util.Map<String, String> m = new java.util.HashMap<>(TOKEN);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void item1_httpUrl_isRefusedUnlessAllowed_andNeverWithAPin() {
        Issue10Cli.Run r = Issue10Cli.run(env("PVE_URL", "http://127.0.0.1:9", "PVE_FINGERPRINT", PIN), "list");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("PVE_URL").contains("--allow-plain-http").contains("unencrypted");
        Issue10Cli.Run both = Issue10Cli.run(env("PVE_URL", "http://127.0.0.1:9", "PVE_FINGERPRINT", PIN), "list",
                "--allow-plain-http");
        assertThat(both.code()).isNotZero();
        assertThat(both.err()).contains("--allow-plain-http").contains("PVE_FINGERPRINT");
    }

    @Test
    void item7_insecureWithAPin_andAPinWithACa_areUsageErrorsNamingBoth(@TempDir Path dir) throws Exception {
        Issue10Cli.Run r = Issue10Cli.run(env("PVE_URL", "https://127.0.0.1:9", "PVE_FINGERPRINT", PIN), "list",
                "--insecure");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("--insecure").contains("PVE_FINGERPRINT");
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        Issue10Cli.Run r2 = Issue10Cli.run(env("PVE_URL", "https://127.0.0.1:9", "PVE_FINGERPRINT", PIN,
                "PVE_CA_FILE", ca.toString()), "list");
        assertThat(r2.code()).isNotZero();
        assertThat(r2.err()).contains("PVE_FINGERPRINT").contains("PVE_CA_FILE");
    }

    @Test
    void item8_blankUrlWithOtherSettings_isAnError_andTheSimulatorSaysSoInJson() throws Exception {
        Issue10Cli.Run r = Issue10Cli.run(env("PVE_URL", " "), "list", "--json");
        assertThat(r.code()).isNotZero();
        assertThat(r.out()).contains("PVE_URL").contains("PVE_TOKEN_ID");
        Issue10Cli.Run sim = Issue10Cli.run(Map.of(), "list", "--json");
        assertThat(sim.code()).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(sim.out()).path("simulated")
                .asBoolean()).isTrue();
    }

    @Test
    void item9_tokenIdWithSecret_andUrlUserInfo_areNotEchoed() {
        Issue10Cli.Run r = Issue10Cli.run(Map.of("PVE_URL", "https://127.0.0.1:9", "PVE_TOKEN_ID",
                "ci@pve!tk=TOPSECRET", "PVE_TOKEN_SECRET", "x"), "list", "--json");
        assertThat(r.code()).isNotZero();
        assertThat(r.out() + r.err()).doesNotContain("TOPSECRET").contains("ci@pve!tk=***");
        Issue10Cli.Run u = Issue10Cli.run(env("PVE_URL", "https://root:hunter2@127.0.0.1:9"), "list", "--json");
        assertThat(u.code()).isNotZero();
        assertThat(u.out() + u.err()).doesNotContain("hunter2");
    }

    @Test
    void item10_passwordOnTheCommandLine_isRefused() {
        Issue10Cli.Run r = Issue10Cli.run(Map.of(), "plan", "--set", "var_pw=hunter2", "--set", "var_hostname=a");
        assertThat(r.code()).isNotZero();
        assertThat(r.out() + r.err()).contains("var_pw").contains("environment").doesNotContain("hunter2");
    }

    @Test
    void item10_secretFile_isCheckedForSizeAndMode(@TempDir Path dir) throws Exception {
        Path open = Files.writeString(dir.resolve("open"), "secret\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        Issue10Cli.Run r = Issue10Cli.run(Map.of("PVE_URL", "https://127.0.0.1:9", "PVE_TOKEN_ID", "ci@pve!tk"),
                "list", "--token-secret-file", open.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("--token-secret-file").contains("chmod 600");

        Path big = dir.resolve("big");
        Files.write(big, new byte[1024 * 1024]);
        Files.setPosixFilePermissions(big, PosixFilePermissions.fromString("rw-------"));
        Issue10Cli.Run r2 = Issue10Cli.run(Map.of("PVE_URL", "https://127.0.0.1:9", "PVE_TOKEN_ID", "ci@pve!tk"),
                "list", "--token-secret-file", big.toString());
        assertThat(r2.err()).contains("larger than 4096 bytes");
        Issue10Cli.Run r3 = Issue10Cli.run(Map.of("PVE_URL", "https://127.0.0.1:9", "PVE_TOKEN_ID", "ci@pve!tk"),
                "list", "--token-secret-file", "/dev/zero");
        assertThat(r3.code()).isNotZero();
        assertThat(r3.err()).contains("--token-secret-file").doesNotContain("OutOfMemoryError");
    }
}
