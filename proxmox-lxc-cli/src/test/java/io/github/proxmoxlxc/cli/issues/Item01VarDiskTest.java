package io.github.proxmoxlxc.cli.issues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.cli.CliRunner;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 1: {@code var_disk} sizes the root disk from every layer, with and without
 * {@code var_container_storage}, in the plan and in the container the simulator creates.
 */
class Item01VarDiskTest {
    private static PveSimulator sim;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSimulator() {
        sim = PveSimulator.builder().timeScale(0).seed(17).start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    /** The CLI arguments and environment that put var_disk=9 into one layer. */
    private List<String> layer(String layer, Map<String, String> env) throws Exception {
        List<String> args = new ArrayList<>();
        switch (layer) {
            case "file" -> args.addAll(List.of("--defaults",
                    Files.writeString(tmp.resolve("default.vars"), "var_disk=9\n").toString()));
            case "env" -> env.put("var_disk", "9");
            case "explicit" -> args.addAll(List.of("--set", "var_disk=9"));
            case "app-profile" -> args.addAll(List.of("--app", "web",
                    "--app-profile", Files.writeString(tmp.resolve("profile.vars"), "var_disk=9\n").toString(),
                    "--app-vars", Files.writeString(tmp.resolve("web.vars"), "var_disk=2\n").toString()));
            default -> throw new IllegalArgumentException(layer);
        }
        return args;
    }

    @ParameterizedTest(name = "{0}, storage={1}")
    @CsvSource({"file,false", "file,true", "env,false", "env,true", "explicit,false", "explicit,true",
            "app-profile,false", "app-profile,true"})
    void varDisk_sizesThePlannedAndCreatedRootfs(String layer, boolean storage) throws Exception {
        Map<String, String> env = new HashMap<>();
        List<String> args = layer(layer, env);
        if (storage) {
            args.addAll(List.of("--set", "var_container_storage=local-lvm"));
        }
        List<String> plan = new ArrayList<>(List.of("plan", "--json"));
        plan.addAll(args);
        CliRunner.Result p = new CliRunner().env(env).run(plan.toArray(String[]::new));
        assertThat(p.code()).as(p.both()).isZero();
        JsonNode doc = new ObjectMapper().readTree(p.out());
        assertThat(doc.get("params").get("rootfs").asText()).endsWith(":9");
        assertThat(doc.get("pct").asText()).contains(":9 ");
        if (storage) {
            assertThat(doc.get("params").get("rootfs").asText()).isEqualTo("local-lvm:9");
        }

        Map<String, String> conn = new HashMap<>(env);
        conn.putAll(Map.of("PVE_URL", sim.baseUrl(), "PVE_USER", "root@pam",
                "PVE_PASSWORD", sim.rootPassword(), "PVE_FINGERPRINT", sim.fingerprint()));
        List<String> create = new ArrayList<>(List.of("create", "--json"));
        create.addAll(args);
        CliRunner.Result c = new CliRunner().env(conn).run(create.toArray(String[]::new));
        assertThat(c.code()).as(c.both()).isZero();
        int vmid = new ObjectMapper().readTree(c.out()).get("vmid").asInt();
        String rootfs = sim.container(vmid).orElseThrow().config().get("rootfs");
        assertThat(rootfs).contains("size=9G");
        if (storage) {
            assertThat(rootfs).startsWith("local-lvm:");
        }
    }

    @ParameterizedTest(name = "storage={0}")
    @CsvSource({"false", "true"})
    void noVarDiskAnywhere_isBuildFuncsBuiltin4(boolean storage) throws Exception {
        List<String> args = new ArrayList<>(List.of("plan", "--json"));
        if (storage) {
            args.addAll(List.of("--set", "var_container_storage=local-lvm"));
        }
        CliRunner.Result p = new CliRunner().run(args.toArray(String[]::new));
        assertThat(p.code()).as(p.both()).isZero();
        JsonNode doc = new ObjectMapper().readTree(p.out());
        assertThat(doc.get("params").get("rootfs").asText()).endsWith(":4");
        assertThat(doc.get("provenance").get("var_disk").get("layer").asText()).isEqualTo("builtin");
    }
}
