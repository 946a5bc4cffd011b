package io.github.proxmoxlxc.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The token's ACL over real HTTPS: GET /access/permissions and 403s with Proxmox's text and reason phrase. */
class PveSimulatorPermissionsTest {

    static final String TEMPLATE = "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE;
    static PveSimulator sim;
    static SimClient client;

    static Set<String> allBut(String... privileges) {
        Set<String> s = new HashSet<>(PveSimulator.ALL_PRIVILEGES);
        s.removeAll(Set.of(privileges));
        return s;
    }

    @BeforeAll
    static void start() {
        sim = PveSimulator.builder().timeScale(0.0005).build().start();
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void fullPrivilegesAgain() {
        sim.setTokenPrivileges(Map.of("/", PveSimulator.ALL_PRIVILEGES));
    }

    @Test
    void byDefaultTheTokenHoldsEveryPrivilegeOnEveryTopPath() throws Exception {
        SimClient.Resp r = client.get("/access/permissions");
        assertThat(r.status()).isEqualTo(200);
        JsonNode data = r.data();
        assertThat(data.has("/")).isTrue();
        assertThat(data.has("/vms")).isTrue();
        assertThat(data.has("/storage")).isTrue();
        assertThat(data.path("/").path("VM.Allocate").isInt()).isTrue();
        assertThat(data.path("/").path("VM.Allocate").asInt()).isEqualTo(1);
        assertThat(data.path("/").size()).isEqualTo(PveSimulator.ALL_PRIVILEGES.size());
    }

    @Test
    void restrictedTokenSeesOnlyItsEffectivePrivilegesAndOnePathOnRequest() throws Exception {
        sim.setTokenPrivileges(Map.of("/vms", Set.of("VM.Audit", "VM.PowerMgmt"),
                "/storage/local-lvm", Set.of("Datastore.AllocateSpace")));
        JsonNode all = client.get("/access/permissions").data();
        List<String> paths = new java.util.ArrayList<>();
        all.fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/vms", "/storage/local-lvm");
        JsonNode one = client.get("/access/permissions?path=%2Fvms%2F100").data();
        assertThat(one.toString()).isEqualTo("{\"/vms/100\":{\"VM.Audit\":1,\"VM.PowerMgmt\":1}}");
    }

    @Test
    void missingPrivilegeGives403WithPathAndPrivilegeInMessageAndReasonPhrase() throws Exception {
        sim.setTokenPrivileges(Map.of("/", allBut("VM.Audit")));
        SimClient.RawResp raw = client.raw("GET", "/nodes/pve1/lxc/100/status/current",
                Map.of("Authorization", sim.authorizationHeader()), null);
        assertThat(raw.statusLine()).isEqualTo("HTTP/1.1 403 Permission check failed (/vms/100, VM.Audit)");
        SimClient.Resp r = client.get("/nodes/pve1/lxc/100/config");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("message").asText()).isEqualTo("Permission check failed (/vms/100, VM.Audit)\n");
    }

    @Test
    void createWithoutAllocateSpaceIsRefusedBeforeAnyTask() throws Exception {
        sim.setTokenPrivileges(Map.of("/", PveSimulator.ALL_PRIVILEGES, "/storage/local-lvm",
                allBut("Datastore.AllocateSpace")));
        SimClient.Resp r = client.post("/nodes/pve1/lxc", "vmid", "300", "ostemplate", TEMPLATE, "storage", "local-lvm");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("message").asText())
                .isEqualTo("Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)\n");
        assertThat(sim.container(300)).isEmpty();
    }

    @Test
    void powerAndDestroyNeedTheirPrivileges() throws Exception {
        SimClient.Resp created = client.post("/nodes/pve1/lxc", "vmid", "301", "ostemplate", TEMPLATE,
                "storage", "local-lvm");
        client.awaitTask(created.data().asText());
        sim.setTokenPrivileges(Map.of("/", allBut("VM.PowerMgmt", "VM.Allocate")));
        assertThat(client.post("/nodes/pve1/lxc/301/status/start").json().path("message").asText())
                .isEqualTo("Permission check failed (/vms/301, VM.PowerMgmt)\n");
        assertThat(client.delete("/nodes/pve1/lxc/301").json().path("message").asText())
                .isEqualTo("Permission check failed (/vms/301, VM.Allocate)\n");
        assertThat(sim.container(301)).isPresent();
        sim.setTokenPrivileges(Map.of("/", PveSimulator.ALL_PRIVILEGES));
        client.awaitTask(client.delete("/nodes/pve1/lxc/301").data().asText());
        assertThat(sim.container(301)).isEmpty();
    }

    @Test
    void storagesWithoutAuditOrAllocateSpaceAreNotListed() throws Exception {
        sim.setTokenPrivileges(Map.of("/", PveSimulator.ALL_PRIVILEGES, "/storage/local", Set.of()));
        JsonNode list = client.get("/nodes/pve1/storage").data();
        assertThat(list).extracting(n -> n.path("storage").asText()).containsExactly("local-lvm");
        assertThat(client.post("/nodes/pve1/aplinfo", "storage", "local", "template",
                PveSimulator.DEFAULT_APLINFO.get(1)).json().path("message").asText())
                .isEqualTo("Permission check failed (/storage/local, Datastore.AllocateTemplate)\n");
    }

    @Test
    void rootTicketIsNeverRestrictedAndMayReadTheTokensPermissions() throws Exception {
        sim.setTokenPrivileges(Map.of());
        SimClient t = new SimClient(sim);
        t.authorization = null;
        t.cookie = t.post("/access/ticket", "username", "root@pam", "password", sim.rootPassword()).data()
                .path("ticket").asText();
        assertThat(t.get("/nodes/pve1/status").status()).isEqualTo(200);
        JsonNode tokens = t.get("/access/permissions?userid=" + java.net.URLEncoder.encode(sim.tokenId(),
                java.nio.charset.StandardCharsets.UTF_8)).data();
        assertThat(tokens.size()).isZero();
        assertThat(client.get("/access/permissions?userid=root%40pam").json().path("message").asText())
                .isEqualTo("Permission check failed (/access, Sys.Audit)\n");
    }

    @Test
    void builderTakesAnAclAndRejectsUnknownPrivilegesByName() throws Exception {
        try (PveSimulator s = PveSimulator.builder().tokenPrivileges(Map.of("/", Set.of("VM.Audit")))
                .addTokenPrivileges("/storage/local", "Datastore.Audit").build()) {
            assertThat(s.tokenPrivileges()).containsOnlyKeys("/", "/storage/local");
            assertThat(s.tokenPrivileges().get("/storage/local")).containsExactly("Datastore.Audit");
        }
        assertThatThrownBy(() -> PveSimulator.builder().addTokenPrivileges("/vms", "VM.Allocat"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'VM.Allocat'");
        assertThatThrownBy(() -> sim.setTokenPrivileges(Map.of("vms", Set.of("VM.Audit"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'vms'");
    }
}
