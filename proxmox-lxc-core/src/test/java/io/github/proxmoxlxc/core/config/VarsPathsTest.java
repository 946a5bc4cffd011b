package io.github.proxmoxlxc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VarsPathsTest {
    @TempDir
    Path root;

    private VarsPaths paths() {
        return VarsPaths.of(root, Map.of("HOME", "/home/alice"), root.resolve("work"));
    }

    private static Path touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "var_cpu=2\n");
    }

    @Test
    void candidates_followBuildFuncSearchOrder() {
        assertThat(paths().defaultVarsCandidates()).containsExactly(
                root.resolve("usr/local/community-scripts/default.vars"),
                root.resolve("home/alice/.config/community-scripts/default.vars"),
                root.resolve("work/default.vars"));
    }

    @Test
    void withoutHome_theHomeCandidateIsSkipped() {
        assertThat(VarsPaths.of(root, Map.of(), root).defaultVarsCandidates()).hasSize(2);
    }

    @Test
    void findDefaultVars_takesTheFirstExistingFile() throws IOException {
        assertThat(paths().findDefaultVars()).isEmpty();
        Path local = touch(root.resolve("work/default.vars"));
        assertThat(paths().findDefaultVars()).contains(local);
        Path home = touch(root.resolve("home/alice/.config/community-scripts/default.vars"));
        assertThat(paths().findDefaultVars()).contains(home);
        Path global = touch(root.resolve("usr/local/community-scripts/default.vars"));
        assertThat(paths().findDefaultVars()).contains(global);
    }

    @Test
    void appVars_usesTheNormalisedAppName() {
        assertThat(paths().appVars("Home Assistant")).isEqualTo(
                root.resolve("usr/local/community-scripts/defaults/homeassistant.vars"));
        assertThat(VarsPaths.nsapp("Pi-Hole")).isEqualTo("pi-hole");
    }

    @Test
    void appNameThatWouldEscapeTheDirectory_isRejected() {
        assertThatThrownBy(() -> paths().appVars("../../etc/passwd"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("app='../../etc/passwd'");
        assertThatThrownBy(() -> VarsPaths.nsapp("a..b")).isInstanceOf(InvalidConfigException.class);
        assertThatThrownBy(() -> VarsPaths.nsapp("")).isInstanceOf(InvalidConfigException.class);
    }
}
