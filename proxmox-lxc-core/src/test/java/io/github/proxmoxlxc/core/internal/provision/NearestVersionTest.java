package io.github.proxmoxlxc.core.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** build.func's {@code resolve_os_version}: the nearest catalogue version, the newer one on a tie. */
class NearestVersionTest {
    static final List<String> CATALOGUE = List.of("debian-11-standard_11.7-1_amd64.tar.zst",
            "debian-13-standard_13.1-2_amd64.tar.zst", "ubuntu-22.04-standard_22.04-1_amd64.tar.zst",
            "ubuntu-25.04-standard_25.04-1_amd64.tar.zst", "alpine-3.21-default_20241217_amd64.tar.xz",
            "alpine-3.22-default_20250617_amd64.tar.xz", "alpine-3.23-default_20251201_arm64.tar.xz",
            "fedora-42-default_20250428_amd64.tar.xz", "debian-14-standard_14.0-1_arm64.tar.zst");

    static String nearest(String ref) {
        return Templates.nearestVersion(TemplateName.parse(ref), CATALOGUE, "amd64").orElse("-");
    }

    @Test
    void picksTheNearest_newerOnATie_onlyForTheArchitectureAndFlavour() {
        assertThat(nearest("debian-12")).isEqualTo("13");          // 11 and 13 tie: the newer
        assertThat(nearest("debian-15")).isEqualTo("13");          // 14 is arm64 only
        assertThat(nearest("ubuntu-24.04")).isEqualTo("25.04");    // 240004: 25.04 is 9,999 away, 22.04 is 20,000
        assertThat(nearest("ubuntu-20.04")).isEqualTo("22.04");
        assertThat(nearest("alpine-3.24")).isEqualTo("3.22");      // 3.23 is arm64 only
        assertThat(nearest("alpine-3.21")).isEqualTo("-");         // exact: no fallback
        assertThat(nearest("alpine-3.22-standard")).isEqualTo("-"); // no alpine "standard" flavour at all
        assertThat(nearest("centos-9")).isEqualTo("-");            // no such OS
        assertThat(Templates.nearestVersion(TemplateName.parse("debian-12-standard_12.7-1_amd64.tar.zst"), CATALOGUE,
                "amd64")).isEmpty();                                // an exact file name never falls back
    }
}
