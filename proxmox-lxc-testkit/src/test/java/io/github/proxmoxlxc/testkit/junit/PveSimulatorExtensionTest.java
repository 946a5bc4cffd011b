package io.github.proxmoxlxc.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.testkit.PveSimulator;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension starts one configured simulator per class, injects it, and shares it with nested classes. */
class PveSimulatorExtensionTest {
    @RegisterExtension
    static final PveSimulatorExtension PVE = PveSimulatorExtension.configured(b -> b.timeScale(0.5).seed(3)
            .taskDuration("vzstart", Duration.ofSeconds(4)));

    private static PveSimulator fromBeforeAll;

    @BeforeAll
    static void beforeAll(PveSimulator sim) {
        fromBeforeAll = sim;
    }

    @Test
    void injectsTheStartedConfiguredSimulator(PveSimulator sim) {
        assertThat(sim).isSameAs(fromBeforeAll).isSameAs(PVE.simulator());
        assertThat(sim.baseUrl()).startsWith("https://127.0.0.1:");
        assertThat(sim.timeScale()).isEqualTo(0.5);
        assertThat(sim.taskDuration("vzstart")).isEqualTo(Duration.ofSeconds(2));
        assertThat(sim.taskDuration("no-such-type")).isEqualTo(Duration.ofMillis(500));
    }

    @Nested
    class Inner {
        @Test
        void sharesTheEnclosingClassesSimulator(PveSimulator sim) {
            assertThat(sim).isSameAs(fromBeforeAll);
        }
    }

    @Test
    void simulatorOutsideAClassRunIsRefused() {
        assertThatThrownBy(() -> new PveSimulatorExtension().simulator()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@BeforeAll");
    }
}
