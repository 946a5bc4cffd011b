package io.github.proxmoxlxc.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.spec.DeviceEntry;
import io.github.proxmoxlxc.core.spec.Violation;
import org.junit.jupiter.api.Test;

class NodePatchTest {
    @Test
    void devicesAppearAsPlainKeysInPropertyStringForm() {
        NodePatch p = NodePatch.builder()
                .device(3, DeviceEntry.builder().path("/dev/nvidia0").mode("0666").build())
                .device(1, DeviceEntry.builder().path("/dev/dri/renderD128").uid(0).gid(106).denyWrite(true).build())
                .build();
        assertThat(p.keys()).containsExactly(java.util.Map.entry("dev3", "/dev/nvidia0,mode=0666"),
                java.util.Map.entry("dev1", "/dev/dri/renderD128,deny-write=1,gid=106,uid=0"));
        assertThat(p.devices().keySet()).containsExactly(1, 3);
        assertThat(p.toBuilder().build()).isEqualTo(p);
    }

    @Test
    void build_reportsEveryBadEntryLineAndKeyAtOnce() {
        NodePatch.Builder b = NodePatch.builder()
                .device(0, DeviceEntry.builder().path("/dev/../etc/shadow").build())
                .device(1, DeviceEntry.builder().path("/dev/x,mode=0777").build())
                .device(2, DeviceEntry.builder().path("/dev/x").mode("777").build())
                .device(300, DeviceEntry.builder().path("/dev/y").build())
                .addRawLine("lxc.mount.entry: a\nlock: backup")
                .addRawLine("cores: 4")
                .addSubgidLine("root:44")
                .putKey("lock", "migrate");
        assertThatThrownBy(b::build).isInstanceOf(InvalidNodePatchException.class).satisfies(e -> assertThat(
                ((InvalidNodePatchException) e).violations()).extracting(Violation::field).contains("dev0.path", "dev1.path",
                        "dev2.mode", "dev300", "rawLines", "subgidLines", "key"));
    }

    @Test
    void emptyPatchIsEmpty_notesDoNotCount() {
        assertThat(NodePatch.builder().addNote("nothing found").build().isEmpty()).isTrue();
        assertThat(NodePatch.builder().addSubgidLine("root:44:1").build().isEmpty()).isFalse();
    }
}
