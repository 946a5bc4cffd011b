package io.github.proxmoxlxc.testkit.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Validation against the official schema, with JSONSchema.pm's wording. */
class ParamValidatorTest {

    static final JsonNode CREATE = ApiSchema.load().endpoint("POST /nodes/{node}/lxc").orElseThrow().parameters();
    static final JsonNode CONFIG = ApiSchema.load().endpoint("PUT /nodes/{node}/lxc/{vmid}/config").orElseThrow()
            .parameters();

    static Map<String, Object> create(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", "pve1");
        m.put("vmid", "100");
        m.put("ostemplate", "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst");
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aMinimalCreateIsValid() {
        assertThat(ParamValidator.validate(CREATE, create())).isEmpty();
    }

    @Test
    void missingRequiredPropertyIsReported() {
        Map<String, Object> p = create();
        p.remove("ostemplate");
        assertThat(ParamValidator.validate(CREATE, p)).containsExactly(
                Map.entry("ostemplate", "property is missing and it is not optional"));
    }

    @Test
    void formBooleansMustBe0Or1ButJsonBooleansPass() {
        assertThat(ParamValidator.validate(CREATE, create("start", "true")))
                .containsEntry("start", "type check ('boolean') failed - got 'true'");
        assertThat(ParamValidator.validate(CREATE, create("start", Boolean.TRUE))).isEmpty();
        assertThat(ParamValidator.validate(CREATE, create("start", "1"))).isEmpty();
    }

    @Test
    void repeatedKeyFailsTheTypeCheck() {
        assertThat(ParamValidator.validate(CREATE, create("hostname", List.of("a", "b"))))
                .containsEntry("hostname", "type check ('string') failed - got ARRAY");
    }

    @Test
    void boundsFormatsAndEnumsUseProxmoxWording() {
        assertThat(ParamValidator.validate(CREATE, create("vmid", "99"))).containsEntry("vmid",
                "value must have a minimum value of 100");
        assertThat(ParamValidator.validate(CREATE, create("memory", "abc"))).containsEntry("memory",
                "type check ('integer') failed - got 'abc'");
        assertThat(ParamValidator.validate(CREATE, create("hostname", "bad_name"))).containsEntry("hostname",
                "invalid format - value does not look like a valid DNS name");
        assertThat(ParamValidator.validate(CREATE, create("arch", "sparc"))).containsEntry("arch",
                "value 'sparc' does not have a value in the enumeration 'amd64, i386, arm64, armhf, riscv32, riscv64'");
        assertThat(ParamValidator.validate(CREATE, create("password", "abc"))).containsEntry("password",
                "value must be at least 5 characters long");
    }

    @Test
    void propertyStringsAreCheckedPerSubKey() {
        assertThat(ParamValidator.validate(CREATE, create("net0", "name=eth0,ip=300.1.1.1/24"))).containsEntry("net0",
                "invalid format - format error\nip: invalid format - value does not look like a valid ipv4 network configuration");
        assertThat(ParamValidator.validate(CREATE, create("net0", "name=eth0,colour=red"))).containsEntry("net0",
                "invalid format - invalid key in comma-separated list property: colour");
        assertThat(ParamValidator.validate(CREATE, create("dev0", "/dev/ttyUSB0,mode=999"))).containsEntry("dev0",
                "invalid format - format error\nmode: value does not match the regex pattern");
        assertThat(ParamValidator.validate(CREATE, create("rootfs", "local-lvm:8,mountoptions=noatime;nodev"))).isEmpty();
        assertThat(ParamValidator.validate(CREATE, create("features", "nesting=yes,keyctl=1"))).isEmpty();
    }

    @Test
    void indexedPropertiesHaveProxmoxRanges() {
        assertThat(ParamValidator.validate(CREATE, create("net31", "name=eth31"))).isEmpty();
        assertThat(ParamValidator.validate(CREATE, create("net32", "name=eth32"))).containsKey("net32");
        assertThat(ParamValidator.validate(CREATE, create("mp255", "local-lvm:1,mp=/a"))).isEmpty();
        assertThat(ParamValidator.validate(CREATE, create("mp256", "local-lvm:1,mp=/a"))).containsKey("mp256");
    }

    @Test
    void rawLxcKeysAreNotInTheSchema() {
        Map<String, Object> p = new LinkedHashMap<>(Map.of("node", "pve1", "vmid", "100", "lxc.idmap", "u 0 100000 65536"));
        assertThat(ParamValidator.validate(CONFIG, p)).containsExactly(Map.entry("lxc.idmap",
                "property is not defined in schema and the schema does not allow additional properties"));
        Map<String, Object> d = new LinkedHashMap<>(Map.of("node", "pve1", "vmid", "100", "delete", "lxc.idmap"));
        assertThat(ParamValidator.validate(CONFIG, d)).containsEntry("delete",
                "invalid format - invalid configuration ID 'lxc.idmap'");
    }

    @Property
    void everyVmidInRangeIsAccepted(@ForAll @IntRange(min = 100, max = 999_999_999) int vmid) {
        assertThat(ParamValidator.validate(CREATE, create("vmid", String.valueOf(vmid)))).isEmpty();
    }

    @Test
    void formsDecodeLikePveHttpServer() {
        assertThat(Forms.decode("a=1;b=x+y&c=%2Fdev%2Fdri&a=2")).containsEntry("b", "x y").containsEntry("c", "/dev/dri")
                .containsEntry("a", List.of("1", "2"));
        assertThat(Forms.decode("env=A%3D1%00B%3D2").get("env")).isEqualTo("A=1\0B=2");
    }

    @Test
    void pathMatchingDecodesSegmentsAndPrefersLiterals() {
        ApiSchema.Match m = ApiSchema.load().match("GET",
                "/nodes/pve1/tasks/UPID%3Apve1%3A00000001%3A00000002%3A00000003%3Avzstart%3A100%3Aroot%40pam%3A/status")
                .orElseThrow();
        assertThat(m.endpoint().key()).isEqualTo("GET /nodes/{node}/tasks/{upid}/status");
        assertThat(m.pathValues().get("upid")).isEqualTo("UPID:pve1:00000001:00000002:00000003:vzstart:100:root@pam:");
        assertThat(ApiSchema.load().match("POST", "/nodes/pve1/lxc/100/status/start").orElseThrow().endpoint().key())
                .isEqualTo("POST /nodes/{node}/lxc/{vmid}/status/start");
    }
}
