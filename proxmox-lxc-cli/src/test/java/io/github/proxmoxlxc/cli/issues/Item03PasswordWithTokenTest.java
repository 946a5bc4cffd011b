package io.github.proxmoxlxc.cli.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.cli.CliRunner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 17, item 3: a password login and a token together are a usage error naming both. */
class Item03PasswordWithTokenTest {
    private static final Map<String, String> TOKEN = Map.of("PVE_URL", "https://pve1.example.org:8006",
            "PVE_TOKEN_ID", "automation@pve!ci", "PVE_TOKEN_SECRET", "00000000-0000-0000-0000-000000000000",
            "PVE_FINGERPRINT", "AA:".repeat(31) + "AA");

    @Test
    void pveUserAndPasswordWithAToken_isExit2_namingBoth() {
        Map<String, String> env = new java.util.HashMap<>(TOKEN);
        env.put("PVE_USER", "root@pam");
        env.put("PVE_PASSWORD", "secret-password");
        CliRunner.Result r = new CliRunner().env(env).run("list");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("PVE_USER", "PVE_PASSWORD", "PVE_TOKEN_ID").doesNotContain("secret-password");
    }

    @Test
    void userOptionWithATokenInTheEnvironment_isExit2_too() {
        CliRunner.Result r = new CliRunner().env(TOKEN).run("status", "100", "--user", "root@pam", "--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("\"key\": \"PVE_USER\"", "PVE_TOKEN_ID");
    }

    @Test
    void passwordAloneWithAToken_isExit2() {
        Map<String, String> env = new java.util.HashMap<>(TOKEN);
        env.put("PVE_PASSWORD", "secret-password");
        CliRunner.Result r = new CliRunner().env(env).run("list");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("PVE_PASSWORD", "PVE_TOKEN_ID");
    }
}
