package io.github.proxmoxlxc.core.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.config.VarsKeys;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppCatalogueTest {
    private final AppCatalogue apps = AppCatalogue.bundled();

    @Test
    void bundledCatalogue_isLoadedOnce_withUniqueSortedSlugs_andItsSource() {
        assertThat(AppCatalogue.bundled()).isSameAs(apps);
        List<App> all = apps.all();
        assertThat(all).hasSizeGreaterThan(400);
        Set<String> slugs = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            assertThat(slugs.add(all.get(i).slug())).as(all.get(i).slug()).isTrue();
            if (i > 0) {
                assertThat(all.get(i).slug()).isGreaterThan(all.get(i - 1).slug());
            }
        }
        assertThat(apps.repository()).isEqualTo("community-scripts/ProxmoxVE");
        assertThat(apps.license()).startsWith("MIT License");
        assertThat(apps.scriptsCommit()).matches("[0-9a-f]{40}");
        assertThat(AppCatalogue.class.getResource("/META-INF/NOTICE")).as("NOTICE shipped").isNotNull();
    }

    @Test
    void jellyfin_hasTheFactsOfItsScript() {
        App j = apps.get("jellyfin");

        assertThat(j.name()).isEqualTo("Jellyfin Media Server");
        assertThat(j.port()).hasValue(8096);
        assertThat(j.privileged()).isFalse();
        assertThat(j.updateable()).isTrue();
        assertThat(j.categories()).containsExactly("Media & Streaming");
        assertThat(j.ctScript()).contains("ct/jellyfin.sh");
        assertThat(j.installScript()).contains("install/jellyfin-install.sh");
        assertThat(j.nsapp()).isEqualTo("jellyfin");
        assertThat(j.profile()).containsExactly(java.util.Map.entry("var_tags", "media"),
                java.util.Map.entry("var_cpu", "2"), java.util.Map.entry("var_ram", "2048"),
                java.util.Map.entry("var_disk", "16"), java.util.Map.entry("var_os", "ubuntu"),
                java.util.Map.entry("var_version", "24.04"), java.util.Map.entry("var_unprivileged", "1"),
                java.util.Map.entry("var_gpu", "yes"));
        assertThat(j.variants()).containsExactly("default");
        assertThat(j.retired()).isFalse();
    }

    @Test
    void lookup_bySlugNameOrNsapp_ignoresCase() {
        assertThat(apps.find("JELLYFIN")).map(App::slug).contains("jellyfin");
        assertThat(apps.find("Jellyfin Media Server")).map(App::slug).contains("jellyfin");
        assertThat(apps.find("jellyfinmediaserver")).map(App::slug).contains("jellyfin");
        assertThat(apps.find("zot-registry")).map(App::slug).contains("zot");
        assertThat(apps.find("no-such-app")).isEmpty();
    }

    @Test
    void typo_suggestsTheCloseSlug() {
        assertThat(apps.suggestions("jelyfin")).startsWith("jellyfin");
        assertThat(apps.suggestions("jelyfin")).hasSizeLessThanOrEqualTo(5);
        assertThat(apps.suggestions("qqqqqqqqqq")).isEmpty();
        assertThatThrownBy(() -> apps.get("jelyfin")).isInstanceOf(UnknownAppException.class)
                .hasMessageContaining("'jelyfin' is not in the community-scripts catalogue")
                .hasMessageContaining("did you mean jellyfin")
                .satisfies(e -> assertThat(((UnknownAppException) e).suggestions()).startsWith("jellyfin"));
    }

    @Test
    void search_matchesEveryWord_exactSlugFirst() {
        List<App> media = apps.search("jellyfin");
        assertThat(media.get(0).slug()).isEqualTo("jellyfin");
        assertThat(apps.search("media")).extracting(App::slug).contains("jellyfin", "plex");
        assertThat(apps.search("MEDIA streaming")).extracting(App::slug).contains("jellyfin")
                .allSatisfy(s -> assertThat(apps.get(s).categories().toString().toLowerCase()
                        + apps.get(s).name().toLowerCase() + s + apps.get(s).ctVarsAtHead())
                        .contains("media").contains("stream"));
        assertThat(apps.search("zzzz-nothing")).isEmpty();
    }

    @Test
    void category_byFullNameOrFirstWord() {
        List<App> media = apps.inCategory("media & streaming");
        assertThat(media).extracting(App::slug).contains("jellyfin", "plex");
        assertThat(apps.inCategory("Media")).isEqualTo(media);
        assertThat(apps.inCategory("nope")).isEmpty();
        assertThat(apps.categories()).contains("Media & Streaming", "Databases");
        assertThat(apps.search("jelly", "databases")).isEmpty();
        assertThat(apps.search("jelly", "media")).extracting(App::slug).contains("jellyfin");
    }

    @Test
    void everyProfile_usesOnlyWhitelistedKeys_andHasResourcesAndOs() {
        for (App a : apps.all()) {
            for (String v : a.variants()) {
                assertThat(a.profile(v).keySet()).as(a.slug() + " " + v).allMatch(VarsKeys::isWhitelisted)
                        .contains("var_cpu", "var_ram", "var_disk", "var_os", "var_version", "var_unprivileged");
            }
        }
    }

    @Test
    void alpineVariant_usesTheWebsiteFiguresAndTheAlpineScripts() {
        App adguard = apps.get("adguard");

        assertThat(adguard.variants()).containsExactly("default", "alpine");
        assertThat(adguard.profile("alpine")).containsEntry("var_os", "alpine").containsEntry("var_ram", "256")
                .containsEntry("var_tags", adguard.ctVarsAtHead().get("var_tags"));
        assertThat(adguard.installScript("alpine")).contains("install/alpine-adguard-install.sh");
        assertThatThrownBy(() -> apps.get("jellyfin").profile("alpine")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[default]");
    }

    @Test
    void retiredApp_hasNoInstallScript_andTheWebsiteFigures() {
        App a = apps.all().stream().filter(App::retired).findFirst().orElseThrow();

        InstallMethod m = a.installMethod("default").orElseThrow();
        assertThat(a.profile()).containsEntry("var_cpu", Integer.toString(m.cpu().orElseThrow()))
                .containsEntry("var_os", m.os().orElseThrow());
        assertThat(a.ctVarsAtHead()).isEmpty();
    }
}
