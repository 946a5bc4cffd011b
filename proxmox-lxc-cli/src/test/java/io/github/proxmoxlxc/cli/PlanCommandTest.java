package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.hardware.testsupport.HostFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    @TempDir
    Path tmp;

    @Test
    void defaults_human_showLayersStepsAndPct_withoutContactingAnything() {
        CliRunner.Result r = new CliRunner().run("plan");
        assertThat(r.code()).isZero();
        assertThat(r.out()).doesNotContain(Connection.SIMULATOR_NOTICE);
        assertThat(r.out()).contains("pct create {vmid}");
        Golden.assertMatches("plan.txt", r.both());
    }

    @Test
    void json_followsTheContract_withProvenanceOfEveryLayer() throws Exception {
        Path defaults = Files.writeString(tmp.resolve("default.vars"), "# site defaults\nvar_ram=2048\nvar_cpu=2\n");
        Path appVars = Files.writeString(tmp.resolve("web.vars"), "var_cpu=3\n");
        // var_pw from the environment: a password on the command line is refused (issue 10, item 10)
        CliRunner.Result r = new CliRunner().env(Map.of("var_disk", "12", "var_pw", "hunter22")).run("plan", "--json",
                "--defaults", defaults.toString(), "--app", "Web", "--app-vars", appVars.toString(),
                "--set", "var_cpu=4");
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.fieldNames()).toIterable().containsExactly("template", "templateStorage", "rootfsGiB", "params",
                "provenance", "nodePatch", "privileges", "warnings", "notes", "pct");
        assertThat(doc.get("template").asText()).isEqualTo("debian-13-standard");
        assertThat(doc.get("rootfsGiB").asInt()).isEqualTo(12);
        JsonNode params = doc.get("params");
        assertThat(params.get("vmid").asText()).isEqualTo("{vmid}");
        assertThat(params.get("node").asText()).isEqualTo("{node}");
        assertThat(params.get("ostemplate").asText()).isEqualTo("{template-volume}");
        assertThat(params.get("rootfs").asText()).isEqualTo("{rootfs-storage}:12");
        assertThat(params.get("cores").asText()).isEqualTo("4");
        assertThat(params.get("memory").asText()).isEqualTo("2048");
        assertThat(params.get("hostname").asText()).isEqualTo("web");
        assertThat(params.get("password").asText()).isEqualTo("***");
        JsonNode prov = doc.get("provenance");
        assertThat(prov.get("var_cpu").get("layer").asText()).isEqualTo("explicit");
        assertThat(prov.get("var_ram").get("layer").asText()).isEqualTo("defaults");
        assertThat(prov.get("var_ram").get("source").asText()).endsWith("default.vars:2");
        assertThat(prov.get("var_disk").get("layer").asText()).isEqualTo("env");
        assertThat(prov.get("var_os").get("layer").asText()).isEqualTo("builtin");
        assertThat(prov.get("var_pw").get("value").asText()).isEqualTo("***");
        assertThat(r.out()).doesNotContain("hunter22");
        assertThat(doc.get("nodePatch").fieldNames()).toIterable().containsExactly("config", "subuid", "subgid");
        assertThat(doc.get("pct").asText()).startsWith("pct create");
        Golden.assertMatches("plan.json", r.out().replace(tmp.toString(), "<dir>"));
    }

    @Test
    void gpuYes_plansDevEntriesFromTheHostTree() throws Exception {
        Path host = HostFixture.materialise("s02-intel-nvidia", tmp.resolve("host"));
        CliRunner.Result r = new CliRunner().run("plan", "--json", "--set", "var_gpu=yes", "--host-root",
                host.toString());
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("nodePatch").get("config").toString()).contains("dev0: /dev/dri/card1", "/dev/nvidia0");
        assertThat(doc.get("privileges").toString()).contains("root shell");
    }

    @Test
    void invalidSet_isExit3_namingTheKey() {
        CliRunner.Result r = new CliRunner().run("plan", "--set", "var_cpu=lots");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("var_cpu='lots'", "(explicit)");
    }

    @Test
    void lenient_skipsAnInvalidFileValueWithAWarning() throws Exception {
        Path defaults = Files.writeString(tmp.resolve("default.vars"), "var_vlan=5000\n");
        CliRunner.Result strict = new CliRunner().run("plan", "--defaults", defaults.toString());
        assertThat(strict.code()).isEqualTo(3);
        CliRunner.Result lenient = new CliRunner().run("plan", "--lenient", "--json", "--defaults",
                defaults.toString());
        assertThat(lenient.code()).isZero();
        assertThat(lenient.out()).contains("var_vlan");
    }

    @Test
    void missingDefaultsFile_isExit3() {
        CliRunner.Result r = new CliRunner().run("plan", "--defaults", tmp.resolve("none.vars").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("--defaults", "must be a readable file");
    }
}
