package io.github.proxmoxlxc.testkit.internal.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
    @Test
    void splitsQuotedWords_asAShellDoes() {
        assertThat(ShellWords.split("'pct' 'set' '100' '-dev0' '/dev/dri/renderD128,gid=104'")).contains(
                List.of("pct", "set", "100", "-dev0", "/dev/dri/renderD128,gid=104"));
        assertThat(ShellWords.split("sh -c 'echo \"$1\"; exit 3' sh 'it'\\''s'")).contains(
                List.of("sh", "-c", "echo \"$1\"; exit 3", "sh", "it's"));
        assertThat(ShellWords.split("echo \"a \\\"b\\\" c\" d\\ e")).contains(List.of("echo", "a \"b\" c", "d e"));
        assertThat(ShellWords.split("''")).contains(List.of(""));
    }

    @Test
    void operatorsAndSubstitutions_needARealShell() {
        assertThat(ShellWords.split("cat /etc/subuid | wc -l")).isEmpty();
        assertThat(ShellWords.split("echo $HOME")).isEmpty();
        assertThat(ShellWords.split("echo \"$(id)\"")).isEmpty();
        assertThat(ShellWords.split("a; b")).isEmpty();
        assertThat(ShellWords.split("'unterminated")).isEmpty();
    }

    @Property(tries = 300)
    void joinThenSplit_roundTrips(@ForAll List<String> words) {
        List<String> clean = new ArrayList<>();
        words.forEach(w -> clean.add(w.replace("\0", "")));
        if (clean.isEmpty()) {
            return;
        }
        assertThat(ShellWords.split(ShellWords.join(clean))).contains(clean);
    }

    @Test
    void configFileParse_keepsOptionsAndRawLines_andStopsAtTheFirstSection() {
        Map<String, String> options = new LinkedHashMap<>();
        List<String[]> raw = new ArrayList<>();
        NodeRoot.parse("arch: amd64\nlxc.cgroup2.devices.allow: c 226:128 rwm\nlxc.apparmor.profile = unconfined\n"
                + "dev0: /dev/dri/card1,gid=44\n\n[snap1]\narch: amd64\nlxc.x: y\n", options, raw);
        assertThat(options).containsExactly(Map.entry("arch", "amd64"), Map.entry("dev0", "/dev/dri/card1,gid=44"));
        assertThat(raw).extracting(kv -> kv[0] + "=" + kv[1]).containsExactly(
                "lxc.cgroup2.devices.allow=c 226:128 rwm", "lxc.apparmor.profile=unconfined");
    }
}
