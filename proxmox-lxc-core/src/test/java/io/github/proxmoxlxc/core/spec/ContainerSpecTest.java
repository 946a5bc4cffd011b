package io.github.proxmoxlxc.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerSpecTest {
    private static final String TEMPLATE = "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst";

    private static ContainerSpec.Builder minimal() {
        return ContainerSpec.builder().vmid(120).osTemplate(TEMPLATE);
    }

    @Test
    void toParameters_rendersTheExactFormParametersInStableOrder() {
        ContainerSpec spec = minimal()
                .hostname("jellyfin")
                .tags(List.of("media", "community-script"))
                .cores(2).memoryMiB(2048).swapMiB(512)
                .rootFs("local-lvm", 16)
                .addNetwork(NetworkInterface.builder("eth0").bridge("vmbr0").dhcp().ip6Auto().build())
                .features(Features.nestingOnly())
                .unprivileged(true).onBoot(false)
                .nameservers(List.of("1.1.1.1", "9.9.9.9"))
                .addSshPublicKey("ssh-ed25519 AAAAC3Nza me@a")
                .addSshPublicKey("ssh-rsa AAAAB3Nza me@b")
                .build();

        assertThat(spec.toParameters()).containsExactly(
                entry("vmid", "120"),
                entry("ostemplate", TEMPLATE),
                entry("hostname", "jellyfin"),
                entry("tags", "media;community-script"),
                entry("cores", "2"),
                entry("memory", "2048"),
                entry("swap", "512"),
                entry("rootfs", "local-lvm:16"),
                entry("net0", "name=eth0,bridge=vmbr0,ip=dhcp,ip6=auto"),
                entry("nameserver", "1.1.1.1 9.9.9.9"),
                entry("features", "nesting=1"),
                entry("unprivileged", "1"),
                entry("onboot", "0"),
                entry("ssh-public-keys", "ssh-ed25519 AAAAC3Nza me@a\nssh-rsa AAAAB3Nza me@b"));
    }

    @Test
    void toParameters_rendersIndexedKeysEnvAndNumbersAsProxmoxExpects() {
        ContainerSpec spec = minimal()
                .cpuLimit(1.5).cpuUnits(100)
                .mountPoint(3, MountPoint.builder().volume("local-lvm", 32).path("/data").backup(true).build())
                .network(31, NetworkInterface.builder().name("eth9").bridge("vmbr1").ip("10.1.2.3/24")
                        .gateway("10.1.2.1").tag(20).trunks(List.of(20, 30)).firewall(true).build())
                .device(7, DeviceEntry.builder().path("/dev/dri/renderD128").gid(104).mode("0660").build())
                .startup(Startup.builder().order(2).up(30).build())
                .putEnvironment("TZ", "UTC").putEnvironment("MODE", "a b")
                .build();

        assertThat(spec.toParameters())
                .containsEntry("cpulimit", "1.5")
                .containsEntry("mp3", "local-lvm:32,mp=/data,backup=1")
                .containsEntry("net31", "name=eth9,bridge=vmbr1,firewall=1,gw=10.1.2.1,ip=10.1.2.3/24,tag=20,"
                        + "trunks=20;30")
                .containsEntry("dev7", "/dev/dri/renderD128,gid=104,mode=0660")
                .containsEntry("startup", "order=2,up=30")
                .containsEntry("env", "TZ=UTC\0MODE=a b")
                .doesNotContainKey("node");
    }

    @Test
    void toParameters_withoutVmidOrTemplate_reportsBoth() {
        ContainerSpec spec = ContainerSpec.builder().hostname("x").build();

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, spec::toParameters);

        assertThat(e.violations()).extracting(Violation::field).containsExactly("vmid", "ostemplate");
    }

    @Test
    void build_reportsEveryViolationAtOnce() {
        ContainerSpec.Builder b = ContainerSpec.builder()
                .vmid(99).hostname("-bad-").cores(0).memoryMiB(8).tty(7).swapMiB(-1)
                .addNetwork(NetworkInterface.builder("eth0").bridge("vmbr0").macAddress("01:00:5E:00:00:01").mtu(10).build())
                .password("abc");

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, b::build);

        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("vmid", "hostname", "cores",
                "memory", "tty", "swap", "net0.hwaddr", "net0.mtu", "password");
        assertThat(e.violations()).allSatisfy(v -> assertThat(v.rule()).isNotBlank());
        assertThat(e.getMessage()).contains("vmid='99'", "between 100 and 999999999", "unicast");
    }

    @Test
    void secretsAreMaskedInToStringViolationsAndPctCommand() {
        ContainerSpec spec = minimal().password("s3cret-pass").build();

        assertThat(spec.toString()).contains("password=***").doesNotContain("s3cret");
        assertThat(spec.toPctCommand()).contains("--password '***'").doesNotContain("s3cret");
        assertThat(spec.toParameters()).containsEntry("password", "s3cret-pass");
        assertThat(spec.password()).contains("s3cret-pass");

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
                () -> minimal().password("s3c\n").build());
        assertThat(e.getMessage()).contains("password='***'").doesNotContain("s3c");
    }

    @Test
    void toString_isOneLineWithControlCharactersShown() {
        ContainerSpec spec = minimal().description("a\nb").addSshPublicKey("ssh-ed25519 AAAA a")
                .addSshPublicKey("ssh-rsa BBBB b").putEnvironment("A", "1").putEnvironment("B", "2").build();

        assertThat(spec.toString()).doesNotContain("\n", "\0")
                .contains("description=a\\nb", "ssh-public-keys=ssh-ed25519 AAAA a\\nssh-rsa BBBB b",
                        "env=A=1\\x00B=2");
    }

    @Test
    void crossField_gatewayOutsideSubnet_isRejected() {
        ContainerSpec.Builder b = minimal().addNetwork(NetworkInterface.builder("eth0").bridge("vmbr0")
                .ip("192.168.1.10/24").gateway("192.168.2.1").build());

        assertThatThrownBy(b::build).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("net0.gw='192.168.2.1': must lie inside the subnet of ip 192.168.1.10/24");
    }

    @Test
    void crossField_pointToPointPrefixes_mayUseAGatewayOutsideTheSubnet() {
        ContainerSpec spec = minimal()
                .network(0, NetworkInterface.builder("eth0").ip("203.0.113.7/32").gateway("172.31.1.1").build())
                .network(1, NetworkInterface.builder().name("eth1").ip6("2001:db8::7/128").gateway6("2001:db8:1::1")
                        .build())
                .build();

        assertThat(spec.networks()).hasSize(2);
    }

    @Test
    void crossField_gatewayWithDhcp_andIpv6GatewayWithoutStaticIp6_areRejected() {
        ContainerSpec.Builder b = minimal().addNetwork(NetworkInterface.builder("eth0").dhcp().gateway("10.0.0.1").ip6Auto()
                .gateway6("fd00::1").build());

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, b::build);

        assertThat(e.violations()).extracting(Violation::field).containsExactly("net0.gw", "net0.gw6");
    }

    @Test
    void ip6_staticWithoutPrefix_isRejected() {
        ContainerSpec.Builder b = minimal().addNetwork(NetworkInterface.builder("eth0").ip6("fd00::5").build());

        assertThatThrownBy(b::build).hasMessageContaining("net0.ip6='fd00::5'");
    }

    @Test
    void ip4_prefixOutsideProxmoxRange_isRejected() {
        ContainerSpec.Builder b = minimal().addNetwork(NetworkInterface.builder("eth0").ip("10.0.0.5/7").build());

        assertThatThrownBy(b::build).hasMessageContaining("prefix 8..32");
    }

    @Test
    void crossField_unprivilegedOnlyFeaturesOnAPrivilegedContainer_areRejected() {
        ContainerSpec.Builder b = minimal().unprivileged(false)
                .features(Features.builder().nesting(true).keyctl(true).mknod(true).build());

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, b::build);

        assertThat(e.violations()).extracting(Violation::field).containsExactly("features.keyctl", "features.mknod");
    }

    @Test
    void crossField_uniqueWithoutRestore_duplicateInterfaceNamesAndMountPaths_areRejected() {
        ContainerSpec.Builder b = minimal().unique(true)
                .network(0, NetworkInterface.builder("eth0").build()).network(1, NetworkInterface.builder("eth0").build())
                .mountPoint(0, MountPoint.builder().volume("local:1").path("/a").build())
                .mountPoint(1, MountPoint.builder().volume("local:1").path("/a").build());

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, b::build);

        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("unique", "net1.name",
                "mp1.mp");
    }

    @Test
    void indexesOutsideTheSchemaRanges_areRejected() {
        ContainerSpec.Builder b = minimal().network(32, NetworkInterface.builder("eth0").build())
                .device(256, DeviceEntry.builder().path("/dev/null").build());

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, b::build);

        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("net32", "dev256");
    }

    @Test
    void rawOption_acceptsSchemaNamesAndRejectsUnknownsNodeAndConflicts() {
        ContainerSpec ok = minimal().rawOption("lock", "backup").rawOption("unused0", "local:vm-120-disk-1").build();
        assertThat(ok.toParameters()).containsEntry("lock", "backup").containsEntry("unused0", "local:vm-120-disk-1");

        ContainerSpec.Builder bad = minimal().cores(2).rawOption("cores", "4").rawOption("node", "pve1")
                .rawOption("net32", "name=eth0").rawOption("lxc.idmap", "u 0 100000 65536");
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, bad::build);

        assertThat(e.violations()).extracting(Violation::field).containsExactly("cores", "rawOption", "rawOption",
                "rawOption");
    }

    @Test
    void toBuilder_roundTripsAndClearUnsetsOptions() {
        ContainerSpec spec = minimal().hostname("a").cores(2).addTag("x")
                .addNetwork(NetworkInterface.builder("eth0").build()).build();

        assertThat(spec.toBuilder().build()).isEqualTo(spec).hasSameHashCodeAs(spec);
        ContainerSpec cleared = spec.toBuilder().clear("cores").clear("tags").clear("net0").build();
        assertThat(cleared.cores()).isEmpty();
        assertThat(cleared.tags()).isEmpty();
        assertThat(cleared.networks()).isEmpty();
        assertThat(cleared.hostname()).contains("a");
    }

    @Test
    void addNetwork_usesTheLowestFreeIndex() {
        ContainerSpec spec = minimal().network(0, NetworkInterface.builder("eth0").build())
                .network(2, NetworkInterface.builder().name("eth2").build())
                .addNetwork(NetworkInterface.builder().name("eth1").build()).build();

        assertThat(spec.networks().keySet()).containsExactly(0, 1, 2);
        assertThat(spec.networks().get(1).name()).contains("eth1");
    }

    @Test
    void fromConfig_decodesWhatGetConfigReturns() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("arch", "amd64");
        config.put("cores", "2");
        config.put("digest", "6f0e0b2c0c5f4b7e9a");
        config.put("features", "keyctl=1,nesting=1");
        config.put("hostname", "jellyfin");
        config.put("memory", "2048");
        config.put("net0", "name=eth0,bridge=vmbr0,hwaddr=BC:24:11:5E:7A:01,ip=dhcp,ip6=auto,type=veth");
        config.put("ostype", "debian");
        config.put("rootfs", "local-lvm:vm-120-disk-0,size=16G");
        config.put("swap", "512");
        config.put("tags", "community-script;media");
        config.put("unprivileged", "1");
        config.put("dev0", "path=/dev/dri/renderD128,gid=104");
        config.put("lock", "create");
        config.put("unused0", "local-lvm:vm-120-disk-1");

        ContainerSpec spec = ContainerSpec.fromConfig(config);

        assertThat(spec.cores()).hasValue(2);
        assertThat(spec.features()).contains(Features.builder().nesting(true).keyctl(true).build());
        assertThat(spec.networks().get(0).macAddress()).contains("BC:24:11:5E:7A:01");
        assertThat(spec.rootFs().flatMap(RootFs::size)).contains("16G");
        assertThat(spec.tags()).containsExactly("community-script", "media");
        assertThat(spec.devices().get(0).encode()).isEqualTo("/dev/dri/renderD128,gid=104");
        assertThat(spec.rawOptions()).isEmpty();
        assertThat(spec.osTemplate()).isEmpty();
    }

    @Test
    void fromConfig_acceptsAGatewayOutsideTheSubnetAsProxmoxDoes() {
        ContainerSpec spec = ContainerSpec.fromConfig(Map.of("net0",
                "name=eth0,bridge=vmbr0,gw=10.9.9.1,ip=10.0.0.5/24,type=veth"));

        assertThat(spec.networks().get(0).gateway()).contains("10.9.9.1");
    }

    @Test
    void fromConfig_reportsEveryUndecodableKey() {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> ContainerSpec.fromConfig(
                Map.of("cores", "two", "net0", "bridge=vmbr0", "onboot", "yes", "arch", "sparc")));

        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("cores", "net0.name",
                "onboot", "arch");
    }

    @Test
    void differencesFrom_matchesAllocatedVolumesAndReportsRealChanges() {
        ContainerSpec wanted = minimal().hostname("jellyfin").cores(4).memoryMiB(2048).rootFs("local-lvm", 16)
                .tags(List.of("media", "community-script")).password("secret1")
                .addNetwork(NetworkInterface.builder("eth0").bridge("vmbr0").dhcp().build()).build();
        ContainerSpec actual = ContainerSpec.fromConfig(Map.of(
                "hostname", "jellyfin", "cores", "2", "memory", "2048",
                "rootfs", "local-lvm:vm-120-disk-0,size=16G",
                "tags", "community-script;media",
                "net0", "name=eth0,bridge=vmbr0,hwaddr=BC:24:11:00:00:01,ip=dhcp,type=veth",
                "net1", "name=eth1,bridge=vmbr1,ip=manual,type=veth"));

        List<SpecDifference> diff = wanted.differencesFrom(actual);

        assertThat(diff).containsExactly(new SpecDifference("cores", "4", "2"),
                new SpecDifference("net1", null, "name=eth1,bridge=vmbr1,ip=manual"));
    }

    @Test
    void differencesFrom_reportsAChangedMacWhenOneIsWanted() {
        ContainerSpec wanted = minimal().addNetwork(NetworkInterface.builder("eth0").macAddress("BC:24:11:00:00:02").build())
                .build();
        ContainerSpec actual = ContainerSpec.fromConfig(Map.of("net0", "name=eth0,hwaddr=BC:24:11:00:00:01"));

        assertThat(wanted.differencesFrom(actual)).extracting(SpecDifference::key).containsExactly("net0");
    }

    @Test
    void differencesFrom_reportsAResizedRootVolume() {
        ContainerSpec wanted = minimal().rootFs("local-lvm", 32).build();
        ContainerSpec actual = ContainerSpec.fromConfig(Map.of("rootfs", "local-lvm:vm-120-disk-0,size=16G"));

        assertThat(wanted.differencesFrom(actual)).extracting(SpecDifference::key).containsExactly("rootfs");
    }

    @Test
    void requiresRootAtPam_listsDevicesBindMountsFeaturesAndHookscript() {
        ContainerSpec spec = minimal()
                .mountPoint(0, MountPoint.builder().volume("/srv/media").path("/media").build())
                .mountPoint(1, MountPoint.builder().volume("local-lvm", 8).path("/data").build())
                .features(Features.builder().nesting(true).fuse(true).build())
                .device(0, DeviceEntry.builder().path("/dev/dri/renderD128").build())
                .hookScript("local:snippets/hook.sh")
                .build();

        assertThat(spec.requiresRootAtPam()).extracting(PrivilegeRequirement::field)
                .containsExactly("mp0", "features", "dev0", "hookscript");
        assertThat(spec.requiresRootAtPam().get(2).reason())
                .isEqualTo("configuring device passthrough is only allowed for root@pam");
    }

    @Test
    void requiresRootAtPam_isEmptyForNestingOnAnUnprivilegedContainer_butNotOnAPrivilegedOne() {
        assertThat(minimal().features(Features.nestingOnly()).build().requiresRootAtPam()).isEmpty();
        assertThat(minimal().unprivileged(false).features(Features.nestingOnly()).build().requiresRootAtPam())
                .extracting(PrivilegeRequirement::field).containsExactly("features");
    }

    @Test
    void toPctCommand_quotesForTheShellAndPassesSshKeysAsAFile() {
        ContainerSpec spec = minimal().hostname("web").description("it's \"mine\"; $(x)")
                .addNetwork(NetworkInterface.builder("eth0").bridge("vmbr0").dhcp().build())
                .addSshPublicKey("ssh-ed25519 AAAA me@host")
                .putEnvironment("A", "1")
                .build();

        assertThat(spec.toPctCommand()).isEqualTo("pct create 120 " + TEMPLATE + " --hostname web"
                + " --description 'it'\\''s \"mine\"; $(x)'"
                + " --net0 name=eth0,bridge=vmbr0,ip=dhcp"
                + " --ssh-public-keys <(printf '%s\\n' 'ssh-ed25519 AAAA me@host')"
                + "\n# env (NUL-separated, cannot be passed on a command line; set it through the API): A=1");
    }
}
