package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class UsageTest {
    @Test
    void help_listsCommandsAndExitCodes() {
        CliRunner.Result r = new CliRunner().run("--help");
        assertThat(r.code()).isZero();
        Golden.assertMatches("help.txt", r.out());
    }

    @Test
    void unknownCommand_isUsage_exit2() {
        CliRunner.Result r = new CliRunner().run("frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: Unmatched argument");
    }

    @Test
    void usageError_withJson_printsErrorDocument() throws Exception {
        CliRunner.Result r = new CliRunner().run("status", "--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(r.out()).get("errors").get(0).get("key").asText()).isEqualTo("usage");
    }

    @Test
    void badDuration_isUsage_exit2() {
        CliRunner.Result r = new CliRunner().run("start", "100", "--timeout", "soon");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'soon' is not a duration");
    }

    @Test
    void noCommand_isUsage_exit2() {
        assertThat(new CliRunner().run().code()).isEqualTo(2);
    }
}
