package io.github.proxmoxlxc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.proxmoxlxc.core.spec.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppDefaultsTest {
    private static final Instant AT = Instant.parse("2026-11-26T21:00:00.123Z");

    @TempDir
    Path tmp;

    private static Map<String, String> sample() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("var_tags", "community-script;media");
        m.put("var_cpu", "2");
        m.put("var_fuse", "TRUE");
        m.put("var_nesting", "yes");
        m.put("var_searchdomain", "lan # home");
        m.put("var_os", "debian");
        m.put("var_version", "13");
        m.put("var_mtu", "");
        return m;
    }

    @Test
    void render_writesBuildFuncHeaderOrderAndBooleanSpellings() {
        String text = AppDefaults.of("Jellyfin", sample()).render(AT);

        assertThat(text).isEqualTo("# App-specific defaults for Jellyfin (jellyfin)\n"
                + "# Generated on 2026-11-26T21:00:00Z\n"
                + "\n"
                + "var_os=debian\n"
                + "var_version=13\n"
                + "var_cpu=2\n"
                + "var_fuse=yes\n"
                + "var_nesting=1\n"
                + "var_tags=community-script;media\n"
                + "var_searchdomain=\"lan # home\"\n");
    }

    @Test
    void tagsWithSemicolons_areSavedUnlikeBuildFuncWhichBlanksThem() {
        String text = AppDefaults.of("Jellyfin", Map.of("var_tags", "a;b")).render(AT);

        assertThat(Fixtures.parse(text).value("var_tags")).contains("a;b");
    }

    @Test
    void renderedFile_readsBackToTheSameValues() {
        AppDefaults d = AppDefaults.of("Jellyfin", sample());

        assertThat(Fixtures.parse(d.render(AT)).values()).isEqualTo(d.values());
    }

    @Test
    void fromResolvedConfig_savesWhatBuildFuncSavesWithoutSecrets() {
        ResolvedConfig c = ConfigResolver.builder().app("Jellyfin")
                .env(Map.of("var_pw", "s3cret", "var_ctid", "123", "var_github_token", "t"))
                .build().resolve();

        AppDefaults d = AppDefaults.from("Jellyfin", c);

        assertThat(d.values()).doesNotContainKeys("var_pw", "var_ctid", "var_github_token");
        assertThat(d.values().keySet()).startsWith("var_os", "var_version", "var_unprivileged",
                "var_cpu", "var_ram", "var_disk");
        assertThat(d.values()).containsEntry("var_hostname", "jellyfin")
                .containsEntry("var_keyctl", "1");
    }

    @Test
    void invalidUnknownOrSecretValues_areRefusedAllAtOnce() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("var_cpu", "0");
        m.put("var_pw", "s3cret");
        m.put("var_bogus", "1");
        m.put("var_searchdomain", "lan ");

        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> AppDefaults.of("Jellyfin", m));

        assertThat(e.violations()).extracting(Violation::field)
                .containsExactly("var_cpu", "var_pw", "var_bogus", "var_searchdomain");
        assertThat(e.getMessage()).doesNotContain("s3cret").contains("trailing whitespace");
    }

    @Test
    void save_writesAReadableFileWithMode0644() throws IOException {
        Path target = tmp.resolve("defaults/jellyfin.vars");

        AppDefaults.of("Jellyfin", sample()).save(target, AT);

        assertThat(VarsFile.read(target).values()).containsEntry("var_tags", "community-script;media");
        if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                    .isEqualTo("rw-r--r--");
        }
        try (java.util.stream.Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void diff_againstExistingFile_listsChangedRemovedAndAddedKeys() throws IOException {
        Path existing = Files.writeString(tmp.resolve("jellyfin.vars"),
                "# old\nvar_cpu=1\nvar_fuse=no\nvar_nesting=1\nvar_brg=vmbr1\n");
        Map<String, String> m = new LinkedHashMap<>();
        m.put("var_cpu", "2");
        m.put("var_fuse", "false");
        m.put("var_nesting", "on");
        m.put("var_vlan", "10");

        VarsDiff diff = AppDefaults.of("Jellyfin", m).diff(existing);

        assertThat(diff.render()).isEqualTo("~ var_cpu\n    - old: 1\n    + new: 2\n"
                + "- var_brg\n    - old: vmbr1\n"
                + "+ var_vlan\n    + new: 10\n");
    }

    @Test
    void diff_withSameValues_hasNoDifferences() throws IOException {
        Path target = tmp.resolve("jellyfin.vars");
        AppDefaults d = AppDefaults.of("Jellyfin", sample());
        d.save(target, AT);

        assertThat(d.diff(target).isEmpty()).isTrue();
        assertThat(d.diff(target).render()).isEqualTo("(No differences)\n");
    }

    @Test
    void diff_againstMissingFile_addsEverything() {
        VarsDiff diff = AppDefaults.of("Jellyfin", Map.of("var_cpu", "2")).diff(tmp.resolve("none"));

        assertThat(diff.changes()).singleElement()
                .satisfies(c -> assertThat(c.oldValue()).isEmpty());
    }

    @Test
    void diff_masksSecretsOfTheExistingFile() throws IOException {
        Path existing = Files.writeString(tmp.resolve("x.vars"), "var_pw=s3cret\n");

        assertThat(AppDefaults.of("X", Map.of()).diff(existing).render())
                .isEqualTo("- var_pw\n    - old: ***\n");
    }
}
