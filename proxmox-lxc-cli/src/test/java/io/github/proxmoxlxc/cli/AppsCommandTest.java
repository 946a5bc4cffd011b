package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.core.apps.AppCatalogue;
import org.junit.jupiter.api.Test;

/** {@code apps list/search/show} and the catalogue in {@code plan}/{@code create} (issue 15). */
class AppsCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void search_human_isGolden() {
        CliRunner.Result r = new CliRunner().run("apps", "search", "media", "server");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        Golden.assertMatches("apps-search-media-server.txt", r.out());
    }

    @Test
    void search_json_isGolden_andOneDocument() throws Exception {
        CliRunner.Result r = new CliRunner().run("apps", "search", "jellyfin", "--json");
        assertThat(r.code()).isZero();
        JsonNode doc = MAPPER.readTree(r.out());
        assertThat(doc.get("apps").get(0).get("slug").asText()).isEqualTo("jellyfin");
        Golden.assertMatches("apps-search-jellyfin.json", r.out());
    }

    @Test
    void show_human_isGolden() {
        CliRunner.Result r = new CliRunner().run("apps", "show", "jellyfin");
        assertThat(r.code()).isZero();
        Golden.assertMatches("apps-show-jellyfin.txt", r.out());
    }

    @Test
    void show_withAlpineVariant_human_isGolden() {
        CliRunner.Result r = new CliRunner().run("apps", "show", "AdGuard");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("create --app adguard --variant alpine sets");
        Golden.assertMatches("apps-show-adguard.txt", r.out());
    }

    @Test
    void show_json_isGolden_withWhatCreateWouldSet() throws Exception {
        CliRunner.Result r = new CliRunner().run("apps", "show", "jellyfin", "--json");
        assertThat(r.code()).isZero();
        JsonNode doc = MAPPER.readTree(r.out());
        assertThat(doc.get("port").asInt()).isEqualTo(8096);
        assertThat(doc.get("createSets").get("default").get("values").get("var_cpu").asText()).isEqualTo("2");
        assertThat(doc.get("createSets").get("default").get("template").asText()).isEqualTo("ubuntu-24.04-standard");
        Golden.assertMatches("apps-show-jellyfin.json", r.out());
    }

    @Test
    void typo_suggestsTheApp_withExitCodeInvalidInput() throws Exception {
        CliRunner.Result r = new CliRunner().run("apps", "show", "jelyfin");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("did you mean jellyfin?");

        CliRunner.Result j = new CliRunner().run("apps", "show", "jelyfin", "--json");
        assertThat(j.out()).contains("did you mean jellyfin?");

        CliRunner.Result s = new CliRunner().run("apps", "search", "jelyfin", "--json");
        assertThat(s.code()).isZero();
        JsonNode doc = MAPPER.readTree(s.out());
        assertThat(doc.get("count").asInt()).isZero();
        assertThat(doc.get("suggestions").get(0).asText()).isEqualTo("jellyfin");
    }

    @Test
    void list_all_andByCategory() throws Exception {
        CliRunner.Result all = new CliRunner().run("apps", "list", "--json");
        assertThat(all.code()).isZero();
        assertThat(MAPPER.readTree(all.out()).get("count").asInt()).isEqualTo(AppCatalogue.bundled().size());

        CliRunner.Result media = new CliRunner().run("apps", "list", "--category", "media");
        assertThat(media.code()).isZero();
        assertThat(media.out()).contains("jellyfin ", "plex ").doesNotContain("postgresql ")
                .contains(AppCatalogue.bundled().inCategory("media").size() + " apps in category media");

        CliRunner.Result bad = new CliRunner().run("apps", "list", "--category", "nosuch");
        assertThat(bad.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bad.err()).contains("--category", "Media & Streaming");
    }

    @Test
    void plan_withCatalogueApp_usesItsProfile_withProvenance() throws Exception {
        CliRunner.Result r = new CliRunner().run("plan", "--app", "jellyfin", "--json");
        assertThat(r.code()).isZero();
        JsonNode prov = MAPPER.readTree(r.out()).get("provenance");
        assertThat(prov.get("var_cpu").get("value").asText()).isEqualTo("2");
        assertThat(prov.get("var_cpu").get("layer").asText()).isEqualTo("app-profile");
        assertThat(prov.get("var_cpu").get("source").asText()).isEqualTo("catalogue: jellyfin");
        assertThat(prov.get("var_os").get("value").asText()).isEqualTo("ubuntu");
    }

    @Test
    void plan_unknownApp_saysNothingAppSpecificWasFound_whereItLooked_andSuggests() {
        CliRunner.Result r = new CliRunner().run("plan", "--app", "jelyfin");
        assertThat(r.code()).isZero();
        assertThat(r.both()).contains("nothing app-specific found for 'jelyfin'", "did you mean jellyfin?",
                "looked for jelyfin's saved defaults at /nonexistent-root/usr/local/community-scripts/defaults/jelyfin.vars");
    }

    @Test
    void variant_alpine_andVariantErrors() {
        CliRunner.Result ok = new CliRunner().run("plan", "--app", "adguard", "--variant", "alpine");
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("alpine-3.23-default", "catalogue: adguard alpine");

        CliRunner.Result lacks = new CliRunner().run("plan", "--app", "jellyfin", "--variant", "alpine");
        assertThat(lacks.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(lacks.err()).contains("--variant", "one of jellyfin's install methods: default");

        CliRunner.Result noApp = new CliRunner().run("plan", "--variant", "alpine");
        assertThat(noApp.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(noApp.err()).contains("needs --app");
    }

    @Test
    void create_catalogueAppWithPort_printsTheAccessUrl() throws Exception {
        CliRunner.Result r = new CliRunner().run("create", "--app", "jellyfin");
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("url +http://\\d+\\.\\d+\\.\\d+\\.\\d+:8096\n");

        CliRunner.Result j = new CliRunner().run("create", "--app", "jellyfin", "--json");
        JsonNode doc = MAPPER.readTree(j.out());
        String ip = doc.get("addresses").get(0).asText().replaceAll("/.*", "");
        assertThat(doc.get("access").get("url").asText()).isEqualTo("http://" + ip + ":8096");
    }
}
