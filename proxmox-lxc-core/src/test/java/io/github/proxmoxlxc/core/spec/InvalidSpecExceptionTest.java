package io.github.proxmoxlxc.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidSpecExceptionTest {
    private static final List<Violation> VIOLATIONS = List.of(Violation.of("hostname", "-bad", "must be a DNS name"),
            new Violation("var_vlan", "x", "must be 1..4094", "app.vars:3"));

    @Test
    void message_namesFieldValueRuleAndSourceOfEveryViolation() {
        assertThat(new InvalidSpecException(VIOLATIONS).getMessage()).isEqualTo("2 invalid values:\n"
                + "  hostname='-bad': must be a DNS name\n  var_vlan='x': must be 1..4094 (app.vars:3)");
    }

    @Test
    void noViolations_isRejected() {
        assertThatThrownBy(() -> new InvalidSpecException(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("violations");
    }
}
