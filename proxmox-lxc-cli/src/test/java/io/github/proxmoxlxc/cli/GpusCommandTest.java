package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.hardware.testsupport.HostFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpusCommandTest {
    @TempDir
    Path tmp;

    private CliRunner.Result gpus(String scenario, String... args) {
        Path root = HostFixture.materialise(scenario, tmp.resolve(scenario));
        String[] all = new String[args.length + 1];
        all[0] = "gpus";
        System.arraycopy(args, 0, all, 1, args.length);
        return new CliRunner().root(root).run(all);
    }

    private static String masked(CliRunner.Result r, Path root) {
        return r.both().replace(root.toString(), "<root>");
    }

    @Test
    void intelAndNvidia_humanOutput_listsEveryNodeAContainerNeeds() {
        CliRunner.Result r = gpus("s02-intel-nvidia");
        assertThat(r.code()).isZero();
        Golden.assertMatches("gpus-s02.txt", masked(r, tmp.resolve("s02-intel-nvidia")));
    }

    @Test
    void json_followsTheContract_andIsTheOnlyThingOnStdout() throws Exception {
        CliRunner.Result r = gpus("s02-intel-nvidia", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode nvidia = doc.get("gpus").get(1);
        assertThat(nvidia.get("vendor").asText()).isEqualTo("nvidia");
        assertThat(nvidia.get("vendorId").asText()).isEqualTo("0x10de");
        assertThat(nvidia.get("nodes").findValuesAsText("path")).contains("/dev/nvidia0", "/dev/nvidiactl",
                "/dev/nvidia-uvm");
        assertThat(doc.get("hostGroups").get("video").asInt()).isEqualTo(44);
        Golden.assertMatches("gpus-s02.json", r.out());
    }

    @Test
    void plan_devStyle_printsDevEntries() {
        CliRunner.Result r = gpus("s02-intel-nvidia", "--plan", "--select", "intel", "--ct-group", "video=44",
                "--ct-group", "render=106");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("dev0: /dev/dri/card");
        Golden.assertMatches("gpus-s02-plan-dev.txt", masked(r, tmp.resolve("s02-intel-nvidia")));
    }

    @Test
    void plan_legacyStyle_json_addsConfigSubuidAndSubgid() throws Exception {
        CliRunner.Result r = gpus("s03-amd-rocm", "--plan", "--style", "legacy", "--json");
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.has("config")).isTrue();
        assertThat(doc.get("subgid").size()).isPositive();
        Golden.assertMatches("gpus-s03-plan-legacy.json", r.out());
    }

    @Test
    void unknownGroupName_isUsageError_withErrorJson() throws Exception {
        CliRunner.Result r = gpus("s02-intel-nvidia", "--plan", "--ct-group", "audio=29", "--json");
        assertThat(r.code()).isEqualTo(2);
        JsonNode e = new ObjectMapper().readTree(r.out()).get("errors").get(0);
        assertThat(e.get("key").asText()).isEqualTo("--ct-group");
        assertThat(e.get("value").asText()).isEqualTo("audio=29");
        Golden.assertMatches("gpus-bad-group.json", r.out());
    }

    @Test
    void badPciAddress_isUsageError() {
        CliRunner.Result r = gpus("s02-intel-nvidia", "--plan", "--select", "1:0.0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--select", "0000:01:00.0");
    }

    @Test
    void missingHostRoot_isInvalidInput() {
        CliRunner.Result r = new CliRunner().run("gpus", "--host-root", tmp.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("--host-root", "must be a directory");
    }
}
