package io.github.proxmoxlxc.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The quoting property end to end: lists of arbitrary strings, each sent as one quoted argument to
 * a remote {@code bash} over SSH to a real OpenSSH server, come back unchanged.
 */
class SshQuotingPropertyTest {
    static OpenSshServer sshd;
    static NodeConnection node;

    @BeforeContainer
    static void start() throws Exception {
        if (!OpenSshServer.available()) {
            return;
        }
        sshd = OpenSshServer.start(Files.createTempDirectory("sshd-prop"));
        node = NodeConnection.builder(sshd.target()).hostKeys(HostKeyPolicy.fingerprints(sshd.fingerprint()))
                .auth(SshAuth.keyFile(sshd.userKey)).commandTimeout(Duration.ofSeconds(60)).build();
    }

    @AfterContainer
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    @Provide
    Arbitrary<List<String>> texts() {
        return ShellQuotingPropertyTest.anyText().list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 10)
    void anyStringsRoundTripThroughSsh(@ForAll("texts") List<String> values) {
        net.jqwik.api.Assume.that(node != null); // only when /usr/sbin/sshd is installed (.ci/run installs it)
        assertThat(NodeConnectionOpenSshTest.roundTrip(node, values)).isEqualTo(values);
    }

}
