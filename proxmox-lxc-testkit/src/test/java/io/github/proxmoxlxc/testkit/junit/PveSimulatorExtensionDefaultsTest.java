package io.github.proxmoxlxc.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.testkit.PveSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code @ExtendWith(PveSimulatorExtension.class)}: a simulator with the defaults, in constructors too. */
@ExtendWith(PveSimulatorExtension.class)
class PveSimulatorExtensionDefaultsTest {
    private final PveSimulator fromConstructor;

    PveSimulatorExtensionDefaultsTest(PveSimulator sim) {
        this.fromConstructor = sim;
    }

    @Test
    void defaults(PveSimulator sim) {
        assertThat(sim).isSameAs(fromConstructor);
        assertThat(sim.timeScale()).isEqualTo(0.001);
        assertThat(sim.nodeNames()).containsExactly("pve1");
        assertThat(sim.containers()).isEmpty();
    }
}
