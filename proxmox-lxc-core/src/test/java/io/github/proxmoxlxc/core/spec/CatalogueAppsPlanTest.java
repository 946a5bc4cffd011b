package io.github.proxmoxlxc.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.apps.App;
import io.github.proxmoxlxc.core.apps.AppCatalogue;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.core.config.ConfigMapping;
import io.github.proxmoxlxc.core.config.ConfigResolver;
import io.github.proxmoxlxc.core.config.Layer;
import io.github.proxmoxlxc.core.config.ResolvedConfig;
import io.github.proxmoxlxc.core.config.TemplateRef;
import io.github.proxmoxlxc.core.provision.PlannedCall;
import io.github.proxmoxlxc.core.provision.ProvisionPlan;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.ProvisionStep;
import io.github.proxmoxlxc.core.provision.Provisioner;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15's done-when: every app of the catalogue (and every alpine variant) resolves on its own
 * and plans schema-valid; cores, memory and disk are the app's; its OS and version select a
 * template the simulator offers, or a preflight against the simulator names the missing one.
 * (In this package because the schema validator is test-only and package-private here.)
 */
class CatalogueAppsPlanTest {
    private static final SchemaValidator CREATE = SchemaValidator.forEndpoint("POST /nodes/{node}/lxc");

    static Stream<Arguments> appsAndVariants() {
        List<Arguments> out = new ArrayList<>();
        for (App a : AppCatalogue.bundled().all()) {
            for (String v : a.variants()) {
                out.add(Arguments.of(a.slug(), v));
            }
        }
        return out.stream();
    }

    private static ResolvedConfig resolve(String slug, String variant) {
        // the storage makes the rootfs part of the spec, so the disk size is checked as sent
        return ConfigResolver.builder().app(slug).variant(variant).set("var_container_storage", "local-lvm")
                .build().resolve();
    }

    private static String templateName(TemplateRef ref) {
        return ref.searchPrefix() + (ref.flavour().equals("-standard_") ? "-standard" : "-default");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("appsAndVariants")
    void everyAppResolvesAndPlansSchemaValid_withItsOwnResources(String slug, String variant) {
        App app = AppCatalogue.bundled().get(slug);
        Map<String, String> profile = app.profile(variant);

        ResolvedConfig cfg = resolve(slug, variant);
        ConfigMapping mapping = ConfigMapping.of(cfg);
        ContainerSpec spec = mapping.build(mapping.specBuilder());
        TemplateRef ref = mapping.template().orElseThrow();
        ProvisionPlan plan = Provisioner.offline().plan(ProvisionRequest.builder().spec(spec)
                .template(templateName(ref)).build());

        // what the plan sends once node, VMID and template volume are known
        Map<String, String> sent = spec.toBuilder().vmid(100).osTemplate("local:vztmpl/"
                + ref.select(PveSimulator.DEFAULT_APLINFO, "amd64").orElse(ref.searchPrefix() + ref.flavour()
                        + "1_amd64.tar.zst")).build().toParameters();
        assertThat(CREATE.validate(sent, Set.of("node"))).as("%s", sent).isEmpty();
        PlannedCall create = plan.calls().stream().filter(c -> c.step() == ProvisionStep.CREATE).findFirst()
                .orElseThrow();
        assertThat(create.params()).containsEntry("cores", profile.get("var_cpu"))
                .containsEntry("memory", profile.get("var_ram"))
                .containsEntry("rootfs", "local-lvm:" + profile.get("var_disk"))
                .containsEntry("unprivileged", profile.get("var_unprivileged"))
                .containsEntry("hostname", app.nsapp());
        assertThat(ref.os()).isEqualTo(profile.get("var_os"));
        assertThat(ref.version()).isEqualTo(profile.get("var_version"));
        for (String key : List.of("var_cpu", "var_ram", "var_disk", "var_os", "var_version")) {
            assertThat(cfg.get(key).orElseThrow().layer()).as(key).isEqualTo(Layer.APP_PROFILE);
            assertThat(cfg.get(key).orElseThrow().provenance().location()).as(key)
                    .startsWith("catalogue: " + slug);
        }
        if (variant.equals(App.DEFAULT_VARIANT) && !app.retired()) {
            assertThat(profile.get("var_cpu")).isEqualTo(app.ctVarsAtHead().get("var_cpu"));
            assertThat(profile.get("var_ram")).isEqualTo(app.ctVarsAtHead().get("var_ram"));
            assertThat(profile.get("var_disk")).isEqualTo(app.ctVarsAtHead().get("var_disk"));
        }
    }

    /** Apps whose template the simulator's appliance list lacks: "template slug variant". */
    static List<String> missingTemplates() {
        List<String> out = new ArrayList<>();
        for (App a : AppCatalogue.bundled().all()) {
            for (String v : a.variants()) {
                Map<String, String> p = a.profile(v);
                TemplateRef ref = new TemplateRef(p.get("var_os"), p.get("var_version"), java.util.Optional.empty());
                if (ref.select(PveSimulator.DEFAULT_APLINFO, "amd64").isEmpty()) {
                    out.add(templateName(ref) + " " + a.slug() + " " + v);
                }
            }
        }
        return out;
    }

    @Test
    void appsWhoseTemplateIsMissing_resolveToTheNearestVersion_withANoteNamingBoth() {
        List<String> missing = missingTemplates();
        System.out.println("catalogue apps/variants whose template the simulator lacks: " + missing.size()
                + " " + missing);
        assertThat(missing).hasSize(35);
        Set<String> templates = new java.util.TreeSet<>();
        missing.forEach(m -> templates.add(m.substring(0, m.indexOf(' '))));
        // build.func's resolve_os_version over the simulator's catalogue: nearest version, newer on a tie
        Map<String, String> expected = Map.of("alpine-3.23-default", "alpine-3.22-default_20250617_amd64.tar.xz",
                "alpine-3.24-default", "alpine-3.22-default_20250617_amd64.tar.xz",
                "ubuntu-22.04-standard", "ubuntu-24.04-standard_24.04-2_amd64.tar.zst");
        assertThat(templates).containsExactlyInAnyOrderElementsOf(expected.keySet());
        // root@pam: some of these apps ask for features other than nesting, which a token may not set
        try (PveSimulator sim = PveSimulator.builder().timeScale(0.001).start();
                ProxmoxClient client = ProxmoxClient.builder().baseUrl(sim.baseUrl())
                        .password("root@pam", sim.rootPassword().toCharArray())
                        .trust(Trust.fingerprints(sim.fingerprint())).build()) {
            Provisioner p = Provisioner.on(client);
            for (String t : templates) {
                String[] first = missing.stream().filter(m -> m.startsWith(t + " ")).findFirst().orElseThrow()
                        .split(" ");
                ResolvedConfig cfg = resolve(first[1], first[2]);
                ConfigMapping mapping = ConfigMapping.of(cfg);
                ContainerSpec spec = mapping.build(mapping.specBuilder());
                ProvisionPlan plan = p.preflight(ProvisionRequest.builder().spec(spec).template(t).build());
                String[] osVersion = t.split("-");
                assertThat(plan.templateVolume()).as(t).hasValue("local:vztmpl/" + expected.get(t));
                assertThat(plan.notes()).as(t).anySatisfy(n -> assertThat(n).contains(osVersion[0] + " "
                        + osVersion[1] + " is not in the template catalogue of node pve1", "nearest version"));
            }
        }
    }
}
