package io.github.proxmoxlxc.hardware.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.core.spec.InvalidValuesException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The file editor's line rules ({@link ConfText}) and core's node patch accept and refuse the same
 * raw lines and plain keys (issue 11: core no longer exports its internals to this module).
 */
class ConfTextAgreementTest {
    private static final List<String> LINES = List.of("lxc.cgroup2.devices.allow: c 226:128 rwm",
            "lxc.mount.entry = /dev/dri dev/dri none bind,optional,create=dir", "lxc.apparmor.profile: unconfined",
            "lxc.idmap: g 44 44 1", "lxc.cgroup2.devices.allow: c 226:128 rwm ", " lxc.apparmor.profile: x",
            "lxc.mount.entry: a\nlxc.cap.drop:", "lxc.mount.entry: a\u2028b", "lxc.mount.entry: tab\there",
            "lxc.Upper: x", "cores: 2", "lxc.: x", "lxc.key", "lxc.key: \u0000", "lxc.key=value");
    private static final List<String> KEYS = List.of("dev0", "mp12", "unprivileged", "ha-managed", "Dev0", "0dev",
            "dev 0", "lxc.idmap", "net_x1");

    @Test
    void rawLines_sameVerdict() {
        for (String line : LINES) {
            boolean editor = ConfText.lineProblem(line) == null && ConfText.LXC_LINE.matcher(line).matches();
            assertThat(accepted(() -> NodePatch.builder().addRawLine(line).build()))
                    .as("raw line %s", line.replace("\n", "\\n")).isEqualTo(editor);
        }
    }

    @Test
    void plainKeys_sameVerdict() {
        for (String key : KEYS) {
            boolean editor = ConfText.PLAIN_KEY.matcher(key).matches();
            assertThat(accepted(() -> NodePatch.builder().putKey(key, "1").build())).as("key %s", key)
                    .isEqualTo(editor);
        }
    }

    private static boolean accepted(Runnable build) {
        try {
            build.run();
            return true;
        } catch (InvalidValuesException e) {
            return false;
        }
    }
}
