package io.github.proxmoxlxc.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The test-side schema validator catches what Proxmox would reject (so the conformance test can fail). */
class SchemaValidatorTest {
    private static final SchemaValidator CREATE = SchemaValidator.forEndpoint("POST /nodes/{node}/lxc");

    private static Map<String, String> base() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("vmid", "100");
        m.put("ostemplate", "local:vztmpl/x.tar.zst");
        return m;
    }

    @Test
    void minimalParametersAreValid() {
        assertThat(CREATE.validate(base(), Set.of("node"))).isEmpty();
    }

    @Test
    void missingRequiredParametersAreReported() {
        assertThat(CREATE.validate(Map.of(), Set.of("node"))).containsExactlyInAnyOrder("ostemplate: required",
                "vmid: required");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "onboot|true", "memory|8", "cores|1.5", "ostype|windows", "hostname|-x", "vmid|99", "tty|7",
        "net0|name=eth0,foo=1", "net0|bridge=vmbr0", "net0|name=eth0,hwaddr=01:00:00:00:00:01",
        "net0|name=eth0,ip=10.0.0.1/7", "net0|name=eth0,firewall=maybe", "net32x|name=eth0",
        "mp0|local:8", "mp0|local:8,mp=/a/../b", "dev0|/tmp/x", "dev0|/dev/x,mode=777", "rootfs|local:8,size=8X",
        "features|mount=a,b", "tags|bad tag!", "nameserver|1.1.1", "timezone|a b", "startup|x=1",
        "env|A=a\u0001b", "password|abc", "lock|open", "searchdomain|-bad-", "pool|a b"})
    void invalidValuesAreReported(String key, String value) {
        Map<String, String> m = base();
        m.put(key, value);

        assertThat(CREATE.validate(m, Set.of("node"))).isNotEmpty();
    }

    @Test
    void perlPatternsAreRewrittenAndAnchored() {
        assertThat(SchemaValidator.pattern("(?^:\\d+(?:;\\d+)*)").matcher("10;20").matches()).isTrue();
        assertThat(SchemaValidator.pattern("(?^:\\d+(?:;\\d+)*)").matcher("10;x").matches()).isFalse();
        assertThat(SchemaValidator.pattern("(?^:(?:\\w+=[^\\x00-\\x08]*)(?:\\0\\w+=[^\\x00-\\x08]*)*)")
                .matcher("A=1\0B=2").matches()).isTrue();
    }
}
