package io.github.proxmoxlxc.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster description format, starting from the complete example in the testkit README. */
class ClusterDescriptionTest {

    @TempDir
    Path dir;

    static String readmeExample() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```yaml\n", readme.indexOf("## Cluster descriptions"));
        return readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 8));
    }

    @Test
    void theReadmeExampleDescribesAWorkingCluster() throws Exception {
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, readmeExample());
        try (PveSimulator sim = ClusterDescription.read(file).timeScale(0.0005).start()) {
            assertThat(sim.nodeNames()).containsExactly("pve1", "pve2");
            assertThat(sim.tokenId()).isEqualTo("root@pam!ci");
            assertThat(sim.rootPassword()).isEqualTo("change-me-123");
            SimClient primary = new SimClient(sim);
            assertThat(primary.get("/access/permissions").data().path("/").size()).isEqualTo(2);
            SimClient build = new SimClient(sim);
            build.authorization = "PVEAPIToken=ci@pve!build=8d2c1b0a-0000-4000-8000-000000000001";
            assertThat(build.get("/cluster/nextid").data().asText()).isEqualTo("1000");
            // the privilege-separated token creates into its pool, starts and sees its container
            SimClient.Resp create = build.post("/nodes/pve1/lxc", "vmid", "1000", "pool", "ci", "ostemplate",
                    "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", "rootfs", "local-lvm:4", "memory", "512",
                    "net0", "name=eth0,bridge=vmbr0,ip=dhcp");
            assertThat(create.status()).as(create.body()).isEqualTo(200);
            assertThat(build.awaitTask(create.data().asText()).path("exitstatus").asText()).isEqualTo("OK");
            SimClient.Resp start = build.post("/nodes/pve1/lxc/1000/status/start");
            assertThat(build.awaitTask(start.data().asText()).path("exitstatus").asText()).isEqualTo("OK");
            JsonNode res = build.get("/cluster/resources?type=vm").data();
            assertThat(res.findValuesAsText("id")).containsExactly("lxc/1000");
            // without privilege separation the auditor token holds its user's PVEAuditor role
            SimClient ro = new SimClient(sim);
            ro.authorization = "PVEAPIToken=auditor@pve!ro=8d2c1b0a-0000-4000-8000-000000000002";
            assertThat(ro.get("/nodes/pve1/lxc/1000/config").status()).isEqualTo(200);
            SimClient.Resp denied = ro.post("/nodes/pve1/lxc/1000/status/stop");
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.json().path("message").asText())
                    .isEqualTo("Permission check failed (/vms/1000, VM.PowerMgmt)\n");
            // a user with a password logs in
            SimClient ci = new SimClient(sim);
            ci.authorization = null;
            assertThat(ci.post("/access/ticket", "username", "ci@pve", "password", "secret123").status()).isEqualTo(200);
            assertThat(sim.volumes("pve1", "local")).containsExactly("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst");
            JsonNode storages = new SimClient(sim).get("/nodes/pve1/storage").data();
            assertThat(storages.findValuesAsText("storage")).isEmpty();
        }
    }

    @Test
    void anEmptyDescriptionKeepsTodaysDefaults() throws Exception {
        Path file = dir.resolve("empty.json");
        Files.writeString(file, "{}");
        try (PveSimulator sim = ClusterDescription.read(file).start()) {
            assertThat(sim.nodeNames()).containsExactly("pve1");
            assertThat(sim.volumes("pve1", "local")).containsExactly("local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE);
            assertThat(sim.tokenPrivileges()).isEqualTo(java.util.Map.of("/", PveSimulator.ALL_PRIVILEGES));
        }
    }

    @Test
    void mistakesNameTheFileTheEntryAndTheRule() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "acl:\n  - {path: /vms, user: ghost@pve, role: PVEAuditor}\n");
        assertThatThrownBy(() -> ClusterDescription.read(file).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ghost@pve' is not a defined user or token");
        Files.writeString(file, "storages:\n  - {id: x, type: dir, size: lots}\n");
        assertThatThrownBy(() -> ClusterDescription.read(file))
                .hasMessageContaining(file.toString()).hasMessageContaining("storages[x].size: 'lots' is not a size");
        Files.writeString(file, "acl:\n  - {path: /, user: a@pve}\n");
        assertThatThrownBy(() -> ClusterDescription.read(file)).hasMessageContaining("exactly one of 'role' and 'privileges'");
    }
}
