package io.github.proxmoxlxc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.NetworkInterface;
import io.github.proxmoxlxc.core.spec.Violation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigMappingTest {
    private static final Path DEFAULTS = Fixtures.vars("default.vars");
    private static final Path PROFILE = Fixtures.vars("jellyfin.profile");
    private static final Path APP_VARS = Fixtures.vars("jellyfin.vars");
    private static final String TEMPLATE = "local:vztmpl/debian-13-standard_13.1-2_amd64.tar.zst";

    private static ConfigMapping mapping(ConfigResolver.Builder b) {
        return ConfigMapping.of(b.build().resolve());
    }

    private static ConfigResolver.Builder jellyfin() {
        return ConfigResolver.builder().app("Jellyfin").defaults(DEFAULTS).appProfile(PROFILE)
                .appVars(APP_VARS);
    }

    @Test
    void builtInDefaults_mapToWhatBuildFuncsDefaultModeCreates() {
        ConfigMapping m = mapping(ConfigResolver.builder().app("Jellyfin").catalogueLookup(false)
                .set("var_container_storage", "local-lvm").set("var_ctid", "105"));

        Map<String, String> p = m.build(m.specBuilder().osTemplate(TEMPLATE)).toParameters();

        assertThat(p).containsEntry("vmid", "105").containsEntry("hostname", "jellyfin").containsEntry("cores", "1")
                .containsEntry("memory", "1024").containsEntry("unprivileged", "1")
                .containsEntry("onboot", "1").containsEntry("rootfs", "local-lvm:4")
                .containsEntry("tags", "community-script").containsEntry("timezone", "host")
                .containsEntry("net0", "name=eth0,bridge=vmbr0,ip=dhcp")
                .doesNotContainKeys("protection", "password", "nameserver", "searchdomain");
        assertThat(p.get("features")).contains("nesting=1", "keyctl=1").doesNotContain("fuse", "mknod");
        assertThat(m.template()).contains(new TemplateRef("debian", "13", Optional.empty()));
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void realLookingFiles_mapWithFloorsStaticNetworkAndHonouredKeyctl() {
        ConfigMapping m = mapping(jellyfin());

        ContainerSpec spec = m.build(m.specBuilder().osTemplate(TEMPLATE));

        assertThat(spec.cores()).hasValue(2);
        assertThat(spec.memoryMiB()).hasValue(4096);
        assertThat(spec.rootFs().orElseThrow().encode()).isEqualTo("local-zfs:16");
        assertThat(spec.tags()).containsExactly("community-script", "media");
        NetworkInterface net0 = spec.networks().get(0);
        assertThat(net0.bridge()).contains("vmbr1");
        assertThat(net0.ip()).contains("192.168.10.50/24");
        assertThat(net0.gateway()).contains("192.168.10.1");
        assertThat(net0.tag()).hasValue(10);
        assertThat(net0.ip6()).isEmpty();
        assertThat(spec.features().orElseThrow().keyctl()).isFalse();
        assertThat(spec.features().orElseThrow().nesting()).isTrue();
        assertThat(m.template()).get().satisfies(t -> {
            assertThat(t.searchPrefix()).isEqualTo("ubuntu-24.04");
            assertThat(t.storage()).contains("local");
        });
        assertThat(m.notInSpec()).containsKeys("var_tun", "var_gpu", "var_ssh", "var_verbose");
        assertThat(m.notInSpec().get("var_tun").value()).isEqualTo("1");
    }

    @Test
    void networkKeys_allLandInNet0() {
        ConfigMapping m = mapping(ConfigResolver.builder().env(Map.of("var_net", "10.1.0.9/16",
                "var_gateway", "10.1.0.1", "var_mac", "02:11:22:33:44:55", "var_mtu", "9000",
                "var_vlan", "42", "var_ipv6_method", "auto", "var_sdn_vnet", "vnet7")));

        NetworkInterface net0 = m.specBuilder().build().networks().get(0);

        assertThat(net0.name()).contains("eth0");
        assertThat(net0.bridge()).contains("vnet7");
        assertThat(net0.macAddress()).contains("02:11:22:33:44:55");
        assertThat(net0.mtu()).hasValue(9000);
        assertThat(net0.tag()).hasValue(42);
        assertThat(net0.ip6()).contains("auto");
        assertThat(net0.gateway()).contains("10.1.0.1");
    }

    @Test
    void ipv6Dhcp_mapsToIp6Dhcp() {
        ConfigMapping m = mapping(ConfigResolver.builder().set("var_ipv6_method", "dhcp"));

        assertThat(m.specBuilder().build().networks().get(0).ip6()).contains("dhcp");
    }

    @Test
    void gatewayWithDhcp_isDroppedWithAWarningAsBuildFuncDoes() {
        ConfigMapping m = mapping(ConfigResolver.builder().set("var_gateway", "10.0.0.1"));

        assertThat(m.specBuilder().build().networks().get(0).gateway()).isEmpty();
        assertThat(m.warnings()).singleElement()
                .satisfies(w -> assertThat(w.toString()).contains("var_gateway", "dhcp", "explicit"));
    }

    @Test
    void gatewayOutsideTheSubnet_isReportedAgainstTheKeyAndItsSource() {
        ConfigMapping m = mapping(jellyfin().env(Map.of("var_gateway", "10.9.9.1")));

        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> m.build(m.specBuilder().osTemplate(TEMPLATE)));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("var_gateway");
            assertThat(v.value()).isEqualTo("10.9.9.1");
            assertThat(v.rule()).startsWith("net0.gw ").contains("subnet");
            assertThat(v.source()).isEqualTo("environment");
        });
    }

    @Test
    void shortPassword_isReportedAgainstVarPwWithoutShowingIt() {
        ConfigMapping m = mapping(ConfigResolver.builder().env(Map.of("var_pw", "abc")));

        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> m.build(m.specBuilder().osTemplate(TEMPLATE).vmid(100)));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("var_pw");
            assertThat(v.source()).isEqualTo("environment");
            assertThat(v.rule()).startsWith("password ");
        });
        assertThat(e.getMessage()).doesNotContain("abc");
    }

    @Test
    void keyctlOnAPrivilegedContainer_isReportedAgainstVarKeyctl() {
        ConfigMapping m = mapping(ConfigResolver.builder().set("var_unprivileged", "no")
                .set("var_keyctl", "yes"));

        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> m.build(m.specBuilder().osTemplate(TEMPLATE)));

        assertThat(e.violations()).extracting(Violation::field, Violation::source)
                .contains(tuple("var_keyctl", "explicit"));
    }

    @Test
    void privilegedByDefaultKeyctl_isOff() {
        ConfigMapping m = mapping(ConfigResolver.builder().set("var_unprivileged", "0"));

        ContainerSpec spec = m.build(m.specBuilder().osTemplate(TEMPLATE));

        assertThat(spec.unprivileged()).contains(false);
        assertThat(spec.features().orElseThrow().keyctl()).isFalse();
    }

    @Test
    void ipRange_isAnErrorNamingItsSource() {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> mapping(jellyfin().env(Map.of("var_net", "10.0.0.10/24-10.0.0.20/24"))));

        assertThat(e.violations()).singleElement()
                .extracting(Violation::field, Violation::source)
                .containsExactly("var_net", "environment");
    }

    @Test
    void staticIpv6Method_isAnErrorBecauseNoVarsKeyHoldsTheAddress() {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> mapping(ConfigResolver.builder().set("var_ipv6_method", "static")));

        assertThat(e.getMessage()).contains("var_ipv6_method='static'", "var_ipv6_static");
    }

    @Test
    void etcTimezone_becomesHostWithAWarning() {
        ConfigMapping m = mapping(ConfigResolver.builder().set("var_timezone", "Etc/UTC"));

        assertThat(m.specBuilder().build().timezone()).contains("host");
        assertThat(m.warnings()).extracting(ConfigWarning::key).containsExactly("var_timezone");
    }

    @Test
    void featuresDnsTagsSecretsAndIds_areMapped() {
        ConfigMapping m = mapping(ConfigResolver.builder().env(Map.of("var_ctid", "321",
                "var_fuse", "on", "var_mknod", "1", "var_mount_fs", " nfs, cifs,",
                "var_ns", "1.1.1.1 9.9.9.9", "var_searchdomain", "lan", "var_protection", "yes",
                "var_pw", "s3cret-pw", "var_tags", "web;prod",
                "var_ssh_authorized_key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB0 me@host")));

        ContainerSpec spec = m.build(m.specBuilder().osTemplate(TEMPLATE));

        assertThat(spec.vmid()).hasValue(321);
        assertThat(spec.features().orElseThrow().fuse()).isTrue();
        assertThat(spec.features().orElseThrow().mknod()).isTrue();
        assertThat(spec.features().orElseThrow().mount()).containsExactly("nfs", "cifs");
        assertThat(spec.nameservers()).containsExactly("1.1.1.1", "9.9.9.9");
        assertThat(spec.searchDomains()).containsExactly("lan");
        assertThat(spec.protection()).contains(true);
        assertThat(spec.password()).contains("s3cret-pw");
        assertThat(spec.tags()).containsExactly("web", "prod");
        assertThat(spec.sshPublicKeys()).hasSize(1);
        assertThat(spec.toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void templateRef_selectsTheNewestMatchingTemplateLikeBuildFunc() {
        TemplateRef t = new TemplateRef("debian", "12", Optional.of("local"));
        List<String> names = List.of("debian-12-standard_12.2-1_amd64.tar.zst",
                "debian-12-standard_12.12-1_amd64.tar.zst", "debian-12-standard_12.7-1_arm64.tar.zst",
                "debian-13-standard_13.1-2_amd64.tar.zst", "debian-12-turnkey_12.1_amd64.tar.gz",
                "debian-120-standard_120.0-1_amd64.tar.zst", "debian-12-standard_12.9-1_amd64.tar.bz2");

        assertThat(t.select(names, "amd64")).contains("debian-12-standard_12.12-1_amd64.tar.zst");
        assertThat(t.volumeId("x.tar.zst")).isEqualTo("local:vztmpl/x.tar.zst");
        assertThat(new TemplateRef("alpine", "3.22", Optional.empty())
                .select(List.of("alpine-3.22-default_20250617_amd64.tar.xz"), "amd64")).isPresent();
    }
}
