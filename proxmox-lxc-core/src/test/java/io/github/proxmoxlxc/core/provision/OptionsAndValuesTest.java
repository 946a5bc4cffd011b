package io.github.proxmoxlxc.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsAndValuesTest {

    @Test
    void options_rejectBadValues_namingFieldAndValue() {
        assertThatThrownBy(() -> ProvisionOptions.builder().vmidRange(50, 10))
                .hasMessageContaining("vmidRange").hasMessageContaining("50..10");
        assertThatThrownBy(() -> ProvisionOptions.builder().createTimeout(Duration.ZERO))
                .hasMessageContaining("createTimeout").hasMessageContaining("PT0S");
        assertThatThrownBy(() -> ProvisionOptions.builder().rootFsStorage("bad storage"))
                .hasMessageContaining("rootFsStorage").hasMessageContaining("'bad storage'");
        assertThatThrownBy(() -> BulkOptions.builder().maxConcurrent(0)).hasMessageContaining("maxConcurrent: 0");
    }

    @Test
    void options_toBuilderKeepsEverything() {
        ProvisionOptions o = ProvisionOptions.builder().vmidRange(9000, 9100).keepOnFailure(true).waitForIp(false)
                .rootFsStorage("tank").ipTimeout(Duration.ofSeconds(7)).build();
        ProvisionOptions copy = o.toBuilder().build();
        assertThat(copy.vmidFirst()).contains(9000);
        assertThat(copy.vmidLast()).contains(9100);
        assertThat(copy.keepOnFailure()).isTrue();
        assertThat(copy.waitForIp()).isFalse();
        assertThat(copy.rootFsStorage()).contains("tank");
        assertThat(copy.ipTimeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void request_needsATemplate_andChecksItsForm() {
        assertThatThrownBy(() -> ProvisionRequest.builder().spec(SimFixture.spec("a")).build())
                .hasMessageContaining("template: is required");
        assertThatThrownBy(() -> ProvisionRequest.builder().spec(SimFixture.spec("a")).template("debian 12").build())
                .hasMessageContaining("'debian 12'");
        assertThatThrownBy(() -> ProvisionRequest.builder().spec(SimFixture.spec("a")).template("debian-12")
                .node("bad_node").build()).hasMessageContaining("node: 'bad_node'");
        ProvisionRequest r = ProvisionRequest.builder().spec(SimFixture.spec("a").toBuilder()
                .osTemplate("local:vztmpl/x_1_amd64.tar.zst").build()).build();
        assertThat(r.template()).isEqualTo("local:vztmpl/x_1_amd64.tar.zst");
        assertThat(r.label()).isEqualTo("a");
    }

    @Test
    void request_fromAConfigTemplateRef_usesItsReferenceAndStorage() {
        ProvisionRequest r = ProvisionRequest.builder().spec(SimFixture.spec("cfg"))
                .template(new io.github.proxmoxlxc.core.config.TemplateRef("debian", "13", java.util.Optional.of("nas")))
                .build();
        assertThat(r.template()).isEqualTo("debian-13");
        assertThat(r.templateStorage()).contains("nas");
        ProvisionPlan plan = Provisioner.offline(ProvisionOptions.builder().templateStorage("local").build()).plan(r);
        assertThat(plan.templateStorage()).contains("nas");
        assertThat(plan.commands()).contains("pveam list nas");
    }

    @Test
    void strategies_chooseAsDocumented() {
        List<NodeCandidate> nodes = List.of(new NodeCandidate("a", 4L << 30, 8L << 30, 0.1, 4, 0),
                new NodeCandidate("b", 9L << 30, 16L << 30, 0.5, 4, 1), new NodeCandidate("c", 2L << 30, 4L << 30, 0, 2, 0));
        ProvisionRequest r = SimFixture.request("x");
        assertThat(PlacementStrategy.mostFreeMemory().choose(r, nodes)).isEqualTo("b");
        PlacementStrategy rr = PlacementStrategy.roundRobin();
        assertThat(List.of(rr.choose(r, nodes), rr.choose(r, nodes), rr.choose(r, nodes), rr.choose(r, nodes)))
                .containsExactly("a", "b", "c", "a");
    }

    @Test
    void events_printAsOneLine_andCheckTheirFraction() {
        ProvisionEvent e = ProvisionEvent.builder(ProvisionEvent.Kind.FINISHED, ProvisionStep.CREATE, "web1").vmid(104)
                .node("pve2").elapsed(Duration.ofMillis(31_200)).message("created 104").build();
        assertThat(e).hasToString("[web1] CREATE FINISHED 31.2s vmid=104 node=pve2: created 104");
        assertThatThrownBy(() -> ProvisionEvent.builder(ProvisionEvent.Kind.PROGRESS, ProvisionStep.TEMPLATE, "x")
                .fraction(1.5).build()).hasMessageContaining("fraction: 1.5");
    }

    @Test
    void outcome_holdsExactlyOneOfResultAndFailure() {
        ProvisionResult res = ProvisionResult.builder(100, "pve1").build();
        assertThat(ProvisionOutcome.success(SimFixture.request("a"), res).succeeded()).isTrue();
        assertThatThrownBy(() -> new ProvisionOutcome(SimFixture.request("a"), java.util.Optional.of(res),
                java.util.Optional.of(new ProvisionException("x", ProvisionStep.CREATE, "a", null, null, false, false,
                        null, null)))).hasMessageContaining("exactly one");
    }
}
