package io.github.proxmoxlxc.hardware.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.core.spec.DeviceEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LxcConfigFileTest {
    static final String CONF = "#Media server\n"
            + "#  with %3A encoded colon\n"
            + "arch: amd64\n"
            + "cores: 2\n"
            + "hostname: jellyfin\n"
            + "lxc.apparmor.profile = unconfined\n"
            + "memory: 2048\n"
            + "net0: name=eth0,bridge=vmbr0,ip=dhcp,type=veth\n"
            + "rootfs: local-lvm:vm-101-disk-0,size=8G\n"
            + "unprivileged: 1\n"
            + "\n"
            + "[before-upgrade]\n"
            + "arch: amd64\n"
            + "cores: 1\n"
            + "lxc.idmap: u 0 100000 65536\n"
            + "snaptime: 1700000000\n"
            + "\n"
            + "[pve:pending]\n"
            + "cores: 4\n";

    @Test
    void unchangedFileWritesBackByteForByte() {
        assertThat(LxcConfigFile.parse(CONF).text()).isEqualTo(CONF);
        assertThat(LxcConfigFile.parse("arch: amd64").text()).isEqualTo("arch: amd64");
        assertThat(LxcConfigFile.parse("").text()).isEmpty();
    }

    @Test
    void readsDescriptionSectionsAndMainSectionKeysOnly() {
        LxcConfigFile c = LxcConfigFile.parse(CONF);
        assertThat(c.description()).isEqualTo("Media server\n  with %3A encoded colon");
        assertThat(c.sections()).containsExactly("before-upgrade", "pve:pending");
        assertThat(c.get("cores")).hasValue("2");
        assertThat(c.get("lxc.apparmor.profile")).hasValue("unconfined");
        assertThat(c.values("lxc.idmap")).isEmpty();
        assertThat(c.unprivileged()).isTrue();
        assertThat(c.section("pve:pending")).hasValue(java.util.List.of("[pve:pending]", "cores: 4"));
    }

    @Test
    void rawLinesGoBeforeTheFirstSectionAndBlankLineStays() {
        LxcConfigFile c = LxcConfigFile.parse(CONF).addRawLine("lxc.cgroup2.devices.allow: c 226:128 rwm");
        assertThat(c.text()).contains("unprivileged: 1\nlxc.cgroup2.devices.allow: c 226:128 rwm\n\n[before-upgrade]\n");
        assertThat(c.section("before-upgrade")).isEqualTo(LxcConfigFile.parse(CONF).section("before-upgrade"));
    }

    @Test
    void setReplacesTheMainSectionKeyInPlaceAndLeavesSnapshotsAlone() {
        LxcConfigFile c = LxcConfigFile.parse(CONF).set("cores", "8").set("dev0", "/dev/dri/renderD128,gid=106");
        assertThat(c.text()).startsWith("#Media server\n#  with %3A encoded colon\narch: amd64\ncores: 8\n");
        assertThat(c.text()).contains("dev0: /dev/dri/renderD128,gid=106\n\n[before-upgrade]\narch: amd64\ncores: 1\n");
        assertThat(c.text()).endsWith("[pve:pending]\ncores: 4\n");
    }

    @Test
    void anEqualRawLineWithTheOtherSeparatorCountsAsPresent() {
        LxcConfigFile c = LxcConfigFile.parse(CONF);
        assertThat(c.addRawLine("lxc.apparmor.profile: unconfined")).isSameAs(c);
        assertThat(c.removeRawLine("lxc.apparmor.profile: unconfined").get("lxc.apparmor.profile")).isEmpty();
    }

    @Test
    void applyingTheSamePatchTwiceChangesNothing() {
        NodePatch p = NodePatch.builder().device(0, DeviceEntry.builder().path("/dev/dri/card1").gid(44).build())
                .addRawLine("lxc.mount.entry: /dev/kfd dev/kfd none bind,optional,create=file")
                .removeRawLine("lxc.apparmor.profile: unconfined").build();
        LxcConfigFile once = LxcConfigFile.parse(CONF).apply(p);
        assertThat(once.apply(p).text()).isEqualTo(once.text());
        assertThat(once.devices()).containsEntry(0, "/dev/dri/card1,gid=44");
        assertThat(once.sections()).containsExactly("before-upgrade", "pve:pending");
    }

    @Test
    void noValueCanInjectALineOrAKey() {
        LxcConfigFile c = LxcConfigFile.parse(CONF);
        Stream.of("x\nlock: backup", "x\rlock: backup", "x\u2028y", "x\u0000").forEach(v -> assertThatThrownBy(
                () -> c.set("dev0", v)).isInstanceOf(InvalidConfigFileException.class).hasMessageContaining("dev0"));
        assertThatThrownBy(() -> c.set("dev0: /dev/x\nlock", "backup")).isInstanceOf(InvalidConfigFileException.class);
        assertThatThrownBy(() -> c.set("lock", "backup")).isInstanceOf(InvalidConfigFileException.class)
                .isNotInstanceOf(io.github.proxmoxlxc.core.spec.InvalidSpecException.class);
        assertThatThrownBy(() -> c.set("cores", " 2")).isInstanceOf(InvalidConfigFileException.class)
                .hasMessageContaining("whitespace");
        assertThatThrownBy(() -> c.addRawLine("lxc.mount.entry: a\n[snap]")).isInstanceOf(InvalidConfigFileException.class);
        assertThatThrownBy(() -> c.addRawLine("cores: 3")).isInstanceOf(InvalidConfigFileException.class)
                .hasMessageContaining("lxc.<key>");
    }

    @Test
    void writeReplacesAtomicallyAndKeepsABackup(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("101.conf");
        Files.writeString(f, CONF);
        LxcConfigFile.read(f).set("cores", "6").write(f);
        assertThat(Files.readString(f)).contains("cores: 6\n");
        assertThat(Files.readString(dir.resolve("101.conf.bak"))).isEqualTo(CONF);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("101.conf", "101.conf.bak");
        }
    }

    @Test
    void writeRefusesWhileTheConfigOrTheFileOnDiskIsLocked(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("101.conf");
        Files.writeString(f, "arch: amd64\nlock: backup\n");
        LxcConfigFile locked = LxcConfigFile.read(f);
        assertThatThrownBy(() -> locked.set("cores", "2").write(f)).isInstanceOf(ConfigLockedException.class)
                .hasMessageContaining("lock: backup");
        LxcConfigFile unlocked = LxcConfigFile.parse("arch: amd64\n");
        assertThatThrownBy(() -> unlocked.write(f)).isInstanceOf(ConfigLockedException.class)
                .satisfies(e -> assertThat(((ConfigLockedException) e).lock()).isEqualTo("backup"));
        assertThat(Files.readString(f)).isEqualTo("arch: amd64\nlock: backup\n");
        assertThat(dir.resolve("101.conf.bak")).doesNotExist();
    }
}
