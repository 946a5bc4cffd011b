package io.github.proxmoxlxc.core.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.InvalidSpecException;
import org.junit.jupiter.api.Test;

/** Issue 10, item 16: a description with '\r' rewrote what a reviewer saw of the plan. */
class Issue10DescriptionCarriageReturnTest {
    @Test
    void item16_carriageReturnAndTerminalControls_areRefused() {
        for (String d : new String[] {"safe\rrm -rf /", "x\u009b2J", "x\u001b[2J"}) {
            assertThatThrownBy(() -> ContainerSpec.builder().hostname("ct1").description(d).build())
                    .as(d).isInstanceOf(InvalidSpecException.class).hasMessageContaining("description")
                    .hasMessageContaining("control characters");
        }
    }

    @Test
    void item16_newlinesAndTabs_areStillAllowed() {
        assertThat(ContainerSpec.builder().hostname("ct1").description("line 1\n\tline 2").build().description())
                .contains("line 1\n\tline 2");
    }
}
