package io.github.proxmoxlxc.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.proxmoxlxc.core.provision.ContainerSetupContext;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.NetworkInterface;
import io.github.proxmoxlxc.core.spec.OsType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * In-container steps over real SSH; {@code pct} is a test double that runs {@code exec} commands
 * on the test machine with {@code /root/...} paths mapped under a fake container root.
 */
@Timeout(300)
class InContainerSetupTest {
    @TempDir
    static Path dir;
    static OpenSshServer sshd;
    static NodeConnection node;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(OpenSshServer.available(), "/usr/sbin/sshd is not installed (apt-get install openssh-server)");
        sshd = OpenSshServer.start(dir);
        node = NodeConnection.builder(sshd.target()).hostKeys(HostKeyPolicy.fingerprints(sshd.fingerprint()))
                .auth(SshAuth.keyFile(sshd.userKey)).commandTimeout(Duration.ofSeconds(120)).build();
        Path ct = dir.resolve("ct");
        Files.createDirectories(ct.resolve("root"));
        Path pct = dir.resolve("bin/pct");
        Files.writeString(pct, String.join("\n", "#!/bin/bash",
                "ct=" + ct,
                "printf '%s\\n' \"$1 $2\" >> " + dir.resolve("pct.log"),
                "case $1 in",
                "  exec) shift 3; args=(); for a; do case $a in /root/*) args+=(\"$ct$a\");; *) args+=(\"$a\");; esac; done;"
                        + " exec \"${args[@]}\";;",
                "  push) mkdir -p \"$(dirname \"$ct$4\")\"; cp \"$3\" \"$ct$4\"; chmod 700 \"$ct$4\";;",
                "  *) exit 2;;",
                "esac", ""));
        Files.setPosixFilePermissions(pct, PosixFilePermissions.fromString("rwxr-xr-x"));
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

    @Test
    void installScriptGetsBuildFuncEnvironment_logIsKept_hookRunsOnTheNode() throws Exception {
        Path script = dir.resolve("app-install.sh");
        Files.writeString(script, "echo \"CTID=$CTID os=$PCT_OSTYPE app=$APPLICATION pw=$PASSWORD tz=$tz\"\n"
                + "echo \"proxy=$http_proxy\"\n");
        Path hook = dir.resolve("hook.sh");
        Files.writeString(hook, "printf '%s\\n' \"$APP|$NSAPP|$CTID|$IP|$HN|$BRG\" > " + dir.resolve("hook.out") + "\n");
        List<String> progress = new ArrayList<>();
        Map<String, String> access = new LinkedHashMap<>();
        InContainerSetup setup = InContainerSetup.builder(node)
                .waitForDns(Duration.ofSeconds(5)).dnsName("localhost")
                .httpProxy("http://proxy:3128", "localhost")
                .installScript(InstallScript.file(script).withEnvironment(Map.of("PASSWORD", "p'w d")))
                .environment(Map.of("APPLICATION", "Jelly Fin"))
                .postInstallHook(hook.toString())
                .keepLogsIn(dir.resolve("logs"))
                .build();
        setup.run(ContainerSetupContext.of("pve1", 123, spec(), List.of("10.0.0.5/24"), progress::add, w -> { },
                access::put));
        String log = Files.readString(dir.resolve("logs/install-123.log"));
        assertThat(log).contains("CTID=123 os=debian app=Jelly Fin pw=p'w d tz=").contains("proxy=http://proxy:3128");
        assertThat(Files.readString(dir.resolve("hook.out"))).isEqualTo("Jelly Fin|jellyfin|123|10.0.0.5|jelly|vmbr0\n");
        assertThat(progress).contains("dns: started", "install app-install.sh: started", "post-install: started")
                .anyMatch(p -> p.matches("install app-install.sh: done in \\d+ ms"));
        assertThat(access).containsEntry("ip", "10.0.0.5").containsKey("installLog");
        assertThat(Files.readAllLines(dir.resolve("pct.log"))).contains("push 123", "exec 123");
    }

    @Test
    void aFailingInstallScriptReportsItsLastLines() throws Exception {
        Path script = dir.resolve("broken-install.sh");
        Files.writeString(script, "echo step one ok\necho 'E: step two broke' >&2\nexit 3\necho never\n");
        InContainerSetup setup = InContainerSetup.builder(node).installScript(InstallScript.file(script)).build();
        assertThatThrownBy(() -> setup.run(ContainerSetupContext.of("pve1", 124, spec(), List.of(), m -> { }, w -> { })))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("install broken-install.sh failed in container 124 (exit status 3)")
                .hasMessageContaining("step one ok").hasMessageContaining("E: step two broke")
                .hasMessageNotContaining("never");
    }
}
