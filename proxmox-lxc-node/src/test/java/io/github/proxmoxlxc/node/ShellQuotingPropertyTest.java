package io.github.proxmoxlxc.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Shell#quote} through real bash: {@code bash -c 'printf %s "$1"' _ <quoted>} prints the
 * original string for any string without NUL (newlines, quotes, backslashes, unicode included).
 */
class ShellQuotingPropertyTest {

    @Provide
    static Arbitrary<String> anyText() {
        Arbitrary<String> nasty = Arbitraries.strings().withChars("'\"\\$`!*?[]{}()<>|&;#~ \t\n\r-=%^").ofMaxLength(20);
        Arbitrary<String> unicode = Arbitraries.strings().withCharRange('\u0001', '\uD7FF').withCharRange('\uE000', '\uFFFD')
                .ofMaxLength(30);
        Arbitrary<String> emoji = Arbitraries.of("😀", "𝄞", "ü", "✓", "日本").list().ofMaxSize(4).map(l -> String.join("", l));
        return Arbitraries.oneOf(nasty, unicode, emoji, Arbitraries.strings().withCharRange((char) 1, (char) 127).ofMaxLength(40));
    }

    @Property(tries = 300)
    void roundTripsThroughBash(@ForAll("anyText") String s) throws Exception {
        String line = "bash -c 'printf %s \"$1\"' _ " + Shell.quote(s);
        assertThat(bash(line)).isEqualTo(s);
    }

    @Property(tries = 100)
    void aCommandLineIsOneWordPerArgument(@ForAll("anyText") String a, @ForAll("anyText") String b) throws Exception {
        String line = Shell.command(List.of("printf", "[%s]", a, b));
        assertThat(bash(line)).isEqualTo("[" + a + "][" + b + "]");
        assertThat(bash(Shell.script("printf '<%s>' \"$1\" \"$2\"", a, b))).isEqualTo("<" + a + "><" + b + ">");
    }

    @Example
    void refusesNul() {
        assertThatThrownBy(() -> Shell.quote("a\0b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
    }

    @Example
    void emptyStringIsAnEmptyWord() throws Exception {
        assertThat(Shell.quote("")).isEqualTo("''");
        assertThat(bash("printf '[%s]' " + Shell.quote(""))).isEqualTo("[]");
    }

    static String bash(String line) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", line).redirectErrorStream(false).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
