package io.github.proxmoxlxc.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.testkit.Fault;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client against a simulator that compresses as pveproxy does (a body over 1024 bytes is gzipped
 * for a client that accepts gzip, as OkHttp does by default): large answers decode to the same values
 * as from a node that does not compress ({@code COMPRESSION=0}), and the response-size cap counts the
 * inflated bytes, not the few compressed ones on the wire.
 */
@Timeout(120)
class SimulatorCompressionTest {

    private static final long MIB = 1024 * 1024;
    private static PveSimulator gzipping;
    private static PveSimulator plain;

    @BeforeAll
    static void start() {
        gzipping = PveSimulator.builder().timeScale(0.001).start();
        plain = PveSimulator.builder().compression(false).timeScale(0.001).start();
    }

    @AfterAll
    static void stop() {
        gzipping.close();
        plain.close();
    }

    private static ProxmoxClient client(PveSimulator sim) {
        return ProxmoxClient.builder().baseUrl(sim.baseUrl()).apiToken(sim.tokenId(), sim.tokenSecret())
                .trust(Trust.fingerprints(sim.fingerprint())).retry(RetryPolicy.none()).maxResponseBytes(MIB)
                .build();
    }

    private static List<String> appliances(PveSimulator sim) {
        try (ProxmoxClient c = client(sim)) {
            return c.node("pve1").appliances().list().stream()
                    .map(a -> a.template() + "|" + a.version() + "|" + a.os() + "|" + a.headline() + "|" + a.description())
                    .toList();
        }
    }

    @Test
    void largeAnswer_gzipped_decodesAsTheUncompressedOne() {
        // aplinfo with the default appliances is well over 1024 bytes (the testkit's compression test checks it)
        List<String> fromGzip = appliances(gzipping);
        assertThat(fromGzip).hasSize(PveSimulator.DEFAULT_APLINFO.size()).isEqualTo(appliances(plain));
    }

    @Test
    void sizeCap_countsInflatedBytes_ofAGzippedAnswer() {
        // 1.5 MiB of JSON that gzips to a few KiB: over the 1 MiB cap once inflated
        String pad = "x".repeat((int) (3 * MIB / 2));
        gzipping.injectFault("GET /version", 1, Fault.status(200, "OK",
                "{\"data\":{\"version\":\"9.1.2\",\"release\":\"9.1\",\"repoid\":\"abc\",\"pad\":\"" + pad + "\"}}"));
        try (ProxmoxClient c = client(gzipping)) {
            assertThatThrownBy(c::version).isInstanceOf(ResponseTooLargeException.class);
        } finally {
            gzipping.clearFaults();
        }
    }

    @Test
    void sizeCap_letsAGzippedAnswerUnderTheCapThrough() {
        String pad = "x".repeat((int) (MIB / 2));
        gzipping.injectFault("GET /version", 1, Fault.status(200, "OK",
                "{\"data\":{\"version\":\"9.1.2\",\"release\":\"9.1\",\"repoid\":\"abc\",\"pad\":\"" + pad + "\"}}"));
        try (ProxmoxClient c = client(gzipping)) {
            assertThat(c.version().release()).isEqualTo("9.1");
        } finally {
            gzipping.clearFaults();
        }
    }
}
