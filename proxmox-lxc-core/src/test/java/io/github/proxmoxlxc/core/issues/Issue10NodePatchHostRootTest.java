package io.github.proxmoxlxc.core.issues;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.provision.InvalidNodePatchException;
import io.github.proxmoxlxc.core.provision.NodePatch;
import org.junit.jupiter.api.Test;

/** Issue 10, item 13: NodePatch accepted an idmap onto host root and ids beyond 32 bits. */
class Issue10NodePatchHostRootTest {
    @Test
    void item13_idmapOntoHostRoot_isRefused() {
        assertThatThrownBy(() -> NodePatch.builder().addRawLine("lxc.idmap: u 0 0 65536").build())
                .isInstanceOf(InvalidNodePatchException.class).hasMessageContaining("host id 0");
        assertThatThrownBy(() -> NodePatch.builder().addSubuidLine("root:0:65536").build())
                .isInstanceOf(InvalidNodePatchException.class).hasMessageContaining("host id 0");
    }

    @Test
    void item13_idsBeyond32Bits_areRefused() {
        assertThatThrownBy(() -> NodePatch.builder().addRawLine("lxc.idmap: g 0 4294967000 65536").build())
                .isInstanceOf(InvalidNodePatchException.class).hasMessageContaining("32-bit");
        assertThatThrownBy(() -> NodePatch.builder().addSubgidLine("root:9999999999:1").build())
                .isInstanceOf(InvalidNodePatchException.class).hasMessageContaining("32-bit");
    }

    @Test
    void item13_ordinaryPassthroughLines_areAccepted() {
        NodePatch.builder().addRawLine("lxc.idmap: u 0 100000 65536").addSubuidLine("root:100000:65536")
                .addSubgidLine("root:44:1").build();
    }
}
