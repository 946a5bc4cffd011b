package io.github.proxmoxlxc.cli.issues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.cli.CliRunner;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 10: {@code plan --json} carries everything resolved offline; only values the
 * cluster chooses are placeholders, and notes are apart from warnings.
 */
class Item10PlanJsonFactsTest {
    @Test
    void offlineFactsAreInTheDocument() throws Exception {
        CliRunner.Result r = new CliRunner().run("plan", "--json", "--set", "var_disk=7");
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("template").asText()).isEqualTo("debian-13-standard");
        assertThat(doc.get("rootfsGiB").asInt()).isEqualTo(7);
        JsonNode params = doc.get("params");
        assertThat(params.get("rootfs").asText()).isEqualTo("{rootfs-storage}:7");
        assertThat(params.get("vmid").asText()).isEqualTo("{vmid}");
        assertThat(params.get("node").asText()).isEqualTo("{node}");
        assertThat(params.get("ostemplate").asText()).isEqualTo("{template-volume}");
        params.properties().forEach(e -> assertThat(e.getValue().isNull()).as(e.getKey()).isFalse());
        assertThat(doc.get("notes").toString()).contains("the VMID is allocated at run time");
        assertThat(doc.get("warnings").toString()).doesNotContain("the VMID is allocated at run time",
                "on failure after create");
    }

    @Test
    void knownStorageAndNode_areValuesNotPlaceholders() throws Exception {
        CliRunner.Result r = new CliRunner().run("plan", "--json", "--node", "pve2", "--set",
                "var_container_storage=local-zfs", "--set", "var_template_storage=nas", "--set", "var_ctid=123");
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("templateStorage").asText()).isEqualTo("nas");
        assertThat(doc.get("rootfsGiB").isNull()).isTrue();
        JsonNode params = doc.get("params");
        assertThat(params.get("node").asText()).isEqualTo("pve2");
        assertThat(params.get("vmid").asText()).isEqualTo("123");
        assertThat(params.get("rootfs").asText()).isEqualTo("local-zfs:4");
        assertThat(doc.get("notes").toString()).doesNotContain("the VMID is allocated at run time");
    }
}
