package io.github.proxmoxlxc.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code idmap} sub-key of {@code rootfs}/{@code mpN} (pve-container 6.1.6, commit 241925b):
 * codec, Proxmox's rules, and what it changes in pct commands, privileges and differences.
 */
class MountIdmapTest {
    private static final SchemaValidator CREATE = SchemaValidator.forEndpoint("POST /nodes/{node}/lxc");
    private static final String MEDIA = "u:1005:1005:1;g:1005:1005:1";

    private static ContainerSpec.Builder base() {
        return ContainerSpec.builder().vmid(120).osTemplate("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst");
    }

    private static MountPoint media(String idmap) {
        return MountPoint.builder().volume("/tank/media").path("/media").idmap(idmap).build();
    }

    private static Violation onlyViolation(Runnable r) {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, r::run);
        assertThat(e).as("expected an InvalidSpecException").isNotNull();
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }

    @Test
    void mountPoint_encodesIdmapInSortedKeyOrder_andParsesItBack() {
        MountPoint mp = MountPoint.builder().volume("/tank/media").path("/media").readOnly(true).idmap(MEDIA).build();

        assertThat(mp.encode()).isEqualTo("/tank/media,mp=/media,idmap=u:1005:1005:1;g:1005:1005:1,ro=1");
        assertThat(MountPoint.parse(mp.encode())).isEqualTo(mp);
        assertThat(mp.idmap()).contains(MEDIA);
        assertThat(mp.toBuilder().build()).isEqualTo(mp);
        assertThat(mp.toBuilder().idmap("passthrough").build()).isNotEqualTo(mp);
    }

    @Test
    void rootfs_takesIdmapToo() {
        RootFs root = RootFs.builder().volume("local-lvm", 8).idmap("passthrough").build();

        assertThat(root.encode()).isEqualTo("local-lvm:8,idmap=passthrough");
        assertThat(RootFs.parse("local-lvm:vm-100-disk-0,size=8G,idmap=g:100:50:5").idmap()).contains("g:100:50:5");
        assertThat(RootFs.builder().volume("local", 4).build().idmap()).isEmpty();
    }

    @Test
    void proxmoxsOwnExamples_areAccepted() {
        // the commit message and the option's verbose description in Config.pm
        MountPoint mp = MountPoint.parse("/mnt/data,mp=/data,idmap=u:1005:1005:1;g:1005:1005:1");
        assertThat(mp.idmap()).contains(MEDIA);
        for (String example : List.of("u:123:456:1", "g:100:50:5", "passthrough")) {
            assertThat(base().mountPoint(0, media(example)).build().mountPoints().get(0).idmap()).contains(example);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"u:0:1000", "u:0:1000:0", "x:0:0:1", "u:0:0:01", "passthrough;u:0:0:1", "u:0:0:1;",
        "u:-1:0:1", "U:0:0:1", "u 0 100000 65536", "Passthrough", "u:0:0:1,g:0:0:1"})
    void build_refusesAnIdmapOutsideProxmoxsPattern_namingFieldValueRuleAndExample(String idmap) {
        Violation v = onlyViolation(() -> base().mountPoint(0, media(idmap)).build());

        assertThat(v.field()).isEqualTo("mp0.idmap");
        assertThat(v.value()).isEqualTo(idmap);
        assertThat(v.rule()).isEqualTo("must be passthrough or type:container:disk:range-size[;...] with type u or g"
                + " and range-size 1 or more, such as u:1005:1005:1;g:1005:1005:1");
    }

    @Test
    void anEmptyIdmap_isRefusedToo() {
        Violation v = onlyViolation(() -> base().rootFs(RootFs.builder().volume("local-lvm", 8).idmap("").build())
                .build());

        assertThat(v.field()).isEqualTo("rootfs.idmap");
        assertThat(v.rule()).startsWith("must be passthrough or type:container:disk:range-size");
    }

    @Test
    void overlappingEntriesOfOneType_areRefusedAsValidateIdMapsDoes() {
        Violation inside = onlyViolation(() -> base().mountPoint(3, media("u:0:1000:2;u:1:5000:1")).build());
        assertThat(inside.field()).isEqualTo("mp3.idmap");
        assertThat(inside.rule()).isEqualTo("entry 'u:1:5000:1' maps container uid 1, which entry 'u:0:1000:2' maps"
                + " too; entries of one type must not overlap inside the container or on the disk");

        Violation onDisk = onlyViolation(() -> base().mountPoint(0, media("g:10:1001:1;g:0:1000:2")).build());
        assertThat(onDisk.rule()).startsWith("entry 'g:10:1001:1' maps disk gid 1001, which entry 'g:0:1000:2'");

        // adjacent ranges, and one range per type mapping the same ids, are fine
        assertThat(base().mountPoint(0, media("u:0:1000:2;u:2:1002:1;g:0:1000:2")).build().mountPoints())
                .hasSize(1);
    }

    @Test
    void idsMustFitThirtyTwoBits() {
        assertThat(base().mountPoint(0, media("u:4294967294:0:1")).build().mountPoints()).hasSize(1);
        Violation v = onlyViolation(() -> base().mountPoint(0, media("u:4294967294:0:2")).build());
        assertThat(v.rule()).startsWith("entry 'u:4294967294:0:2' maps ids beyond 4294967294");
        assertThat(onlyViolation(() -> base().mountPoint(0, media("g:0:99999999999999999999:1")).build()).rule())
                .contains("beyond 4294967294");
    }

    @Test
    void theOverlapRule_holdsForEncodeAndUserParse_butNotForAConfigReadBack() {
        MountPoint overlapping = media("u:0:1000:2;u:1:5000:1");
        assertThat(catchThrowableOfType(InvalidSpecException.class, overlapping::encode).getMessage())
                .contains("mp.idmap", "maps container uid 1");
        assertThat(catchThrowableOfType(InvalidSpecException.class,
                () -> MountPoint.parse("/tank,mp=/t,idmap=u:0:1000:2;u:1:5000:1")).getMessage())
                .contains("maps container uid 1");

        // a create request passes Proxmox without validate_id_maps, so a node may hold one
        ContainerSpec read = ContainerSpec.fromConfig(Map.of("mp0", "/tank,mp=/t,idmap=u:0:1000:2;u:1:5000:1"));
        assertThat(read.mountPoints().get(0).idmap()).contains("u:0:1000:2;u:1:5000:1");
    }

    @Test
    void aPrivilegedContainer_refusesIdmap_whichProxmoxWouldIgnore() {
        Violation v = onlyViolation(() -> base().unprivileged(false).mountPoint(1, media("passthrough")).build());

        assertThat(v.field()).isEqualTo("mp1.idmap");
        assertThat(v.rule()).isEqualTo("applies to unprivileged containers only (unprivileged=0 here; Proxmox ignores"
                + " it with a warning at start)");
        // a config read back is not held to it
        assertThat(ContainerSpec.fromConfig(Map.of("unprivileged", "0", "mp1", "/tank/media,mp=/media,idmap=passthrough"))
                .mountPoints().get(1).idmap()).contains("passthrough");
    }

    @Test
    void fromConfig_ofANewerNode_decodesIdmap_andComparesIt() {
        Map<String, String> config = Map.of("rootfs", "local-lvm:vm-120-disk-0,size=8G,idmap=passthrough",
                "mp0", "/tank/media,mp=/media,idmap=" + MEDIA, "unprivileged", "1");

        ContainerSpec actual = ContainerSpec.fromConfig(config);

        assertThat(actual.rootFs().orElseThrow().idmap()).contains("passthrough");
        assertThat(actual.mountPoints().get(0).idmap()).contains(MEDIA);
        ContainerSpec same = base().rootFs(RootFs.builder().volume("local-lvm", 8).idmap("passthrough").build())
                .mountPoint(0, media(MEDIA)).build();
        assertThat(same.differencesFrom(actual)).isEmpty();
        ContainerSpec other = same.toBuilder().mountPoint(0, media("u:1005:1005:1")).build();
        assertThat(other.differencesFrom(actual)).extracting(SpecDifference::key).containsExactly("mp0");
        ContainerSpec none = same.toBuilder().rootFs(RootFs.builder().volume("local-lvm", 8).build()).build();
        assertThat(none.differencesFrom(actual)).extracting(SpecDifference::key).containsExactly("rootfs");
    }

    @Test
    void pctCommandAndParameters_carryIdmap_quotedOnce() {
        ContainerSpec spec = base().mountPoint(0, media(MEDIA)).build();

        assertThat(spec.toParameters()).containsEntry("mp0", "/tank/media,mp=/media,idmap=" + MEDIA);
        assertThat(spec.toPctCommand()).contains(" --mp0 '/tank/media,mp=/media,idmap=u:1005:1005:1;g:1005:1005:1'");
        assertThat(base().mountPoint(0, media("passthrough")).build().toPctCommand())
                .contains(" --mp0 /tank/media,mp=/media,idmap=passthrough");
    }

    @Test
    void idmap_needsNoRootOfItsOwn_butABindMountStillDoes() {
        // check_ct_modify_config_perm: VM.Config.Disk for a volume mount, root@pam for bind/device mounts
        ContainerSpec volume = base().mountPoint(0, MountPoint.builder().volume("local-lvm", 4).path("/data")
                .idmap(MEDIA).build()).build();
        assertThat(volume.requiresRootAtPam()).isEmpty();
        assertThat(base().mountPoint(0, media(MEDIA)).build().requiresRootAtPam())
                .extracting(PrivilegeRequirement::field).containsExactly("mp0");
    }

    @Test
    void anUnknownSubKey_isRefusedFromAUser_butIgnoredInAConfigReadBack() {
        String newer = "local-lvm:vm-120-disk-1,mp=/data,size=8G,colour=blue";
        assertThat(catchThrowableOfType(InvalidSpecException.class, () -> MountPoint.parse(newer)).getMessage())
                .contains("unknown key 'colour'");

        Map<String, String> config = new LinkedHashMap<>();
        config.put("rootfs", "local-lvm:vm-120-disk-0,size=8G,shape=round");
        config.put("mp0", newer);
        config.put("net0", "name=eth0,bridge=vmbr0,hwaddr=BC:24:11:00:00:01,ip=dhcp,type=veth,speed=fast");
        config.put("features", "nesting=1,teleport=1");
        config.put("dev0", "/dev/dri/renderD128,gid=44,glow=1");
        ContainerSpec read = ContainerSpec.fromConfig(config);

        assertThat(read.mountPoints().get(0)).isEqualTo(MountPoint.parse("local-lvm:vm-120-disk-1,mp=/data,size=8G"));
        assertThat(read.rootFs()).contains(RootFs.parse("local-lvm:vm-120-disk-0,size=8G"));
        assertThat(read.networks().get(0).bridge()).contains("vmbr0");
        assertThat(read.features().orElseThrow().nesting()).isTrue();
        assertThat(read.devices().get(0).gid()).hasValue(44);
    }

    @Test
    void aConfigReadBack_stillChecksTheFormatsOfKnownSubKeys() {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> ContainerSpec.fromConfig(
                Map.of("mp0", "/tank,mp=/t,idmap=u:0:0,colour=blue")));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("mp0.idmap");
    }

    @Provide
    Arbitrary<MountPoint> mountPoints() {
        return SpecGenerator.mountPointsWithIdmap();
    }

    @Provide
    Arbitrary<RootFs> rootFses() {
        return SpecGenerator.rootFsesWithIdmap();
    }

    @Provide
    Arbitrary<ContainerSpec> specs() {
        return SpecGenerator.specsWithIdmap();
    }

    @Property(tries = 300)
    void mountPointsWithIdmap_roundTrip(@ForAll("mountPoints") MountPoint mp) {
        assertThat(MountPoint.parse(mp.encode())).isEqualTo(mp);
    }

    @Property(tries = 300)
    void rootFsesWithIdmap_roundTrip(@ForAll("rootFses") RootFs root) {
        assertThat(RootFs.parse(root.encode())).isEqualTo(root);
    }

    @Property(tries = 150)
    void specsWithIdmap_roundTripThroughFromConfig_andDifferOnlyByIdmapFromThePve91Schema(
            @ForAll("specs") ContainerSpec spec) {
        Map<String, String> config = configView(spec);

        ContainerSpec decoded = ContainerSpec.fromConfig(config);

        assertThat(spec.differencesFrom(decoded)).isEmpty();
        Map<String, String> withoutIdmap = new LinkedHashMap<>(spec.toParameters());
        withoutIdmap.replaceAll((k, v) -> v.replaceAll(",idmap=[^,]*", ""));
        assertThat(CREATE.validate(withoutIdmap, Set.of("node"))).as("%s", withoutIdmap).isEmpty();
    }

    @Property(tries = 150)
    void unknownSubKeysInAConfigReadBack_changeNothingDecoded(@ForAll("specs") ContainerSpec spec) {
        Map<String, String> config = configView(spec);
        Map<String, String> newer = new LinkedHashMap<>(config);
        newer.replaceAll((k, v) -> k.equals("rootfs") || k.matches("(mp|net|dev)\\d+") || k.equals("features")
                ? v + ",zz-future-key=1;2" : v);

        assertThat(ContainerSpec.fromConfig(newer)).isEqualTo(ContainerSpec.fromConfig(config));
    }

    /** What GET .../config would hold for a spec: its parameters without the create-only ones. */
    private static Map<String, String> configView(ContainerSpec spec) {
        Map<String, String> config = new LinkedHashMap<>(spec.toParameters());
        config.keySet().removeAll(List.of("ostemplate", "password", "ssh-public-keys", "start", "restore", "unique",
                "force", "ignore-unpack-errors", "bwlimit", "storage", "pool", "ha-managed", "lock"));
        return config;
    }
}
