package io.github.proxmoxlxc.core.config;

import static io.github.proxmoxlxc.core.config.Fixtures.parse;
import static io.github.proxmoxlxc.core.config.Fixtures.parseLenient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.proxmoxlxc.core.spec.Violation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VarsFileTest {

    @Test
    void buildFuncDefaultVarsTemplate_parsesWithInlineCommentsCutAndCommentedKeysIgnored() {
        VarsFile f = VarsFile.read(Fixtures.vars("default.vars"));

        assertThat(f.warnings()).isEmpty();
        assertThat(f.value("var_nesting")).contains("1");
        assertThat(f.value("var_keyctl")).contains("0");
        assertThat(f.value("var_protection")).contains("no");
        assertThat(f.value("var_mount_fs")).contains("");
        assertThat(f.value("var_timezone")).contains("");
        assertThat(f.value("var_tags")).contains("community-script");
        assertThat(f.value("var_container_storage")).contains("local-lvm");
        assertThat(f.value("var_gateway")).isEmpty();
        assertThat(f.value("var_pw")).isEmpty();
        assertThat(f.get("var_cpu")).get().extracting(VarsEntry::line).isEqualTo(9);
        assertThat(f.values()).hasSize(20);
    }

    @Test
    void quotedValues_areStrippedAndKeepHashes() {
        VarsFile f = parse("var_pw=\"a;b # not a comment\"\nvar_tags=\"a;b\"\nvar_ns='1.1.1.1'\n"
                + "var_searchdomain=\"lan\"   \nvar_hostname=web # comment\n");

        assertThat(f.value("var_pw")).contains("a;b # not a comment");
        assertThat(f.value("var_tags")).contains("a;b");
        assertThat(f.value("var_ns")).contains("1.1.1.1");
        assertThat(f.value("var_searchdomain")).contains("lan");
        assertThat(f.value("var_hostname")).contains("web");
    }

    @Test
    void unbalancedQuote_isKeptLiterally() {
        assertThat(parse("var_searchdomain=\"lan\n").value("var_searchdomain")).contains("\"lan");
        assertThat(parse("var_searchdomain='a\"\n").value("var_searchdomain")).contains("'a\"");
    }

    @Test
    void shellSyntax_isNeverExecutedOrExpanded() {
        VarsFile f = parse("var_pw=$(touch /tmp/pwned)\nvar_ns=`id`\nvar_searchdomain=${HOME}\n");

        assertThat(f.value("var_pw")).contains("$(touch /tmp/pwned)");
        assertThat(f.value("var_ns")).contains("`id`");
        assertThat(f.value("var_searchdomain")).contains("${HOME}");
        assertThat(Path.of("/tmp/pwned")).doesNotExist();
    }

    @Test
    void invalidValue_isAnErrorNamingFileLineKeyValueAndRule() {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> parse("# header\nvar_cpu=0\n"));

        assertThat(e.violations()).containsExactly(
                new Violation("var_cpu", "0", "an integer from 1 to 128", "test.vars:2"));
        assertThat(e.getMessage()).contains("var_cpu='0'", "an integer from 1 to 128", "test.vars:2");
    }

    @Test
    void everyInvalidLine_isReportedAtOnce() {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> parse("var_ram=128\nvar_vlan=5000\nvar_cpu = 4\nvar_mac=zz\n"));

        assertThat(e.violations()).extracting(Violation::field)
                .containsExactly("var_ram", "var_vlan", "line", "var_mac");
        assertThat(e.violations()).extracting(Violation::source)
                .containsExactly("test.vars:1", "test.vars:2", "test.vars:3", "test.vars:4");
    }

    @Test
    void lenientMode_skipsInvalidValuesWithAWarning() {
        VarsFile f = parseLenient("var_cpu=lots\nvar_ram=2048\n");

        assertThat(f.value("var_cpu")).isEmpty();
        assertThat(f.value("var_ram")).contains("2048");
        assertThat(f.warnings()).singleElement().satisfies(w -> {
            assertThat(w.key()).isEqualTo("var_cpu");
            assertThat(w.source()).isEqualTo("test.vars:1");
            assertThat(w.message()).contains("'lots'", "an integer from 1 to 128");
        });
    }

    @Test
    void unknownAndForeignKeys_areWarningsNotErrors() {
        VarsFile f = parse("var_cpus=4\nAPP=Jellyfin\nvar_ctid=120\nvar_cpu=4\n");

        assertThat(f.values()).containsOnlyKeys("var_cpu");
        assertThat(f.warnings()).extracting(ConfigWarning::key)
                .containsExactly("var_cpus", "APP", "var_ctid");
        assertThat(f.warnings().get(0).message()).contains("unknown key");
    }

    @Test
    void exportLine_isIgnoredWithAWarning_asBuildFuncIgnoresIt() {
        VarsFile f = parse("export var_cpu=4\n");

        assertThat(f.value("var_cpu")).isEmpty();
        assertThat(f.warnings()).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("ignored, as build.func ignores it"));
    }

    @Test
    void unknownKey_suggestsTheNearestKnownOne() {
        VarsFile f = parse("var_cpus=4\n");

        assertThat(f.warnings()).singleElement()
                .satisfies(w -> assertThat(w.message()).endsWith("did you mean var_cpu?"));
    }

    @Test
    void keySetTwice_lastLineWinsWithAWarning() {
        VarsFile f = parse("var_cpu=2\nvar_cpu=4\n");

        assertThat(f.get("var_cpu")).get().extracting(VarsEntry::value, VarsEntry::line)
                .containsExactly("4", 2);
        assertThat(f.warnings()).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("line 2 overrides line 1"));
    }

    @Test
    void crlfLineEndings_areTolerated() {
        VarsFile f = parse("var_cpu=2\r\nvar_brg=vmbr1\r\n");

        assertThat(f.values()).containsEntry("var_cpu", "2").containsEntry("var_brg", "vmbr1");
    }

    @Test
    void byteOrderMark_isIgnored() {
        assertThat(parse("\uFEFFvar_cpu=2\n").value("var_cpu")).contains("2");
    }

    @Test
    void carriageReturnInsideAValue_isRejected() {
        assertThatThrownBy(() -> parse("var_searchdomain=a\rb\n"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("no control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "1", "0", "true", "false", "on", "off", "YES", "On", "tRuE"})
    void booleanKeys_acceptEverySpellingWhicheverFormBuildFuncLists(String spelling) {
        VarsFile f = parse("var_tun=" + spelling + "\nvar_nesting=" + spelling + "\n");

        assertThat(f.value("var_tun")).contains(spelling);
        assertThat(f.value("var_nesting")).contains(spelling);
    }

    @Test
    void booleanKey_withOtherWord_isRejected() {
        assertThatThrownBy(() -> parse("var_fuse=maybe\n"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("var_fuse='maybe'")
                .hasMessageContaining("yes/no, 1/0, true/false or on/off");
    }

    @Test
    void secretValues_areMaskedInViolationsAndToString() {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> parse("var_pw=hunter2\u0007x\n"));

        assertThat(e.getMessage()).doesNotContain("hunter2").contains("var_pw='***'");
        assertThat(parse("var_pw=hunter2\n").entries().get(0).toString()).doesNotContain("hunter2");
    }

    @Test
    void emptyValue_isKeptAsEmptyWithoutValidation() {
        assertThat(parse("var_cpu=\n").value("var_cpu")).contains("");
    }
}
