package io.github.proxmoxlxc.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.testkit.Fault;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11, item 5: the client's {@link io.github.proxmoxlxc.core.client.RetryPolicy} is the only
 * retry layer. A read that keeps failing transiently is sent exactly {@code maxAttempts} times
 * during a provision (the provisioner does not loop around the client's retries), and the run
 * ends typed in the step that made the read.
 */
class OneRetryLayerTest {

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({
        "GET /cluster/nextid, 596, VMID",
        "GET /cluster/nextid, lock, VMID",
        "GET /nodes/{node}/lxc/{vmid}/interfaces, 503, WAIT_IP",
        "GET /nodes/{node}/lxc/{vmid}/interfaces, reset, WAIT_IP"})
    void persistentlyFailingRead_isAttemptedExactlyMaxAttemptsTimes(String endpoint, String fault, ProvisionStep step) {
        try (SimFixture f = SimFixture.start()) {
            int maxAttempts = f.client.retryPolicy().maxAttempts();
            f.sim.injectFault(endpoint, fault(fault).get());
            f.sim.resetRequestCounts();
            Provisioner p = Provisioner.on(f.client, f.options().build());

            assertThatThrownBy(() -> p.provision(SimFixture.request("retry-" + fault)))
                    .isInstanceOfSatisfying(ProvisionException.class, e -> assertThat(e.step()).isEqualTo(step));

            assertThat(maxAttempts).isGreaterThan(1);
            assertThat(f.sim.requestCount(endpoint)).as("requests to %s", endpoint).isEqualTo(maxAttempts);
        }
    }

    private static Supplier<Fault> fault(String name) {
        switch (name) {
            case "596": return Fault::proxyTimeout;
            case "lock": return Fault::lockHeld;
            case "503": return () -> Fault.status(503, "Service Unavailable", "");
            case "reset": return Fault::connectionReset;
            default: throw new IllegalArgumentException(name);
        }
    }
}
