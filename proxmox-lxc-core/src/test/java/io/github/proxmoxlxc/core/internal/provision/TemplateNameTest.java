package io.github.proxmoxlxc.core.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateNameTest {
    private static final List<String> FILES = List.of("debian-12-standard_12.2-1_amd64.tar.zst",
            "debian-12-standard_12.10-1_amd64.tar.zst", "debian-12-standard_12.7-1_amd64.tar.zst",
            "debian-12-standard_12.12-1_arm64.tar.zst", "debian-12-turnkey-core_18.0-1_amd64.tar.gz",
            "debian-13-standard_13.1-2_amd64.tar.zst", "ubuntu-24.04-standard_24.04-2_amd64.tar.zst",
            "ubuntu-24.10-standard_24.10-1_amd64.tar.zst", "alpine-3.22-default_20250617_amd64.tar.xz",
            "alpine-3.22-default_20250108_amd64.tar.xz");

    @Test
    void reference_selectsTheHighestVersion_notTheLexicallyLast() {
        assertThat(TemplateName.parse("debian-12-standard").select(FILES, "amd64"))
                .contains("debian-12-standard_12.10-1_amd64.tar.zst");
        assertThat(TemplateName.parse("debian-12").select(FILES, "amd64"))
                .contains("debian-12-standard_12.10-1_amd64.tar.zst");
    }

    @Test
    void reference_filtersByArchitectureAndFlavour() {
        assertThat(TemplateName.parse("debian-12").select(FILES, "arm64")).contains("debian-12-standard_12.12-1_arm64.tar.zst");
        assertThat(TemplateName.parse("alpine-3.22").select(FILES, "amd64"))
                .contains("alpine-3.22-default_20250617_amd64.tar.xz");
        assertThat(TemplateName.parse("debian-12-turnkey").select(FILES, "amd64")).isEmpty();
        assertThat(TemplateName.parse("ubuntu-24.04").select(FILES, "amd64"))
                .contains("ubuntu-24.04-standard_24.04-2_amd64.tar.zst");
        assertThat(TemplateName.parse("ubuntu-24").select(FILES, "amd64"))
                .as("a major version alone means its newest minor, as build.func's prefix match does")
                .contains("ubuntu-24.10-standard_24.10-1_amd64.tar.zst");
        assertThat(TemplateName.parse("ubuntu-2").select(FILES, "amd64")).isEmpty();
    }

    @Test
    void volumeIdsAndFileNamesAreExact() {
        TemplateName v = TemplateName.parse("nas:vztmpl/debian-13-standard_13.1-2_amd64.tar.zst");
        assertThat(v.exactVolume()).isTrue();
        assertThat(v.volumeStorage()).contains("nas");
        assertThat(TemplateName.parse("debian-13-standard_13.1-2_amd64.tar.zst").select(FILES, "amd64"))
                .contains("debian-13-standard_13.1-2_amd64.tar.zst");
    }

    @Test
    void malformedReference_namesTheAcceptedForms() {
        assertThatThrownBy(() -> TemplateName.parse("Debian 12")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Debian 12'").hasMessageContaining("debian-12-standard")
                .hasMessageContaining("local:vztmpl/");
    }
}
