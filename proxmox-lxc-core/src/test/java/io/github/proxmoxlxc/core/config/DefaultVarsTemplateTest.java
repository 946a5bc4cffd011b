package io.github.proxmoxlxc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultVarsTemplateTest {
    @TempDir
    Path tmp;

    @Test
    void template_parsesToBuildFuncsValuesExceptTheIgnoredKeyctl() {
        String text = DefaultVarsTemplate.render(Optional.of("local"), Optional.of("local-lvm"));

        Map<String, String> ours = Fixtures.parse(text).values();
        Map<String, String> buildFuncs = VarsFile.read(Fixtures.vars("default.vars")).values();

        assertThat(ours).doesNotContainKey("var_keyctl");
        assertThat(ours).isEqualTo(buildFuncs.entrySet().stream()
                .filter(e -> !e.getKey().equals("var_keyctl"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void template_resolvesLikeTheBuiltInDefaults() throws IOException {
        Path dv = Files.writeString(tmp.resolve("default.vars"),
                DefaultVarsTemplate.render(Optional.empty(), Optional.empty()));

        ResolvedConfig withTemplate = ConfigResolver.builder().defaults(dv).build().resolve();
        ResolvedConfig bare = ConfigResolver.builder().build().resolve();

        withTemplate.values().forEach((k, v) -> assertThat(v.value()).as(k)
                .isEqualTo(bare.value(k).orElseThrow()));
        assertThat(withTemplate.bool("var_keyctl")).contains(true);
    }

    @Test
    void createIfMissing_neverOverwrites() throws IOException {
        Path file = tmp.resolve("usr/local/community-scripts/default.vars");

        assertThat(DefaultVarsTemplate.createIfMissing(file, Optional.empty(), Optional.empty())).isTrue();
        Files.writeString(file, "var_cpu=8\n");
        assertThat(DefaultVarsTemplate.createIfMissing(file, Optional.empty(), Optional.empty())).isFalse();
        assertThat(Files.readString(file)).isEqualTo("var_cpu=8\n");
    }

    @Test
    void invalidStorage_isRejected() {
        assertThatThrownBy(() -> DefaultVarsTemplate.render(Optional.of("Bad;id"), Optional.empty()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("var_template_storage='Bad;id'");
    }
}
