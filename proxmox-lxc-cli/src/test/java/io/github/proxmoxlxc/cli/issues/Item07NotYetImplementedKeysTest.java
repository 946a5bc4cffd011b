package io.github.proxmoxlxc.cli.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 17, item 7 (and issue 14): keys only the node channel applies say so wherever they are set, naming --ssh. */
class Item07NotYetImplementedKeysTest {
    private static final String SAYS = "acts inside the container or on the node: create applies it over SSH to"
            + " the node (--ssh or PVE_SSH); without it this changes nothing";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"var_post_install,/usr/local/bin/hook.sh", "var_apt_cacher,yes", "var_apt_cacher_ip,10.0.0.5",
            "var_http_proxy,http://proxy:3128", "var_ssh,yes", "var_verbose,yes", "var_inherit_host_ca,yes"})
    void setInAnyLayer_warns(String key, String value) throws Exception {
        CliRunner.Result set = new CliRunner().run("plan", "--set", key + "=" + value);
        assertThat(set.code()).as(set.both()).isZero();
        assertThat(set.err()).contains(key + ": " + SAYS);

        CliRunner.Result env = new CliRunner().env(Map.of(key, value)).run("plan");
        assertThat(env.err()).contains(key + ": " + SAYS);

        Path d = Files.writeString(tmp.resolve("default.vars"), key + "=" + value + "\n");
        // plan: the embedded simulator's create has a node channel (its node simulator), so there the key is applied
        CliRunner.Result file = new CliRunner().run("plan", "--defaults", d.toString());
        assertThat(file.code()).as(file.both()).isZero();
        assertThat(file.err()).contains(key + ": " + SAYS, "default.vars:1");
    }

    @Test
    void builtinDefaults_doNotWarn() {
        CliRunner.Result r = new CliRunner().run("plan");
        assertThat(r.err()).doesNotContain(SAYS);
    }
}
