package io.github.proxmoxlxc.core.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.config.ConfigResolver;
import io.github.proxmoxlxc.core.config.ResolvedConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * build.func's install environment, variable by variable against {@code build_container}'s
 * exports ({@code misc/build.func} L4419-4469 at community-scripts/ProxmoxVE 8386465a927a).
 */
class InstallEnvironmentTest {
    private static final UUID RUN = UUID.fromString("0badcafe-1234-4000-8000-00000000abcd");

    private static ResolvedConfig config(String app, String... sets) {
        ConfigResolver.Builder b = ConfigResolver.builder();
        if (app != null) {
            b.app(app);
        }
        for (int i = 0; i < sets.length; i += 2) {
            b.set(sets[i], sets[i + 1]);
        }
        return b.build().resolve();
    }

    /** The variables every install environment has in build.func's order, before the proxy ones. */
    private static Map<String, String> head(String cacher, String cacherIp) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("DIAGNOSTICS", "no");                               // telemetry off (build.func: the opt-in file)
        m.put("RANDOM_UUID", RUN.toString());
        m.put("EXECUTION_ID", RUN.toString());                    // EXECUTION_ID="${RANDOM_UUID}"
        m.put("SESSION_ID", "0badcafe");                          // ${RANDOM_UUID:0:8}
        m.put("REPO_SOURCE", "");
        m.put("REPO_SLUG", "");
        m.put("TELEMETRY_PLATFORM", "pve");
        m.put("CACHER", cacher);                                  // $APT_CACHER = var_apt_cacher
        m.put("CACHER_IP", cacherIp);                             // $APT_CACHER_IP = var_apt_cacher_ip, as written
        return m;
    }

    private static void proxy(Map<String, String> m, String proxy, String noProxy) {
        m.put("HTTP_PROXY", proxy);
        m.put("HTTPS_PROXY", proxy);
        m.put("http_proxy", proxy);
        m.put("https_proxy", proxy);
        m.put("NO_PROXY", noProxy);                               // "${HTTP_NO_PROXY:-}": no default here
        m.put("no_proxy", noProxy);
        m.put("var_http_proxy", proxy);
        m.put("var_http_no_proxy", noProxy);
    }

    private static void tail(Map<String, String> m) {
        m.put("BUILD_LOG", "/tmp/create-lxc-0badcafe.log");
        m.put("INSTALL_LOG", "/root/.install-0badcafe.log");
        m.put("dev_mode", "");
        for (String f : new String[] {"MOTD", "KEEP", "TRACE", "PAUSE", "BREAKPOINT", "LOGS", "DRYRUN"}) {
            m.put("DEV_MODE_" + f, "false");
        }
    }

    @Test
    void catalogueApp_everyVariableAsBuildFuncExportsIt() {
        ResolvedConfig cfg = config("jellyfin", "var_pw", "s3cret-pw", "var_verbose", "yes", "var_ssh", "yes",
                "var_ssh_authorized_key", "ssh-ed25519 AAAAC3Nza me@laptop", "var_apt_cacher", "yes",
                "var_apt_cacher_ip", "10.0.0.2", "var_http_proxy", "http://proxy.lan:3128",
                "var_http_no_proxy", "localhost,.lan", "var_unprivileged", "0", "var_fuse", "yes", "var_tun", "yes",
                "var_ipv6_method", "auto", "var_timezone", "Europe/Berlin", "var_github_token", "ghp_secret123");
        AppInstall install = AppInstall.builder(AppCatalogue.bundled().get("jellyfin")).config(cfg).vmid(105)
                .runId(RUN).hostTimezone("America/New_York").arch("arm64").build();

        Map<String, String> want = head("yes", "10.0.0.2");
        proxy(want, "http://proxy.lan:3128", "localhost,.lan");
        want.put("tz", "America/New_York");                       // tz="$timezone": the node's, not var_timezone
        want.put("APPLICATION", "Jellyfin Media Server");         // $APP
        want.put("app", "jellyfin");                              // $NSAPP
        want.put("PASSWORD", "s3cret-pw");
        want.put("VERBOSE", "yes");
        want.put("SSH_ROOT", "yes");                              // ${SSH} = var_ssh
        want.put("SSH_AUTHORIZED_KEY", "ssh-ed25519 AAAAC3Nza me@laptop");
        want.put("CTID", "105");
        want.put("CTTYPE", "0");                                  // $CT_TYPE = var_unprivileged
        want.put("ENABLE_FUSE", "yes");
        want.put("ENABLE_TUN", "yes");
        want.put("PCT_OSTYPE", "ubuntu");                         // $var_os (the app's profile)
        want.put("PCT_OSVERSION", "24.04");
        want.put("PCT_ARCH", "arm64");                            // dpkg --print-architecture on the node
        want.put("PCT_DISK_SIZE", "16");                          // $DISK_SIZE (the app's var_disk)
        want.put("IPV6_METHOD", "auto");
        want.put("ENABLE_GPU", "yes");                            // jellyfin's var_gpu
        tail(want);
        want.put("GITHUB_TOKEN", "ghp_secret123");                // var_github_token -> GITHUB_TOKEN

        assertThat(install.environment()).containsExactlyEntriesOf(want);
        assertThat(install.displayEnvironment()).containsEntry("PASSWORD", "***").containsEntry("GITHUB_TOKEN", "***")
                .containsEntry("CTID", "105");
        assertThat(install.displayEnvironment().toString()).doesNotContain("s3cret-pw").doesNotContain("ghp_secret123");
    }

    @Test
    void genericScript_everyVariableAsBuildFuncExportsIt_withWhatTheNodeFound() {
        ResolvedConfig cfg = config(null, "var_pw", "pw-123456", "var_apt_cacher", "yes",
                "var_apt_cacher_ip", "cacher.lan:3142", "var_version", "12");
        InstallEnvironment env = InstallEnvironment.builder().config(cfg).vmid(130).application("My Tool")
                .runId(RUN).nodeTimezone("Etc/UTC").unprivileged(true).osType("debian")
                .aptCacher("", "")                                // the cacher did not answer from the node
                .sshRoot(false).build();

        Map<String, String> want = head("", "");                  // build.func clears both when curl fails
        want.put("tz", "host");                                   // an Etc/* node zone becomes "host"
        want.put("APPLICATION", "My Tool");
        want.put("app", "mytool");                                // ${APP,,} without spaces
        want.put("PASSWORD", "pw-123456");
        want.put("VERBOSE", "no");
        want.put("SSH_ROOT", "no");
        want.put("SSH_AUTHORIZED_KEY", "");
        want.put("CTID", "130");
        want.put("CTTYPE", "1");
        want.put("ENABLE_FUSE", "no");
        want.put("ENABLE_TUN", "no");
        want.put("PCT_OSTYPE", "debian");
        want.put("PCT_OSVERSION", "12");
        want.put("PCT_ARCH", "amd64");
        want.put("PCT_DISK_SIZE", "4");
        want.put("IPV6_METHOD", "none");
        want.put("ENABLE_GPU", "no");
        tail(want);

        assertThat(env.variables()).containsExactlyEntriesOf(want);
        assertThat(env.toString()).contains("PASSWORD=***").doesNotContain("pw-123456");
    }

    @Test
    void withoutAConfiguration_theVarKeysCountAsUnset_andTheCacherIsAsWritten() {
        InstallEnvironment env = InstallEnvironment.builder().vmid(100).runId(RUN).build();
        assertThat(env.variables()).containsEntry("CACHER", "").containsEntry("CACHER_IP", "")
                .containsEntry("CTTYPE", "1").containsEntry("PASSWORD", "").containsEntry("APPLICATION", "")
                .containsEntry("tz", "host").doesNotContainKeys("HTTP_PROXY", "GITHUB_TOKEN");
        assertThat(env.displayVariables()).containsEntry("PASSWORD", "");

        // var_apt_cacher=no is exported as it is, as build.func's CACHER="$APT_CACHER" does
        assertThat(InstallEnvironment.builder().config(config(null, "var_apt_cacher", "no",
                "var_apt_cacher_ip", "10.1.1.1")).vmid(100).build().variables())
                .containsEntry("CACHER", "no").containsEntry("CACHER_IP", "10.1.1.1");
        // the builder's proxy wins over the configuration's; an empty one exports none
        assertThat(InstallEnvironment.builder().config(config(null, "var_http_proxy", "http://a:1")).vmid(100)
                .httpProxy("", "").build().variables()).doesNotContainKeys("HTTP_PROXY", "no_proxy");
        assertThatThrownBy(() -> InstallEnvironment.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vmid");
        assertThatThrownBy(() -> InstallEnvironment.builder().vmid(99)).hasMessageContaining("100 or more");
    }

    @Property(tries = 200)
    void anyPassword_isExportedAsWritten_andNeverShown(
            @ForAll @StringLength(min = 1, max = 40) @CharRange(from = '!', to = '~') String pw) {
        String secret = "Zq9" + pw;
        InstallEnvironment env = InstallEnvironment.builder().config(config(null, "var_pw", secret,
                "var_github_token", "Tk7" + pw)).vmid(101).build();

        assertThat(env.variables()).containsEntry("PASSWORD", secret).containsEntry("GITHUB_TOKEN", "Tk7" + pw);
        assertThat(env.displayVariables().values()).doesNotContain(secret, "Tk7" + pw);
        assertThat(env.toString()).doesNotContain(secret).doesNotContain("Tk7" + pw);
    }
}
