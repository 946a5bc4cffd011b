package io.github.proxmoxlxc.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTest {
    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "fe80::1", "2001:db8::", "2001:db8:0:0:0:0:0:1", "::ffff:10.0.0.1",
        "1:2:3:4:5:6:7::", "1:2:3:4:5:6:1.2.3.4"})
    void isIpv6_acceptsValidForms(String v) {
        assertThat(Formats.isIpv6(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "g::1",
        "1.2.3.4::", "::1.2.3", "fe80::1%eth0"})
    void isIpv6_rejectsInvalidForms(String v) {
        assertThat(Formats.isIpv6(v)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.5/24,10.0.0.1,true", "10.0.0.5/24,10.0.1.1,false", "10.0.0.5/8,10.255.0.1,true",
        "fd00::5/64,fd00::1,true", "fd00::5/64,fd01::1,false", "10.0.0.5/32,10.0.0.5,true"})
    void inSubnet_comparesNetworkBits(String cidr, String addr, boolean inside) {
        assertThat(Formats.inSubnet(cidr, addr)).isEqualTo(inside);
    }

    @ParameterizedTest
    @CsvSource({"BC:24:11:00:00:01,true", "bc:24:11:00:00:01,true", "01:00:5E:00:00:01,false",
        "BC:24:11:00:00,false", "BC-24-11-00-00-01,false"})
    void isUnicastMac_requiresTheIgBitClear(String mac, boolean ok) {
        assertThat(Formats.isUnicastMac(mac)).isEqualTo(ok);
    }

    @ParameterizedTest
    @CsvSource({"/dev/ttyUSB0,true", "/dev/dri/renderD128,true", "/dev/,false", "/dev/../etc,false",
        "/dev/./x,false", "/dev/x/..,false", "/etc/passwd,false", "/dev/..x,true"})
    void isDevPath_followsProxmoxRules(String path, boolean ok) {
        assertThat(Formats.isDevPath(path)).isEqualTo(ok);
    }

    @ParameterizedTest
    @CsvSource({"a,false", "ab,true", "local-lvm,true", "1local,false", "local-,false", "Local.Z_1,true"})
    void isStorageId_followsPveStorageId(String id, boolean ok) {
        assertThat(Formats.isStorageId(id)).isEqualTo(ok);
    }
}
