package io.github.proxmoxlxc.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Builder validation, configured inventory, durations and the remaining fault kinds. */
class PveSimulatorBuilderTest {

    @Test
    void badBuilderInputNamesFieldValueAndRule() {
        assertThatThrownBy(() -> PveSimulator.builder().tokenId("root@pam"))
                .hasMessage("tokenId 'root@pam' must look like user@realm!name");
        assertThatThrownBy(() -> PveSimulator.builder().addNode("bad_node", 2, 1))
                .hasMessageContaining("node name 'bad_node' must match the pve-node format");
        assertThatThrownBy(() -> PveSimulator.builder().timeScale(-1)).hasMessageContaining("timeScale");
        assertThatThrownBy(() -> StorageDefinition.builder().id("x").build())
                .hasMessageContaining("storage id 'x' must match");
        assertThatThrownBy(() -> StorageDefinition.builder().id("tank").content(Set.of("music")).build())
                .hasMessageContaining("content 'music' must be one of");
        assertThatThrownBy(() -> Fault.taskError(1, "OK")).hasMessageContaining("must be an error text");
        assertThatThrownBy(() -> PveSimulator.builder().addStorage("nope", StorageDefinition.builder().id("tank").build())
                .build()).hasMessage("storage 'tank' added to unknown node 'nope'");
    }

    @Test
    void storageInspection_unknownNodeOrStorage_isAnIllegalArgumentNamingTheKnownOnes() {
        PveSimulator sim = PveSimulator.builder().addNode("pve1", 4, 8L << 30).addNode("pve2", 4, 8L << 30).build();
        assertThat(sim.volumes("pve2", "local")).containsExactly("local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE);
        assertThat(sim.storageUsedBytes("pve1", "local-lvm")).isZero();
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> unknownNode = List.of(
                () -> sim.storageUsedBytes("pve3", "local"), () -> sim.volumes("pve3", "local"),
                () -> sim.addBackup("pve3", "local", 100, java.time.Instant.EPOCH, false));
        for (var call : unknownNode) {
            assertThatThrownBy(call).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown node 'pve3' (known: pve1, pve2)");
        }
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> unknownStorage = List.of(
                () -> sim.storageUsedBytes("pve2", "nfs"), () -> sim.volumes("pve2", "nfs"),
                () -> sim.addBackup("pve2", "nfs", 100, java.time.Instant.EPOCH, false));
        for (var call : unknownStorage) {
            assertThatThrownBy(call).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown storage 'nfs' on node 'pve2' (known: local, local-lvm)");
        }
    }

    @Test
    void injectingAFaultForAnUnknownEndpointIsRefused() {
        PveSimulator sim = PveSimulator.builder().build();
        assertThatThrownBy(() -> sim.injectFault("GET /nope", Fault.emptyResponse()))
                .hasMessageContaining("endpoint 'GET /nope' is not in the schema subset");
    }

    @Test
    void configuredNodesStoragesAndTemplatesAreServed() throws Exception {
        StorageDefinition nfs = StorageDefinition.builder().id("shared-nfs").type("nfs").shared(true)
                .content(Set.of("rootdir", "vztmpl")).totalBytes(10L << 30).build();
        StorageDefinition off = StorageDefinition.builder().id("offline").active(false).build();
        try (PveSimulator sim = PveSimulator.builder().addNode("alpha", 8, 32L << 30).addNode("beta", 4, 16L << 30)
                .addStorage("alpha", nfs).addStorage("beta", off)
                .addStoredTemplate("beta", "shared-nfs", "ubuntu-24.04-standard_24.04-2_amd64.tar.zst")
                .taskDuration("vzcreate", Duration.ZERO).start()) {
            SimClient c = new SimClient(sim);
            assertThat(c.get("/nodes").data()).hasSize(2);
            assertThat(c.get("/nodes/alpha/storage/shared-nfs/content").data().toString())
                    .contains("shared-nfs:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst");
            assertThat(c.get("/nodes/beta/storage").data().toString()).contains("\"offline\"", "\"active\":0");
            String upid = c.post("/nodes/alpha/lxc", "vmid", "100", "ostemplate",
                    "shared-nfs:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst", "storage", "shared-nfs").data()
                    .asText();
            assertThat(c.awaitTask(upid).path("exitstatus").asText()).isEqualTo("OK");
            assertThat(sim.container(100).orElseThrow().config()).containsEntry("ostype", "ubuntu")
                    .containsEntry("rootfs", "shared-nfs:100/vm-100-disk-0.raw,size=4G");
            assertThat(sim.storageUsedBytes("beta", "shared-nfs")).isEqualTo(sim.storageUsedBytes("alpha", "shared-nfs"));
            assertThat(c.post("/nodes/gamma/lxc", "vmid", "101", "ostemplate", "x:vztmpl/y.tar.zst").json()
                    .path("message").asText()).startsWith("hostname lookup 'gamma' failed");
        }
    }

    @Test
    void jsonBodiesAcceptRealBooleans() throws Exception {
        try (PveSimulator sim = PveSimulator.builder().timeScale(0).start()) {
            SimClient c = new SimClient(sim);
            SimClient.Resp r = c.sendJson("POST", "/nodes/pve1/lxc", "{\"vmid\":105,\"ostemplate\":\"local:vztmpl/"
                    + PveSimulator.DEFAULT_STORED_TEMPLATE + "\",\"storage\":\"local-lvm\",\"start\":true}");
            assertThat(r.status()).isEqualTo(200);
            c.awaitTask(r.data().asText());
            assertThat(sim.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(sim.container(105).orElseThrow().status()).isEqualTo("running");
        }
    }

    @Test
    void delayAndEmptyResponseFaults() throws Exception {
        try (PveSimulator sim = PveSimulator.builder().start()) {
            SimClient c = new SimClient(sim);
            sim.injectFault("GET /version", 1, Fault.delay(Duration.ofMillis(300)));
            long t0 = System.nanoTime();
            assertThat(c.get("/version").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            sim.injectFault("GET /version", 1, Fault.emptyResponse());
            String status;
            try {
                status = c.raw("GET", "/version", Map.of("Authorization", sim.authorizationHeader()), null).statusLine();
            } catch (IOException e) {
                status = "";
            }
            assertThat(status).isEmpty();
            sim.injectFault("GET /cluster/nextid", 1, Fault.proxyConnectFailed());
            assertThat(c.raw("GET", "/cluster/nextid", Map.of("Authorization", sim.authorizationHeader()), null)
                    .statusLine()).isEqualTo("HTTP/1.1 595 Connection refused");
            assertThat(sim.requestCount("GET /version")).isEqualTo(2);
        }
    }

    @Test
    void randomFaultsAreReproducibleForASeed() throws Exception {
        List<Integer> first = randomRun(99);
        assertThat(randomRun(99)).isEqualTo(first);
        assertThat(first).contains(200).anyMatch(s -> s != 200);
    }

    private List<Integer> randomRun(long seed) throws Exception {
        try (PveSimulator sim = PveSimulator.builder().start()) {
            sim.randomFaults(seed, 0.5);
            SimClient c = new SimClient(sim);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String line;
                try {
                    line = c.raw("GET", "/cluster/nextid", Map.of("Authorization", sim.authorizationHeader()), null)
                            .statusLine();
                } catch (IOException e) {
                    line = "";
                }
                statuses.add(line.isEmpty() ? -1 : Integer.parseInt(line.substring(9, 12)));
            }
            return statuses;
        }
    }
}
