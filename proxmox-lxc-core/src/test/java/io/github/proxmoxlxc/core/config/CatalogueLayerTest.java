package io.github.proxmoxlxc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.apps.AppCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue as the app-profile layer (issue 15 item 2; issue 17 item 9). */
class CatalogueLayerTest {
    @Test
    void catalogueApp_isTheAppProfileLayer_withProvenance() {
        ResolvedConfig c = ConfigResolver.builder().app("Jellyfin").build().resolve();

        assertThat(c.value("var_cpu")).contains("2");
        assertThat(c.value("var_ram")).contains("2048");
        assertThat(c.value("var_disk")).contains("16");
        assertThat(c.value("var_os")).contains("ubuntu");
        assertThat(c.value("var_version")).contains("24.04");
        assertThat(c.value("var_tags")).contains("media");
        assertThat(c.value("var_gpu")).contains("yes");
        assertThat(c.value("var_hostname")).contains("jellyfin");
        ResolvedValue cpu = c.get("var_cpu").orElseThrow();
        assertThat(cpu.layer()).isEqualTo(Layer.APP_PROFILE);
        assertThat(cpu.provenance().location()).isEqualTo("catalogue: jellyfin");
        assertThat(cpu.provenance()).hasToString("app-profile (catalogue: jellyfin)");
        assertThat(c.explain()).contains("app-profile  catalogue: jellyfin");
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void catalogueFloors_raiseSavedFiles_butNotExplicitValues(@TempDir Path dir) throws IOException {
        Path appVars = Files.writeString(dir.resolve("jellyfin.vars"), "var_cpu=1\nvar_ram=512\n");

        ResolvedConfig c = ConfigResolver.builder().app("jellyfin").appVars(appVars).set("var_disk", "8")
                .build().resolve();

        assertThat(c.value("var_cpu")).contains("2");
        assertThat(c.value("var_ram")).contains("2048");
        assertThat(c.get("var_cpu").orElseThrow().note()).contains("raised from 1");
        assertThat(c.value("var_disk")).contains("8");
        assertThat(c.warnings()).anySatisfy(w -> assertThat(w.message())
                .contains("below the app profile's minimum 16 (catalogue: jellyfin)"));
    }

    @Test
    void appProfileFile_replacesTheCatalogue(@TempDir Path dir) throws IOException {
        Path profile = Files.writeString(dir.resolve("my.profile"), "var_cpu=6\n");

        ResolvedConfig c = ConfigResolver.builder().app("jellyfin").appProfile(profile).build().resolve();

        assertThat(c.value("var_cpu")).contains("6");
        assertThat(c.value("var_ram")).contains("1024");
        assertThat(c.get("var_cpu").orElseThrow().provenance().file()).contains(profile);
    }

    @Test
    void appObject_andAlpineVariant() {
        ResolvedConfig c = ConfigResolver.builder().app(AppCatalogue.bundled().get("adguard")).variant("alpine")
                .build().resolve();

        assertThat(c.value("var_os")).contains("alpine");
        assertThat(c.value("var_ram")).contains("256");
        assertThat(c.get("var_os").orElseThrow().provenance().location()).isEqualTo("catalogue: adguard alpine");
    }

    @Test
    void variantTheAppLacks_orWithoutACatalogueApp_isInvalid() {
        assertThatThrownBy(() -> ConfigResolver.builder().app("jellyfin").variant("alpine").build().resolve())
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("variant")
                .hasMessageContaining("[default]");
        assertThatThrownBy(() -> ConfigResolver.builder().app("my-own-app").variant("alpine").build().resolve())
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("'my-own-app' is not in the catalogue");
    }

    @Test
    void unknownApp_withoutProfileOrVars_saysNothingAppSpecificWasFound_andSuggests() {
        ResolvedConfig c = ConfigResolver.builder().app("jelyfin").build().resolve();

        assertThat(c.value("var_cpu")).contains("1");
        assertThat(c.value("var_hostname")).contains("jelyfin");
        assertThat(c.warnings()).singleElement().satisfies(w -> assertThat(w.toString())
                .contains("nothing app-specific found for 'jelyfin'").contains("did you mean jellyfin?")
                .contains("built-in defaults apply"));
    }

    @Test
    void retiredApp_resolvesFromWebsiteFigures_withAWarning() {
        String slug = AppCatalogue.bundled().all().stream().filter(a -> a.retired()).findFirst().orElseThrow().slug();

        ResolvedConfig c = ConfigResolver.builder().app(slug).build().resolve();

        assertThat(c.get("var_cpu").orElseThrow().layer()).isEqualTo(Layer.APP_PROFILE);
        assertThat(c.warnings()).anySatisfy(w -> assertThat(w.message()).contains("retired"));
        assertThat(Map.copyOf(c.values())).containsKey("var_os");
    }
}
