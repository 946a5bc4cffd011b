package io.github.proxmoxlxc.core.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.config.ConfigResolver;
import io.github.proxmoxlxc.core.config.ResolvedConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppInstallTest {
    private static final UUID RUN = UUID.fromString("12345678-9abc-def0-1234-56789abcdef0");
    private final App jellyfin = AppCatalogue.bundled().get("jellyfin");

    private ResolvedConfig config(String app, String... sets) {
        ConfigResolver.Builder b = ConfigResolver.builder().app(app);
        for (int i = 0; i < sets.length; i += 2) {
            b.set(sets[i], sets[i + 1]);
        }
        return b.build().resolve();
    }

    @Test
    void jellyfin_fromCommunityScripts_withBuildFuncEnvironment_andAccessUrl() {
        AppInstall i = AppInstall.builder(jellyfin).config(config("jellyfin", "var_pw", "s3cret-pw"))
                .vmid(105).address("192.168.100.158/24").runId(RUN).build();

        assertThat(i.scriptLocation()).isEqualTo(
                "https://raw.githubusercontent.com/community-scripts/ProxmoxVE/main/install/jellyfin-install.sh");
        assertThat(i.functionsLocation()).endsWith("/main/misc/install.func");
        assertThat(i.environment()).containsEntry("CTID", "105").containsEntry("app", "jellyfin")
                .containsEntry("APPLICATION", "Jellyfin Media Server").containsEntry("CTTYPE", "1")
                .containsEntry("PCT_OSTYPE", "ubuntu").containsEntry("PCT_OSVERSION", "24.04")
                .containsEntry("PCT_DISK_SIZE", "16").containsEntry("ENABLE_GPU", "yes")
                .containsEntry("ENABLE_FUSE", "no").containsEntry("SESSION_ID", "12345678")
                .containsEntry("INSTALL_LOG", "/root/.install-12345678.log").containsEntry("DIAGNOSTICS", "no")
                .containsEntry("PASSWORD", "s3cret-pw").containsEntry("tz", "host")
                .doesNotContainKeys("HTTP_PROXY", "FUNCTIONS_FILE_PATH");
        assertThat(i.displayEnvironment()).containsEntry("PASSWORD", "***");
        assertThat(i.toString()).doesNotContain("s3cret-pw");
        assertThat(i.access().url()).contains("http://192.168.100.158:8096");
        assertThat(i.access().address()).contains("192.168.100.158");
        assertThat(i.access().username()).isEmpty();
    }

    @Test
    void proxy_andTimezone_areExportedAsBuildFuncDoes() {
        AppInstall i = AppInstall.builder(jellyfin).config(config("jellyfin", "var_http_proxy",
                "http://proxy:3128", "var_timezone", "Europe/Berlin")).vmid(100).hostTimezone("America/New_York")
                .build();

        // build.func exports tz="$timezone", the node's zone; var_timezone only feeds pct create -timezone
        assertThat(i.environment()).containsEntry("HTTP_PROXY", "http://proxy:3128")
                .containsEntry("https_proxy", "http://proxy:3128")
                .containsEntry("NO_PROXY", "").containsEntry("tz", "America/New_York");
        assertThat(i.access().url()).isEmpty();
    }

    @Test
    void alpineVariant_localCheckout_andMirror() {
        App adguard = AppCatalogue.bundled().get("adguard");
        ResolvedConfig cfg = ConfigResolver.builder().app("adguard").variant("alpine").build().resolve();

        AppInstall local = AppInstall.builder(adguard).variant("alpine").config(cfg).vmid(100)
                .scripts(ScriptSource.localCheckout(Path.of("/srv/ProxmoxVE"))).build();
        AppInstall mirror = AppInstall.builder(adguard).variant("alpine").config(cfg).vmid(100)
                .scripts(ScriptSource.mirror(URI.create("https://mirror.example.org/pve"))).build();

        assertThat(local.scriptLocation()).isEqualTo("/srv/ProxmoxVE/install/alpine-adguard-install.sh");
        assertThat(local.functionsScript()).isEqualTo("misc/alpine-install.func");
        assertThat(local.scriptSource().isLocal()).isTrue();
        assertThat(mirror.scriptLocation()).isEqualTo("https://mirror.example.org/pve/install/alpine-adguard-install.sh");
        assertThat(mirror.environment()).containsEntry("app", "alpine-adguard").containsEntry("PCT_OSTYPE", "alpine");
    }

    @Test
    void pinnedSource_usesTheCatalogueCommit() {
        AppCatalogue c = AppCatalogue.bundled();
        assertThat(ScriptSource.pinned(c).url("install/jellyfin-install.sh")).contains(
                "https://raw.githubusercontent.com/community-scripts/ProxmoxVE/" + c.scriptsCommit()
                        + "/install/jellyfin-install.sh");
    }

    @Test
    void badInput_isRefusedWithTheReason() {
        assertThatThrownBy(() -> ScriptSource.mirror(URI.create("ftp://x/"))).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> ScriptSource.communityScripts().url("install/../../etc/passwd"))
                .hasMessageContaining("ct/, install/ or misc/");
        assertThatThrownBy(() -> AppInstall.builder(jellyfin).vmid(100).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AppInstall.builder(jellyfin).config(config("jellyfin")).vmid(100).variant("alpine")
                .build()).hasMessageContaining("[default]");
        App retired = AppCatalogue.bundled().all().stream().filter(App::retired)
                .filter(a -> a.installScript().isEmpty()).findFirst().orElseThrow();
        assertThatThrownBy(() -> AppInstall.builder(retired).config(config(retired.slug())).vmid(100).build())
                .isInstanceOf(ProxmoxException.class).hasMessageContaining("no install script");
    }

    @Test
    void access_withIpv6_andCredentials() {
        App guac = AppCatalogue.bundled().get("apache-guacamole");
        AppAccess a = guac.access("fd00::5/64");

        assertThat(a.url()).isPresent().hasValueSatisfying(u -> assertThat(u).startsWith("http://[fd00::5]:"));
        assertThat(a.username()).contains("guacadmin");
        assertThat(a.lines()).anyMatch(l -> l.startsWith("password  guacadmin"));
    }
}
