package io.github.proxmoxlxc.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.proxmoxlxc.hardware.gpu.Detection;
import io.github.proxmoxlxc.hardware.gpu.GpuDetector;
import io.github.proxmoxlxc.hardware.testsupport.HostFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** GPU detection over SFTP to a real OpenSSH server equals detection of the same tree read locally. */
@Timeout(300)
class RemoteHardwareTest {
    static final Path HOSTS = Path.of("../proxmox-lxc-hardware/src/test/resources/hosts");
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

    @ParameterizedTest
    @ValueSource(strings = {"s01-intel-igpu", "s02-intel-nvidia", "s03-amd-rocm", "x01-nvidia-two-a100-mig"})
    void remoteDetectionEqualsLocal(String scenario) throws Exception {
        Path tree = dir.resolve(scenario);
        Files.createDirectories(tree);
        HostFixture.apply(expand(HOSTS.resolve(scenario).resolve("host.txt")), tree);
        Detection local = GpuDetector.at(tree).detect();
        RemoteHardware remote = RemoteHardware.over(node);
        Detection overSftp = remote.detect(tree.toString());
        assertThat(local.gpus()).isNotEmpty();
        assertThat(overSftp.gpus().toString()).isEqualTo(local.gpus().toString());
        assertThat(overSftp.skipped().toString()).isEqualTo(local.skipped().toString());
        assertThat(remote.detect(tree.toString())).as("cached").isSameAs(overSftp);
    }

    static List<String> expand(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (l.strip().startsWith("@include ")) {
                out.addAll(expand(HOSTS.resolve("_blocks").resolve(l.strip().substring(9).strip() + ".txt")));
            } else {
                out.add(l);
            }
        }
        return out;
    }
}
