package io.github.proxmoxlxc.cli.issues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, item 8: {@code export var_x=} lines are ignored, as build.func ignores them, with a warning why. */
class Item08ExportLinesTest {
    @TempDir
    Path tmp;

    @Test
    void exportLine_isIgnoredWithAWarningSayingWhy() throws Exception {
        Path d = Files.writeString(tmp.resolve("default.vars"), "export var_cpu=4\nvar_ram=2048\n");
        CliRunner.Result r = new CliRunner().run("plan", "--json", "--defaults", d.toString());
        assertThat(r.code()).isZero();
        var doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("params").get("cores").asText()).isEqualTo("1");
        assertThat(doc.get("params").get("memory").asText()).isEqualTo("2048");
        assertThat(doc.get("provenance").get("var_cpu").get("layer").asText()).isEqualTo("builtin");
        assertThat(r.err()).contains("var_cpu: 'export' line ignored, as build.func ignores it", "default.vars:1");
    }
}
