package io.github.proxmoxlxc.cli.issues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.cli.Issue10Cli;
import io.github.proxmoxlxc.core.testsupport.HostileServer;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 10, items 4, 11 and 12 in the CLI: each hostile answer ends within its deadline with a
 * non-zero exit, exactly one JSON error document on stdout under {@code --json}, no stack trace,
 * and no raw escape character on the terminal.
 */
class Issue10HostileServerCliTest {
    @ParameterizedTest
    @EnumSource(value = HostileServer.Mode.class, names = {"GZIP_BOMB", "ENDLESS_CHUNKED", "SLOW_DRIP",
            "WRONG_DATA_TYPE", "ANSI_ERROR"})
    void hostileAnswer_endsWithOneJsonErrorDocument(HostileServer.Mode mode) throws Exception {
        try (HostileServer s = new HostileServer(mode)) {
            Map<String, String> env = Map.of("PVE_URL", s.url(), "PVE_TOKEN_ID", "ci@pve!tk",
                    "PVE_TOKEN_SECRET", "secret");
            long start = System.nanoTime();
            Issue10Cli.Run r = Issue10Cli.run(env, "list", "--json", "--allow-plain-http", "--call-timeout", "3s");
            assertThat((System.nanoTime() - start) / 1_000_000_000L).as("seconds").isLessThan(60);
            assertThat(r.code()).as(r.err()).isNotZero();
            JsonNode doc = new ObjectMapper().readTree(r.out()); // exactly one document: trailing content fails
            assertThat(doc.path("errors").isArray()).as(r.out()).isTrue();
            assertThat(doc.path("errors")).isNotEmpty();
            assertThat(r.err()).doesNotContain("\tat ").doesNotContain("OutOfMemoryError");
            assertThat(r.out() + r.err()).doesNotContain("\u001b");
        }
    }

    @ParameterizedTest
    @EnumSource(value = HostileServer.Mode.class, names = {"ANSI_ERROR"})
    void ansiText_isShownEscapedToPeople(HostileServer.Mode mode) throws Exception {
        try (HostileServer s = new HostileServer(mode)) {
            Issue10Cli.Run r = Issue10Cli.run(Map.of("PVE_URL", s.url(), "PVE_TOKEN_ID", "ci@pve!tk",
                    "PVE_TOKEN_SECRET", "secret"), "list", "--allow-plain-http");
            assertThat(r.code()).isNotZero();
            assertThat(r.err()).contains("\\x1b[2J").doesNotContain("\u001b");
        }
    }
}
