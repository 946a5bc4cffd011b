package io.github.proxmoxlxc.cli.issues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.cli.CliRunner;
import io.github.proxmoxlxc.cli.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 6: one unknown-key rule in every layer (a warning, once, on stderr, with a
 * suggestion), and {@code keys} lists every key with its rule and default.
 */
class Item06UnknownKeysTest {
    private static final String WARNING = "var_cpus: unknown key (not in build.func's whitelist); ignored; did you"
            + " mean var_cpu?";

    @TempDir
    Path tmp;

    private static void assertOneWarning(CliRunner.Result r) {
        assertThat(r.code()).as(r.both()).isZero();
        assertThat(r.err().split(java.util.regex.Pattern.quote(WARNING), -1)).as(r.err()).hasSize(2);
        assertThat(r.out()).doesNotContain("var_cpus");
    }

    @Test
    void inAFile() throws Exception {
        Path d = Files.writeString(tmp.resolve("default.vars"), "var_cpus=4\n");
        assertOneWarning(new CliRunner().run("plan", "--defaults", d.toString()));
        assertOneWarning(new CliRunner().run("create", "--defaults", d.toString()));
    }

    @Test
    void inTheEnvironment() {
        assertOneWarning(new CliRunner().env(Map.of("var_cpus", "4")).run("plan"));
    }

    @Test
    void withSet() {
        assertOneWarning(new CliRunner().run("plan", "--set", "var_cpus=4"));
    }

    @Test
    void jsonPlan_carriesTheWarningInItsDocument_andPrintsItOnceOnStderr() throws Exception {
        CliRunner.Result r = new CliRunner().run("plan", "--json", "--set", "var_cpus=4");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains(WARNING);
        assertThat(new ObjectMapper().readTree(r.out()).get("warnings").toString()).contains("did you mean var_cpu?");
    }

    @Test
    void keys_listsEveryKeyWithRuleAndDefault() throws Exception {
        CliRunner.Result text = new CliRunner().run("keys");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("var_disk", "var_ctid", "an integer from 1 to 128");
        Golden.assertMatches("keys.txt", text.out());
        CliRunner.Result json = new CliRunner().run("keys", "--json");
        assertThat(json.code()).isZero();
        JsonNode keys = new ObjectMapper().readTree(json.out()).get("keys");
        assertThat(keys).hasSize(41);
        JsonNode disk = null;
        for (JsonNode k : keys) {
            if (k.get("key").asText().equals("var_disk")) {
                disk = k;
            }
        }
        assertThat(disk).isNotNull();
        assertThat(disk.get("default").asText()).isEqualTo("4");
        assertThat(disk.get("rule").asText()).isEqualTo("an integer of at least 1 (GB)");
        Golden.assertMatches("keys.json", json.out());
    }
}
