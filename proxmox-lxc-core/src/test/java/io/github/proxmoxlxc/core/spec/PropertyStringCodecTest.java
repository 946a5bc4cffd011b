package io.github.proxmoxlxc.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact codecs of the property strings, both ways, with Proxmox's default-key and boolean rules. */
class PropertyStringCodecTest {
    @Test
    void net_encodesNameFirstThenSortedKeys_andDecodesWithTypeVeth() {
        NetworkInterface n = NetworkInterface.builder("eth0").bridge("vmbr0").macAddress("BC:24:11:5E:7A:01").ip("10.0.0.5/24")
                .gateway("10.0.0.1").ip6("fd00::5/64").gateway6("fd00::1").mtu(1500).tag(10).trunks(List.of(10, 20))
                .firewall(true).rate(12.5).linkDown(true).hostManaged(true).build();

        String encoded = n.encode();

        assertThat(encoded).isEqualTo("name=eth0,bridge=vmbr0,firewall=1,gw=10.0.0.1,gw6=fd00::1,host-managed=1,"
                + "hwaddr=BC:24:11:5E:7A:01,ip=10.0.0.5/24,ip6=fd00::5/64,link_down=1,mtu=1500,rate=12.5,tag=10,"
                + "trunks=10;20");
        assertThat(NetworkInterface.parse(encoded + ",type=veth")).isEqualTo(n);
    }

    @Test
    void net_decodesProxmoxBooleanSpellings() {
        NetworkInterface n = NetworkInterface.parse("name=eth0,firewall=yes,link_down=Off");

        assertThat(n.firewall()).isTrue();
        assertThat(n.linkDown()).isFalse();
    }

    @Test
    void net_withoutName_isRejected() {
        assertThatThrownBy(() -> NetworkInterface.parse("bridge=vmbr0,ip=dhcp"))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("net.name");
    }

    @Test
    void net_unknownDuplicateAndKeylessParts_areRejected() {
        assertThat(catchThrowableOfType(InvalidSpecException.class,
                () -> NetworkInterface.parse("name=eth0,colour=red")).getMessage()).contains("unknown key 'colour'");
        assertThat(catchThrowableOfType(InvalidSpecException.class,
                () -> NetworkInterface.parse("name=eth0,name=eth1")).getMessage()).contains("duplicate key 'name'");
        assertThat(catchThrowableOfType(InvalidSpecException.class,
                () -> NetworkInterface.parse("eth0")).getMessage()).contains("no default key");
        assertThat(catchThrowableOfType(InvalidSpecException.class,
                () -> NetworkInterface.parse("name=eth0,type=vlan")).getMessage()).contains("must be veth");
    }

    @Test
    void net_encodeRejectsInvalidValues() {
        NetworkInterface n = NetworkInterface.builder("eth0").tag(5000).build();

        assertThatThrownBy(n::encode).hasMessageContaining("net.tag='5000'");
    }

    @Test
    void rootfs_defaultKeyMayStandAloneOrBeNamed() {
        RootFs plain = RootFs.parse("local-lvm:vm-100-disk-0,size=8G");
        RootFs named = RootFs.parse("volume=local-lvm:vm-100-disk-0,size=8G");

        assertThat(named).isEqualTo(plain);
        assertThat(plain.volume()).contains("local-lvm:vm-100-disk-0");
        assertThat(plain.encode()).isEqualTo("local-lvm:vm-100-disk-0,size=8G");
    }

    @Test
    void rootfs_encodesOptionsAndReplicateOnlyWhenOff() {
        RootFs r = RootFs.builder().volume("local-zfs", 8).acl(false).addMountOption("noatime")
                .addMountOption("nodev").quota(true).replicate(false).readOnly(true).shared(true).build();

        assertThat(r.encode())
                .isEqualTo("local-zfs:8,acl=0,mountoptions=noatime;nodev,quota=1,replicate=0,ro=1,shared=1");
        assertThat(RootFs.parse(r.encode())).isEqualTo(r);
        assertThat(RootFs.builder().volume("local", 4).build().encode()).isEqualTo("local:4");
    }

    @Test
    void rootfs_duplicateDefaultKey_isRejected() {
        assertThatThrownBy(() -> RootFs.parse("local:4,volume=local:8")).hasMessageContaining("duplicate key 'volume'");
    }

    @Test
    void mountPoint_encodesVolumeThenMpThenSortedKeys() {
        MountPoint mp = MountPoint.builder().volume("/mnt/media").path("/media").readOnly(true).backup(false)
                .keepAttrs(true).build();

        assertThat(mp.encode()).isEqualTo("/mnt/media,mp=/media,backup=0,keepattrs=1,ro=1");
        assertThat(MountPoint.parse("mp=/media,volume=/mnt/media,ro=1,keepattrs=1,backup=0")).isEqualTo(mp);
    }

    @Test
    void mountPoint_withoutMp_isRejected() {
        assertThatThrownBy(() -> MountPoint.parse("local:8")).hasMessageContaining("mp.mp");
    }

    @Test
    void features_encodeEnabledFlagsSorted_andDecodeExplicitZeroAsOff() {
        Features f = Features.builder().nesting(true).keyctl(true).fuse(true).mknod(true).forceRwSys(true)
                .mount(List.of("nfs", "cifs")).build();

        assertThat(f.encode()).isEqualTo("force_rw_sys=1,fuse=1,keyctl=1,mknod=1,mount=nfs;cifs,nesting=1");
        assertThat(Features.parse(f.encode())).isEqualTo(f);
        assertThat(Features.parse("nesting=0,fuse=0")).isEqualTo(Features.none());
        assertThat(Features.none().encode()).isEmpty();
    }

    @Test
    void dev_pathIsTheDefaultKey() {
        DeviceEntry d = DeviceEntry.builder().path("/dev/ttyUSB0").uid(0).gid(20).mode("0660").denyWrite(true).build();

        assertThat(d.encode()).isEqualTo("/dev/ttyUSB0,deny-write=1,gid=20,mode=0660,uid=0");
        assertThat(DeviceEntry.parse("path=/dev/ttyUSB0,uid=0,gid=20,mode=0660,deny-write=1")).isEqualTo(d);
        assertThat(DeviceEntry.parse("/dev/ttyUSB0,deny-write=1,gid=20,mode=0660,uid=0")).isEqualTo(d);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/x,mode=660", "/dev/x,mode=0668", "/dev/x,uid=-1", "/dev/x,gid=abc", "mode=0660",
        "/dev/x,/dev/y", "/dev/x,deny-write=maybe", "/tmp/x"})
    void dev_invalidValues_areRejected(String value) {
        assertThatThrownBy(() -> DeviceEntry.parse(value)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("dev");
    }

    @Test
    void startup_bareNumberIsTheOrder() {
        assertThat(Startup.parse("3,up=30")).isEqualTo(Startup.builder().order(3).up(30).build());
        assertThat(Startup.parse("order=3,up=30,down=5").encode()).isEqualTo("order=3,up=30,down=5");
        assertThatThrownBy(() -> Startup.parse("up=x")).hasMessageContaining("startup");
        assertThatThrownBy(() -> Startup.parse("")).hasMessageContaining("at least one");
        assertThatThrownBy(() -> Startup.parse("1,order=2")).hasMessageContaining("duplicate");
    }

    @Test
    void enums_decodeWireNamesOnly() {
        assertThat(Arch.parse("arm64")).isEqualTo(Arch.ARM64);
        assertThat(OsType.parse("unmanaged")).isEqualTo(OsType.UNMANAGED);
        assertThat(ConsoleMode.parse("shell").wireName()).isEqualTo("shell");
        assertThatThrownBy(() -> Arch.parse("AMD64")).hasMessageContaining("arch='AMD64'");
    }

    @Test
    void toStringOfValues_showsTheEncodedForm() {
        assertThat(NetworkInterface.builder("eth0").dhcp().build()).hasToString("NetworkInterface[name=eth0,ip=dhcp]");
        assertThat(Features.nestingOnly()).hasToString("Features[nesting=1]");
    }
}
