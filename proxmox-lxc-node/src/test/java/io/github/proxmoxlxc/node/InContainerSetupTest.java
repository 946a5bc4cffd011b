package io.github.proxmoxlxc.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.proxmoxlxc.core.apps.App;
import io.github.proxmoxlxc.core.apps.AppCatalogue;
import io.github.proxmoxlxc.core.apps.ScriptSource;
import io.github.proxmoxlxc.core.config.ConfigResolver;
import io.github.proxmoxlxc.core.config.ResolvedConfig;
import io.github.proxmoxlxc.core.provision.ContainerSetupContext;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.NetworkInterface;
import io.github.proxmoxlxc.core.spec.OsType;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * In-container steps over real SSH (OpenSSH on loopback). {@code pct} is a test double: {@code exec}
 * runs the command on the test machine with every {@code /root/}, {@code /etc/},
 * {@code /usr/local/share/ca-certificates} and {@code /usr/share/zoneinfo/} inside its arguments
 * (script texts included) moved under a fake container root, and {@code push} copies into that
 * root; both are recorded. {@code apt-get}, {@code apk}, {@code locale-gen},
 * {@code update-ca-certificates}, {@code systemctl} and {@code timedatectl} are recording doubles
 * too.
 */
@Timeout(300)
class InContainerSetupTest {
    static final String SECRET = "s3cr'et pw $HOME";
    @TempDir
    static Path dir;
    static OpenSshServer sshd;
    static NodeConnection node;
    static Path ct;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(OpenSshServer.available(), "/usr/sbin/sshd is not installed (apt-get install openssh-server)");
        sshd = OpenSshServer.start(dir);
        node = NodeConnection.builder(sshd.target()).hostKeys(HostKeyPolicy.fingerprints(sshd.fingerprint()))
                .auth(SshAuth.keyFile(sshd.userKey)).commandTimeout(Duration.ofSeconds(120)).build();
        ct = dir.resolve("ct");
        Files.createDirectories(ct.resolve("root"));
        Files.createDirectories(ct.resolve("etc/apt/apt.conf.d"));
        Files.createDirectories(ct.resolve("etc/apk"));
        Files.createDirectories(ct.resolve("etc/profile.d"));
        Files.createDirectories(ct.resolve("etc/ssh"));
        Files.createDirectories(ct.resolve("usr/share/zoneinfo/Europe"));
        Files.writeString(ct.resolve("usr/share/zoneinfo/Europe/Berlin"), "TZif");
        Files.writeString(ct.resolve("etc/locale.gen"), "# de_DE.UTF-8 UTF-8\n# en_US.UTF-8 UTF-8\n");
        Files.writeString(ct.resolve("etc/ssh/sshd_config"), "#PermitRootLogin prohibit-password\n");
        String map = "m() { local a=$1; for p in /root/ /etc/ /usr/local/share/ca-certificates /usr/share/zoneinfo/;"
                + " do a=${a//$p/$ct$p}; done; printf '%s' \"$a\"; }";
        write(dir.resolve("bin/pct"), String.join("\n", "#!/bin/bash",
                "ct=" + ct,
                map,
                "printf '%s\\n' \"$1 $2\" >> " + dir.resolve("pct.log"),
                "printf '%s\\0' \"$@\" >> " + dir.resolve("pct.argv"),
                "case $1 in",
                "  exec) shift 3; args=(); for a; do args+=(\"$(m \"$a\")\"); done; exec \"${args[@]}\";;",
                "  push) d=$(m \"$4\"); mkdir -p \"$(dirname \"$d\")\"; cp \"$3\" \"$d\"; chmod \"${6:-0644}\" \"$d\";;",
                "  *) exit 2;;",
                "esac", ""));
        for (String p : List.of("apt-get", "apk", "locale-gen", "update-ca-certificates", "systemctl")) {
            write(dir.resolve("bin/" + p), "#!/bin/sh\necho \"" + p + " $*\" >> " + dir.resolve("calls.log") + "\n");
        }
        write(dir.resolve("bin/timedatectl"), "#!/bin/sh\necho America/New_York\n");
    }

    static void write(Path f, String text) throws Exception {
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    static ContainerSpec spec() {
        return ContainerSpec.builder().hostname("jelly").osType(OsType.DEBIAN)
                .network(0, NetworkInterface.builder("eth0").bridge("vmbr0").dhcp().build()).build();
    }

    static String read(String ctPath) throws Exception {
        return Files.readString(ct.resolve(ctPath.substring(1)));
    }

    /** A local scripts checkout with misc/install.func (a function the script calls) and a script. */
    static Path checkout(String name, String script) throws Exception {
        Path co = dir.resolve("checkout-" + name);
        Files.createDirectories(co.resolve("misc"));
        Files.createDirectories(co.resolve("install"));
        Files.writeString(co.resolve("misc/install.func"), "# install.func stand-in, long enough for build.func's"
                + " 100-character check\nsetting_up_container() { echo \"set up $APPLICATION in $CTID\"; }\n");
        Files.writeString(co.resolve("install/" + name + "-install.sh"), script);
        return co;
    }

    @Test
    void varKeysMapToBuildFuncSteps_inItsOrder_andSecretsStayOffCommandLines() throws Exception {
        Path caDir = dir.resolve("node-ca");
        Files.createDirectories(caDir);
        Files.writeString(caDir.resolve("corp-root.crt"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        Files.writeString(caDir.resolve("README"), "not a certificate");
        Path hook = dir.resolve("hook.sh");
        Files.writeString(hook, "printf '%s\\n' \"$APP|$NSAPP|$CTID|$IP|$HN|$BRG\" > " + dir.resolve("hook.out") + "\n");
        ResolvedConfig cfg = ConfigResolver.builder()
                .set("var_timezone", "Europe/Berlin")
                .set("var_http_proxy", "http://proxy.lan:3128")
                .set("var_apt_cacher", "yes").set("var_apt_cacher_ip", "127.0.0.1:9")
                .set("var_inherit_host_ca", "yes")
                .set("var_ssh", "yes").set("var_ssh_authorized_key", "ssh-ed25519 AAAAC3Nza test@laptop")
                .set("var_pw", SECRET).set("var_verbose", "yes")
                .set("var_post_install", hook.toString())
                .build().resolve();
        Path script = dir.resolve("custom-install.sh");
        Files.writeString(script, String.join("\n",
                "source /dev/stdin <<<\"$FUNCTIONS_FILE_PATH\"",
                "setting_up_container",
                "echo \"CTID=$CTID os=$PCT_OSTYPE tz=$tz verbose=$VERBOSE ssh=$SSH_ROOT cacher=[$CACHER]\"",
                "echo \"proxy=$http_proxy no_proxy=$no_proxy\"",
                "[ \"$PASSWORD\" = \"$EXPECTED_PASSWORD\" ] && echo password-ok",
                "ls " + ct.resolve("root") + " | grep -c '\\.env$' || true", ""));
        Path co = checkout("custom", "unused\n");
        List<String> progress = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> access = new LinkedHashMap<>();
        InContainerSetup setup = InContainerSetup.fromConfig(cfg, n -> node)
                .waitForDns(Duration.ofSeconds(5)).dnsName("localhost")
                .inheritHostCa(caDir.toString())
                .installScript(InstallScript.file(script).withFunctions(ScriptSource.localCheckout(co))
                        .withEnvironment(Map.of("EXPECTED_PASSWORD", SECRET)))
                .keepLogsIn(dir.resolve("logs"))
                .build();
        setup.run(ContainerSetupContext.of("pve1", 130, spec(), List.of("10.0.0.5/24"), progress::add, warnings::add,
                access::put));

        assertThat(progress.stream().filter(p -> p.endsWith(": started")).map(p -> p.substring(0, p.indexOf(':'))))
                .containsExactly("dns", "http-proxy", "host-ca", "locale", "timezone", "packages", "ssh-key",
                        "install custom-install.sh", "post-install");
        assertThat(progress).anyMatch(p -> p.matches("install custom-install.sh: done in \\d+ ms"));
        // the cacher on 127.0.0.1:9 does not answer: build.func warns and goes on without it
        assertThat(warnings).singleElement().asString().contains("APT cacher http://127.0.0.1:9 does not answer");
        assertThat(read("/etc/profile.d/90-http-proxy.sh")).contains("export https_proxy='http://proxy.lan:3128'")
                .contains("export no_proxy='localhost,127.0.0.1,.local'");
        assertThat(read("/etc/apt/apt.conf.d/95http-proxy")).isEqualTo(
                "Acquire::http::Proxy \"http://proxy.lan:3128\";\nAcquire::https::Proxy \"http://proxy.lan:3128\";\n");
        assertThat(ct.resolve("etc/apt/apt.conf.d/00aptproxy")).doesNotExist();
        assertThat(read("/usr/local/share/ca-certificates/corp-root.crt")).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(ct.resolve("usr/local/share/ca-certificates/README")).doesNotExist();
        assertThat(progress).contains("host-ca: found=1 copied=1 skipped=0, trust store updated");
        assertThat(read("/etc/locale.gen")).contains("\nen_US.UTF-8 UTF-8").contains("# de_DE.UTF-8");
        assertThat(read("/etc/default/locale")).isEqualTo("LANG=en_US.UTF-8\n");
        assertThat(read("/etc/timezone")).isEqualTo("Europe/Berlin\n");
        assertThat(Files.readSymbolicLink(ct.resolve("etc/localtime")).toString()).endsWith("/usr/share/zoneinfo/Europe/Berlin");
        assertThat(read("/root/.ssh/authorized_keys")).isEqualTo("ssh-ed25519 AAAAC3Nza test@laptop\n");
        // an install script runs: it allows root login itself (motd_ssh), so no ssh-root step here
        assertThat(read("/etc/ssh/sshd_config")).isEqualTo("#PermitRootLogin prohibit-password\n");
        assertThat(Files.readAllLines(dir.resolve("calls.log"))).contains("apt-get update -q",
                "apt-get install -y -q sudo curl mc gnupg2 jq", "locale-gen ", "update-ca-certificates ");

        String log = Files.readString(dir.resolve("logs/install-130.log"));
        assertThat(log).contains("set up jelly in 130")
                // tz is the node's zone and NO_PROXY is var_http_no_proxy as it is, as build.func exports them
                .contains("CTID=130 os=debian tz=America/New_York verbose=yes ssh=yes cacher=[]")
                .contains("proxy=http://proxy.lan:3128 no_proxy=\n")
                .contains("password-ok").doesNotContain(SECRET);
        // the environment file was read and removed before the script ran; nothing staged is left
        assertThat(log).contains("\n0\n");
        try (var files = Files.list(ct.resolve("root"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(f -> f.startsWith(".proxmox-lxc"));
        }
        // the password never reached a command line on the node
        String argv = Files.readString(dir.resolve("pct.argv"));
        // the plain environment is on the command (env K=V words); the secrets went into the private file
        assertThat(argv).doesNotContain("s3cr").doesNotContain("PASSWORD=").contains("exec\0" + "130\0--\0env\0")
                .contains("\0CTID=130\0", "\0SSH_ROOT=yes\0", "\0/root/.proxmox-lxc-install.sh.env\0");
        assertThat(Files.readString(dir.resolve("hook.out"))).isEqualTo("jelly|jelly|130|10.0.0.5|jelly|vmbr0\n");
        assertThat(access).containsEntry("ip", "10.0.0.5").containsKey("installLog");
    }

    @Test
    void catalogueApp_fromALocalCheckout_getsBuildFuncsEnvironment_andAccessDetails() throws Exception {
        Path co = checkout("jellyfin", String.join("\n",
                "source /dev/stdin <<<\"$FUNCTIONS_FILE_PATH\"",
                "setting_up_container",
                "echo \"APPLICATION=$APPLICATION app=$app PCT_OSTYPE=$PCT_OSTYPE PCT_OSVERSION=$PCT_OSVERSION"
                        + " ENABLE_GPU=$ENABLE_GPU CTTYPE=$CTTYPE SESSION_ID=$SESSION_ID tz=$tz\"", ""));
        ResolvedConfig cfg = ConfigResolver.builder().app("jellyfin").build().resolve();
        Map<String, String> access = new LinkedHashMap<>();
        InContainerSetup setup = InContainerSetup.fromConfig(cfg, n -> node).noDnsWait().noPackages()
                .app(AppCatalogue.bundled().get("jellyfin"), "default", ScriptSource.localCheckout(co))
                .runId(UUID.fromString("0badcafe-0000-4000-8000-000000000001"))
                .keepLogsIn(dir.resolve("logs")).build();
        setup.run(ContainerSetupContext.of("pve1", 131, spec(), List.of("fd00::5/64", "10.0.0.7/24"), m -> { },
                w -> { }, access::put));
        String log = Files.readString(dir.resolve("logs/install-131.log"));
        assertThat(log).contains("set up Jellyfin Media Server in 131").contains("APPLICATION=Jellyfin Media Server app=jellyfin"
                + " PCT_OSTYPE=ubuntu PCT_OSVERSION=24.04 ENABLE_GPU=yes CTTYPE=1 SESSION_ID=0badcafe"
                + " tz=America/New_York");
        assertThat(access).containsEntry("ip", "10.0.0.7").containsEntry("url", "http://10.0.0.7:8096");
    }

    /** build.func's exports for the install script (build_container, misc/build.func L4419-4469), in its order. */
    static final List<String> BUILD_FUNC_EXPORTS = List.of("DIAGNOSTICS", "RANDOM_UUID", "EXECUTION_ID", "SESSION_ID",
            "REPO_SOURCE", "REPO_SLUG", "TELEMETRY_PLATFORM", "CACHER", "CACHER_IP", "HTTP_PROXY", "HTTPS_PROXY",
            "http_proxy", "https_proxy", "NO_PROXY", "no_proxy", "var_http_proxy", "var_http_no_proxy", "tz",
            "APPLICATION", "app", "PASSWORD", "VERBOSE", "SSH_ROOT", "SSH_AUTHORIZED_KEY", "CTID", "CTTYPE",
            "ENABLE_FUSE", "ENABLE_TUN", "PCT_OSTYPE", "PCT_OSVERSION", "PCT_ARCH", "PCT_DISK_SIZE", "IPV6_METHOD",
            "ENABLE_GPU", "BUILD_LOG", "INSTALL_LOG", "dev_mode", "DEV_MODE_MOTD", "DEV_MODE_KEEP", "DEV_MODE_TRACE",
            "DEV_MODE_PAUSE", "DEV_MODE_BREAKPOINT", "DEV_MODE_LOGS", "DEV_MODE_DRYRUN", "GITHUB_TOKEN");

    /** An install script that prints each of build.func's exports as NAME=value, or NAME unset. */
    static String dumpScript() {
        return "for v in " + String.join(" ", BUILD_FUNC_EXPORTS) + "; do if [ -n \"${!v+x}\" ]; then"
                + " printf 'ENV %s=%s\\n' \"$v\" \"${!v}\"; else printf 'ENV %s unset\\n' \"$v\"; fi; done\n";
    }

    static Map<String, String> dumped(String log) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("ENV ") && !line.endsWith(" unset")) {
                String kv = line.substring(4);
                m.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        return m;
    }

    /** What build.func exports with this test's node (America/New_York) and configuration, for CT 132. */
    static Map<String, String> expectedExports(String application, String app, String os, String osVersion,
            String disk, String gpu) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("DIAGNOSTICS", "no");
        m.put("RANDOM_UUID", "0badcafe-0000-4000-8000-000000000002");
        m.put("EXECUTION_ID", "0badcafe-0000-4000-8000-000000000002");
        m.put("SESSION_ID", "0badcafe");
        m.put("REPO_SOURCE", "");
        m.put("REPO_SLUG", "");
        m.put("TELEMETRY_PLATFORM", "pve");
        m.put("CACHER", "");                      // var_apt_cacher=yes, but 127.0.0.1:9 does not answer: cleared
        m.put("CACHER_IP", "");
        for (String k : List.of("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")) {
            m.put(k, "http://proxy.lan:3128");
        }
        m.put("NO_PROXY", "");                    // "${HTTP_NO_PROXY:-}": the default list is only in the profile
        m.put("no_proxy", "");
        m.put("var_http_proxy", "http://proxy.lan:3128");
        m.put("var_http_no_proxy", "");
        m.put("tz", "America/New_York");          // the node's zone, whatever var_timezone says
        m.put("APPLICATION", application);
        m.put("app", app);
        m.put("PASSWORD", SECRET);
        m.put("VERBOSE", "no");
        m.put("SSH_ROOT", "yes");
        m.put("SSH_AUTHORIZED_KEY", "ssh-ed25519 AAAAC3Nza test@laptop");
        m.put("CTID", "132");
        m.put("CTTYPE", "1");
        m.put("ENABLE_FUSE", "no");
        m.put("ENABLE_TUN", "no");
        m.put("PCT_OSTYPE", os);
        m.put("PCT_OSVERSION", osVersion);
        m.put("PCT_ARCH", "(node)");
        m.put("PCT_DISK_SIZE", disk);
        m.put("IPV6_METHOD", "none");
        m.put("ENABLE_GPU", gpu);
        m.put("BUILD_LOG", "/tmp/create-lxc-0badcafe.log");
        m.put("INSTALL_LOG", "/root/.install-0badcafe.log");
        m.put("dev_mode", "");
        for (String f : List.of("MOTD", "KEEP", "TRACE", "PAUSE", "BREAKPOINT", "LOGS", "DRYRUN")) {
            m.put("DEV_MODE_" + f, "false");
        }
        m.put("GITHUB_TOKEN", "ghp_e2e_token");
        return m;
    }

    /** The keys of the first test (same key, proxy and zone), so the shared fake container ends the same. */
    static ConfigResolver.Builder exportsConfig(ConfigResolver.Builder b) {
        return b.set("var_pw", SECRET).set("var_http_proxy", "http://proxy.lan:3128").set("var_ssh", "yes")
                .set("var_ssh_authorized_key", "ssh-ed25519 AAAAC3Nza test@laptop")
                .set("var_apt_cacher", "yes").set("var_apt_cacher_ip", "127.0.0.1:9")
                .set("var_timezone", "Europe/Berlin").set("var_github_token", "ghp_e2e_token");
    }

    static Map<String, String> runAndDump(InContainerSetup.Builder b, String logName) throws Exception {
        b.noDnsWait().noPackages().runId(UUID.fromString("0badcafe-0000-4000-8000-000000000002"))
                .keepLogsIn(dir.resolve(logName));
        b.build().run(ContainerSetupContext.of("pve1", 132, spec(), List.of("10.0.0.8/24"), m -> { }, w -> { },
                (k, v) -> { }));
        Map<String, String> env = dumped(Files.readString(dir.resolve(logName + "/install-132.log")));
        // the pct double moves every /root/ in its arguments (env K=V words too) under the fake container root
        env.replaceAll((k, v) -> v.replace(ct.toString(), ""));
        assertThat(env.get("PCT_ARCH")).matches("[A-Za-z0-9_]+");
        env.put("PCT_ARCH", "(node)");
        return env;
    }

    @Test
    void genericScript_getsEveryBuildFuncExport_fromTheSharedEnvironment() throws Exception {
        Path script = dir.resolve("dump-install.sh");
        Files.writeString(script, dumpScript());
        InContainerSetup.Builder b = InContainerSetup.fromConfig(exportsConfig(ConfigResolver.builder()).build()
                .resolve(), n -> node).installScript(InstallScript.file(script));

        assertThat(runAndDump(b, "logs-generic")).containsExactlyEntriesOf(
                expectedExports("jelly", "jelly", "debian", "13", "4", "no"));
    }

    @Test
    void catalogueApp_getsEveryBuildFuncExport_fromTheSameSharedEnvironment() throws Exception {
        Path co = checkout("jellyfin", dumpScript());
        InContainerSetup.Builder b = InContainerSetup.fromConfig(exportsConfig(ConfigResolver.builder()
                .app("jellyfin")).build().resolve(), n -> node)
                .app(AppCatalogue.bundled().get("jellyfin"), "default", ScriptSource.localCheckout(co));

        assertThat(runAndDump(b, "logs-app")).containsExactlyEntriesOf(
                expectedExports("Jellyfin Media Server", "jellyfin", "ubuntu", "24.04", "16", "yes"));
    }

    @Test
    void alpineVariant_getsAlpineInstallFunc_apkBasePackages_andNoLocaleStep() throws Exception {
        App app = AppCatalogue.bundled().all().stream().filter(a -> a.variants().contains("alpine")
                && a.installScript("alpine").isPresent()).findFirst().orElseThrow();
        String script = app.installScript("alpine").orElseThrow();
        Path co = dir.resolve("checkout-alpine");
        Files.createDirectories(co.resolve("misc"));
        Files.createDirectories(co.resolve("install"));
        Files.writeString(co.resolve("misc/alpine-install.func"), "# alpine-install.func stand-in, long enough for"
                + " build.func's check of 100 characters\nsetting_up_container() { echo \"alpine functions\"; }\n");
        Files.writeString(co.resolve(script), "source /dev/stdin <<<\"$FUNCTIONS_FILE_PATH\"\nsetting_up_container\n"
                + "echo \"os=$PCT_OSTYPE\"\n");
        ResolvedConfig cfg = ConfigResolver.builder().app(app.slug()).variant("alpine").build().resolve();
        List<String> progress = new ArrayList<>();
        // the spec says nothing about the OS (as the CLI's): var_os decides
        ContainerSpec noOs = ContainerSpec.builder().hostname("alp").build();
        InContainerSetup.fromConfig(cfg, n -> node).noDnsWait().app(app, "alpine", ScriptSource.localCheckout(co))
                .keepLogsIn(dir.resolve("logs")).build()
                .run(ContainerSetupContext.of("pve1", 136, noOs, List.of("10.0.0.9/24"), progress::add, w -> { }));
        assertThat(Files.readString(dir.resolve("logs/install-136.log"))).contains("alpine functions", "os=alpine");
        assertThat(progress).noneMatch(p -> p.startsWith("locale") || p.startsWith("timezone"));
        assertThat(read("/etc/apk/repositories")).isEqualTo("https://dl-cdn.alpinelinux.org/alpine/latest-stable/main\n"
                + "https://dl-cdn.alpinelinux.org/alpine/latest-stable/community\n");
        assertThat(Files.readAllLines(dir.resolve("calls.log"))).contains("apk update",
                "apk add bash newt curl openssh nano mc ncurses jq");
    }

    @Test
    void scriptsFromAMirrorUrl_areFetchedOnTheNode_andATooShortFunctionsFileIsRefused() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Map<String, String> files = Map.of(
                "/ProxmoxVE/install/myapp-install.sh", "source /dev/stdin <<<\"$FUNCTIONS_FILE_PATH\"\nsetting_up_container\n",
                "/ProxmoxVE/misc/install.func", "# padding padding padding padding padding padding padding padding padding\n"
                        + "setting_up_container() { echo \"mirror functions for $CTID\"; }\n",
                "/short/misc/install.func", "too short\n",
                "/short/install/myapp-install.sh", "echo never\n");
        http.createContext("/", ex -> {
            String body = files.get(ex.getRequestURI().getPath());
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(body == null ? 404 : 200, b.length == 0 ? -1 : b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        http.start();
        try {
            String base = "http://127.0.0.1:" + http.getAddress().getPort();
            ScriptSource mirror = ScriptSource.mirror(URI.create(base + "/ProxmoxVE/"));
            InContainerSetup ok = InContainerSetup.builder(node)
                    .installScript(InstallScript.of(mirror, "install/myapp-install.sh").withFunctions(mirror))
                    .keepLogsIn(dir.resolve("logs")).build();
            ok.run(ContainerSetupContext.of("pve1", 132, spec(), List.of(), m -> { }, w -> { }));
            assertThat(Files.readString(dir.resolve("logs/install-132.log"))).contains("mirror functions for 132");

            ScriptSource shortOne = ScriptSource.mirror(URI.create(base + "/short/"));
            InContainerSetup bad = InContainerSetup.builder(node)
                    .installScript(InstallScript.of(shortOne, "install/myapp-install.sh").withFunctions(shortOne)).build();
            assertThatThrownBy(() -> bad.run(ContainerSetupContext.of("pve1", 133, spec(), List.of(), m -> { }, w -> { })))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("install myapp-install.sh failed in container 133 (exit status 115)")
                    .hasMessageContaining("fewer than the 100 expected");

            InContainerSetup missing = InContainerSetup.builder(node)
                    .installScript(InstallScript.of(mirror, "install/nope-install.sh")).build();
            assertThatThrownBy(() -> missing.run(ContainerSetupContext.of("pve1", 134, spec(), List.of(), m -> { },
                    w -> { })))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("could not fetch " + base + "/ProxmoxVE/install/nope-install.sh");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void sshWithoutInstallScript_allowsRootLogin() throws Exception {
        Files.writeString(ct.resolve("etc/ssh/sshd_config"), "#PermitRootLogin prohibit-password\nPort 22\n");
        String localeGen = read("/etc/locale.gen");
        // a template without the locale: build.func goes on, so the step only warns
        Files.writeString(ct.resolve("etc/locale.gen"), "# nothing enabled here\n");
        ResolvedConfig cfg = ConfigResolver.builder().set("var_ssh", "yes").build().resolve();
        List<String> progress = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        InContainerSetup.fromConfig(cfg, n -> node).noDnsWait().noPackages().build()
                .run(ContainerSetupContext.of("pve1", 135, spec(), List.of(), progress::add, warnings::add));
        assertThat(read("/etc/ssh/sshd_config")).isEqualTo("PermitRootLogin yes\nPort 22\n");
        assertThat(progress).contains("ssh-root: started").doesNotContain("ssh-key: started");
        // (the test double moves /etc/ under its fake root, in messages too)
        assertThat(warnings).singleElement().asString().startsWith("locale failed in container 135 (exit status 1;"
                + " continuing, as build.func does): no locale enabled in ").endsWith("/etc/locale.gen");
        Files.writeString(ct.resolve("etc/locale.gen"), localeGen);
        Files.writeString(ct.resolve("etc/ssh/sshd_config"), "#PermitRootLogin prohibit-password\n");
    }

    @Test
    void aFailingInstallScriptReportsItsLastLines_andTheExitCodeInstallFuncLeft() throws Exception {
        Path script = dir.resolve("broken-install.sh");
        Files.writeString(script, "echo step one ok\necho 'E: step two broke' >&2\nexit 3\necho never\n");
        InContainerSetup setup = InContainerSetup.builder(node).installScript(InstallScript.file(script)).build();
        assertThatThrownBy(() -> setup.run(ContainerSetupContext.of("pve1", 124, spec(), List.of(), m -> { }, w -> { })))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("install broken-install.sh failed in container 124 (exit status 3)")
                .hasMessageContaining("step one ok").hasMessageContaining("E: step two broke")
                .hasMessageNotContaining("never");

        // install.func's error handler leaves the exit code in /root/.install-<SESSION_ID>.failed
        Path flagged = dir.resolve("flagged-install.sh");
        Files.writeString(flagged, "echo 42 > " + ct.resolve("root") + "/.install-$SESSION_ID.failed\necho handled\nexit 0\n");
        InContainerSetup setup2 = InContainerSetup.builder(node).installScript(InstallScript.file(flagged))
                .runId(UUID.fromString("feedbeef-0000-4000-8000-000000000002")).build();
        assertThatThrownBy(() -> setup2.run(ContainerSetupContext.of("pve1", 125, spec(), List.of(), m -> { }, w -> { })))
                .isInstanceOf(CommandFailedException.class).hasMessageContaining("(exit status 42)");
        assertThat(ct.resolve("root/.install-feedbeef.failed")).doesNotExist();
    }

    @Test
    void environmentFile_roundTripsAnyValueThroughBash() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("A", "it's \"quoted\" $HOME `id` \\ end");
        env.put("B", "two\nlines\t and tab");
        env.put("C", "");
        env.put("D", "ünïcödé ✓");
        Path f = dir.resolve("env-roundtrip");
        Files.write(f, ContainerScripts.environmentFile(env));
        Process p = new ProcessBuilder("bash", "-c", ". \"$1\"; printf '%s\\0' \"$A\" \"$B\" \"$C\" \"$D\"", "bash",
                f.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out.split("\0", -1)).containsExactly(env.get("A"), env.get("B"), env.get("C"), env.get("D"), "");
        assertThatThrownBy(() -> ContainerScripts.environmentFile(Map.of("BAD-NAME", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BAD-NAME");
    }
}
