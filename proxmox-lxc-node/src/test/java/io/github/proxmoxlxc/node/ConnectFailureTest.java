package io.github.proxmoxlxc.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A node that does not answer: the error names the target and the reason in plain words, no SSH library wording. */
class ConnectFailureTest {
    @Test
    void aClosedPort_isReportedAsRefused_withoutClassNames() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nobody listens there
        }
        try (NodeConnection node = NodeConnection.builder(SshTarget.of("root", "127.0.0.1", port))
                .hostKeys(HostKeyPolicy.fingerprints("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                .auth(SshAuth.password("x".toCharArray())).connectTimeout(Duration.ofSeconds(5)).build()) {
            assertThatThrownBy(() -> node.exec(RemoteCommand.of("true")))
                    .isInstanceOf(NodeChannelException.class)
                    .hasMessageContaining("could not connect to root@127.0.0.1:" + port + " within 5.0 s:")
                    .hasMessageContaining("Connection refused")
                    .hasMessageContaining("check the address, the port and that sshd runs on the node")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception", "Future", "PT"));
        }
    }
}
