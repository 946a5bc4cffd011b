package io.github.proxmoxlxc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.proxmoxlxc.core.spec.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {
    private static final Path DEFAULTS = Fixtures.vars("default.vars");
    private static final Path PROFILE = Fixtures.vars("jellyfin.profile");
    private static final Path APP_VARS = Fixtures.vars("jellyfin.vars");

    @TempDir
    Path tmp;

    private ConfigResolver.Builder fullChain() {
        return ConfigResolver.builder().app("Jellyfin").defaults(DEFAULTS).appProfile(PROFILE)
                .appVars(APP_VARS);
    }

    @Test
    void bareRun_resolvesToBuildFuncBuiltInDefaults() {
        ResolvedConfig c = ConfigResolver.builder().app("Jellyfin").catalogueLookup(false).build().resolve();

        assertThat(c.value("var_cpu")).contains("1");
        assertThat(c.value("var_ram")).contains("1024");
        assertThat(c.value("var_disk")).contains("4");
        assertThat(c.value("var_os")).contains("debian");
        assertThat(c.value("var_version")).contains("13");
        assertThat(c.value("var_net")).contains("dhcp");
        assertThat(c.value("var_brg")).contains("vmbr0");
        assertThat(c.value("var_hostname")).contains("jellyfin");
        assertThat(c.value("var_tags")).contains("community-script");
        assertThat(c.values().values()).allSatisfy(v -> assertThat(v.layer()).isEqualTo(Layer.BUILTIN));
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void keyctl_unsetEverywhere_followsUnprivilegedAsBuildFuncDoes() {
        assertThat(ConfigResolver.builder().build().resolve().bool("var_keyctl")).contains(true);
        assertThat(ConfigResolver.builder().set("var_unprivileged", "0").build().resolve()
                .bool("var_keyctl")).contains(false);
    }

    @Test
    void keyctl_setInAFile_isHonouredUnlikeBuildFunc() {
        ResolvedConfig c = ConfigResolver.builder().defaults(DEFAULTS).build().resolve();

        assertThat(c.get("var_keyctl")).get().satisfies(v -> {
            assertThat(v.value()).isEqualTo("0");
            assertThat(v.provenance()).isEqualTo(Provenance.of(Layer.DEFAULTS, DEFAULTS, 37));
        });
    }

    @Test
    void precedenceChain_eachLayerBeatsTheOnesBelow() {
        ResolvedConfig c = fullChain()
                .env(Map.of("var_brg", "vmbr9", "var_vlan", "20", "PATH", "/usr/bin"))
                .set("var_vlan", "30")
                .build().resolve();

        // builtin only
        assertThat(c.get("var_inherit_host_ca")).get().extracting(ResolvedValue::layer)
                .isEqualTo(Layer.BUILTIN);
        assertThat(c.get("var_gpu")).get().extracting(ResolvedValue::value, ResolvedValue::layer)
                .containsExactly("yes", Layer.APP_VARS);
        // defaults < app-profile
        assertThat(c.get("var_os")).get().extracting(ResolvedValue::value)
                .isEqualTo("ubuntu");
        // app-profile < app-vars
        assertThat(c.get("var_ram")).get().satisfies(v -> {
            assertThat(v.value()).isEqualTo("4096");
            assertThat(v.provenance()).isEqualTo(Provenance.of(Layer.APP_VARS, APP_VARS, 8));
            assertThat(v.overridden()).extracting(s -> s.provenance().layer())
                    .containsExactly(Layer.BUILTIN, Layer.DEFAULTS, Layer.APP_PROFILE);
        });
        assertThat(c.value("var_tags")).contains("community-script;media");
        // app-vars < env
        assertThat(c.get("var_brg")).get().extracting(ResolvedValue::value, ResolvedValue::layer)
                .containsExactly("vmbr9", Layer.ENV);
        assertThat(c.get("var_brg").orElseThrow().provenance().location()).isEqualTo("environment");
        // env < explicit
        assertThat(c.get("var_vlan")).get().satisfies(v -> {
            assertThat(v.value()).isEqualTo("30");
            assertThat(v.layer()).isEqualTo(Layer.EXPLICIT);
            assertThat(v.overridden()).extracting(Setting::value).containsExactly("10", "20");
        });
        assertThat(c.warnings()).filteredOn(w -> !w.message().contains("not implemented yet")
                && !w.message().equals(VarsKeys.NODE_CHANNEL_WARNING))
                .extracting(ConfigWarning::key).containsExactlyInAnyOrder("var_cpu", "var_disk");
        // default.vars sets var_ssh and var_verbose, which only the node channel applies: said where they are set
        assertThat(c.warnings()).filteredOn(w -> w.message().equals(VarsKeys.NODE_CHANNEL_WARNING))
                .extracting(ConfigWarning::key).contains("var_ssh", "var_verbose");
    }

    @Test
    void appVarsBelowProfileFloor_isRaisedWithAWarningNamingBothFiles() {
        ResolvedConfig c = fullChain().build().resolve();

        assertThat(c.get("var_cpu")).get().satisfies(v -> {
            assertThat(v.value()).isEqualTo("2");
            assertThat(v.provenance()).isEqualTo(Provenance.of(Layer.APP_PROFILE, PROFILE, 3));
            assertThat(v.note()).contains("raised from 1", APP_VARS + ":7");
            assertThat(v.overridden()).last().extracting(Setting::value).isEqualTo("1");
        });
        assertThat(c.value("var_disk")).contains("16");
        assertThat(c.warnings()).filteredOn(w -> w.key().equals("var_cpu")).singleElement()
                .satisfies(w -> {
                    assertThat(w.toString()).contains(APP_VARS + ":7", PROFILE + ":3", "raised to 2");
                    assertThat(w.source()).isEqualTo(APP_VARS + ":7");
                });
    }

    @Test
    void defaultsVars_beatBuiltins() throws IOException {
        Path dv = Files.writeString(tmp.resolve("default.vars"), "var_brg=vmbr2\n");

        ResolvedConfig c = ConfigResolver.builder().defaults(dv).build().resolve();

        assertThat(c.get("var_brg")).get().satisfies(v -> {
            assertThat(v.value()).isEqualTo("vmbr2");
            assertThat(v.provenance()).isEqualTo(Provenance.of(Layer.DEFAULTS, dv, 1));
            assertThat(v.overridden()).containsExactly(
                    new Setting("var_brg", "vmbr0", Provenance.of(Layer.BUILTIN)));
        });
    }

    @Test
    void defaultsVarsBelowProfile_loseByPrecedenceWithoutWarning() {
        ResolvedConfig c = ConfigResolver.builder().defaults(DEFAULTS).appProfile(PROFILE)
                .build().resolve();

        assertThat(c.value("var_cpu")).contains("2");
        assertThat(c.value("var_ram")).contains("2048");
        assertThat(c.warnings()).filteredOn(w -> !w.message().contains("not implemented yet")
                && !w.message().equals(VarsKeys.NODE_CHANNEL_WARNING)).isEmpty();
    }

    @Test
    void envAndExplicitBelowProfileFloor_areKeptWithAWarning() {
        ResolvedConfig c = fullChain().env(Map.of("var_ram", "512")).set("var_disk", "2")
                .build().resolve();

        assertThat(c.get("var_ram")).get().extracting(ResolvedValue::value, ResolvedValue::layer)
                .containsExactly("512", Layer.ENV);
        assertThat(c.get("var_disk")).get().extracting(ResolvedValue::value, ResolvedValue::layer)
                .containsExactly("2", Layer.EXPLICIT);
        assertThat(c.warnings()).filteredOn(w -> w.key().equals("var_ram")).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("below the app profile's minimum 2048",
                        "kept"));
        assertThat(c.warnings()).filteredOn(w -> w.key().equals("var_disk")).singleElement()
                .satisfies(w -> assertThat(w.source()).isEqualTo("explicit"));
    }

    @Test
    void emptyValue_doesNotReplaceALowerLayer() {
        ResolvedConfig c = ConfigResolver.builder().defaults(DEFAULTS)
                .env(Map.of("var_tags", "")).build().resolve();

        assertThat(c.get("var_timezone")).get().extracting(ResolvedValue::value, ResolvedValue::layer)
                .containsExactly("host", Layer.BUILTIN);
        assertThat(c.get("var_tags")).get().extracting(ResolvedValue::layer).isEqualTo(Layer.DEFAULTS);
        assertThat(c.value("var_mount_fs")).isEmpty();
    }

    @Test
    void strictMode_reportsInvalidValuesOfAllLayersAtOnce() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.vars"), "var_cpu=0\nvar_mtu=9\n");

        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> ConfigResolver.builder().appVars(bad).env(Map.of("var_vlan", "x"))
                        .set("var_cpux", "2").set("var_pw", "a\nb").build().resolve());

        assertThat(e.violations()).extracting(Violation::field, Violation::source).containsExactly(
                tuple("var_cpu", bad + ":1"),
                tuple("var_mtu", bad + ":2"),
                tuple("var_vlan", "environment"),
                tuple("var_pw", "explicit"));
        assertThat(e.getMessage()).doesNotContain("a\nb");
    }

    @Test
    void lenientMode_fallsBackToTheLowerLayerAndWarns() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.vars"), "var_cpu=0\nvar_ram=2048\n");

        ResolvedConfig c = ConfigResolver.builder().appVars(bad).strictness(Strictness.LENIENT)
                .build().resolve();

        assertThat(c.get("var_cpu")).get().extracting(ResolvedValue::value, ResolvedValue::layer)
                .containsExactly("1", Layer.BUILTIN);
        assertThat(c.value("var_ram")).contains("2048");
        assertThat(c.warnings()).singleElement()
                .satisfies(w -> assertThat(w.toString()).contains("var_cpu", "'0'", bad + ":1"));
    }

    @Test
    void environment_isReadOnlyForKnownVarKeys() {
        ResolvedConfig c = ConfigResolver.builder().builtinDefaults(false)
                .env(Map.of("var_install", "x-install", "HOME", "/root", "var_ctid", "120",
                        "var_cpu", "3"))
                .build().resolve();

        assertThat(c.values()).containsOnlyKeys("var_cpu", "var_ctid");
        assertThat(c.warnings()).singleElement().satisfies(w -> {
            assertThat(w.key()).isEqualTo("var_install");
            assertThat(w.message()).startsWith("unknown key");
            assertThat(w.source()).isEqualTo("environment");
        });
    }

    @Test
    void unknownKey_isTheSameWarningInEveryLayer_withASuggestion() throws IOException {
        Path file = Files.writeString(tmp.resolve("u.vars"), "var_cpus=2\n");
        ResolvedConfig c = ConfigResolver.builder().builtinDefaults(false).defaults(file)
                .env(Map.of("var_cpus", "3")).set("var_cpus", "4").build().resolve();

        assertThat(c.values()).isEmpty();
        assertThat(c.warnings()).extracting(ConfigWarning::source)
                .containsExactly(file + ":1", "environment", "explicit");
        assertThat(c.warnings()).allSatisfy(w -> assertThat(w.message())
                .isEqualTo("unknown key (not in build.func's whitelist); ignored; did you mean var_cpu?"));
    }

    @Test
    void appProfileFromText_actsAsAFloorWithItsNameInProvenance() throws IOException {
        Path appVars = Files.writeString(tmp.resolve("app.vars"), "var_ram=512\n");
        Path origin = Path.of("profiles/jellyfin.vars");

        ResolvedConfig c = ConfigResolver.builder().appProfile("var_ram=2048\n", origin)
                .appVars(appVars).build().resolve();

        assertThat(c.get("var_ram")).get().satisfies(v -> {
            assertThat(v.value()).isEqualTo("2048");
            assertThat(v.provenance()).isEqualTo(Provenance.of(Layer.APP_PROFILE, origin, 1));
        });
    }

    @Test
    void missingFile_isAnErrorNamingIt() {
        Path missing = tmp.resolve("nope.vars");
        assertThatThrownBy(() -> ConfigResolver.builder().defaults(missing).build().resolve())
                .isInstanceOf(io.github.proxmoxlxc.core.ProxmoxException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void explain_showsLayerSourceOverridesNotesAndWarnings() {
        ResolvedConfig c = fullChain().env(Map.of("var_pw", "s3cret")).set("var_vlan", "30")
                .build().resolve();

        String text = c.explain();

        assertThat(text).startsWith("Resolved configuration for Jellyfin (jellyfin)\n");
        assertThat(text).containsPattern("var_vlan +30 +explicit +explicit\n +overrides: app-vars=10 \\("
                + Pattern.quote(APP_VARS + ":13") + "\\)\n");
        assertThat(text).containsPattern("var_cpu +2 +app-profile +"
                + Pattern.quote(PROFILE + ":3"));
        assertThat(text).contains("overrides: builtin=1, defaults=1 (" + DEFAULTS + ":9), app-vars=1 ("
                + APP_VARS + ":7)");
        assertThat(text).containsPattern("var_pw +\\*\\*\\* +env +environment");
        assertThat(text).contains("Warnings:\n").contains("\n  - var_cpu: ");
        assertThat(text).doesNotContain("s3cret");
    }

    @Test
    void layerIds_areTheNamesTheCliUses() {
        assertThat(Layer.values()).extracting(Layer::id).containsExactly("builtin", "defaults",
                "app-profile", "app-vars", "env", "explicit");
        assertThat(Layer.fromId("App-Vars")).isEqualTo(Layer.APP_VARS);
        assertThatThrownBy(() -> Layer.fromId("global")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("global");
    }
}
