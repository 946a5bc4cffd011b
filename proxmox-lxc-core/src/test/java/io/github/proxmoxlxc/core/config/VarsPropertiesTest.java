package io.github.proxmoxlxc.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.internal.config.VarsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The parser, fed arbitrary input, only ever returns a value or the documented
 * {@link InvalidConfigException}; what the writer writes reads back unchanged.
 */
class VarsPropertiesTest {
    private static final Path ORIGIN = Path.of("fuzz.vars");

    @Property(tries = 500)
    void arbitraryText_parsesOrFailsWithInvalidConfigOnly(@ForAll String content) {
        strictOrDocumentedError(content);
        assertThat(VarsFile.parse(content, ORIGIN, Strictness.LENIENT)).isNotNull();
    }

    @Property(tries = 500)
    void arbitraryVarsLikeLines_parseOrFailWithInvalidConfigOnly(
            @ForAll("varsLikeContent") String content) {
        strictOrDocumentedError(content);
        VarsFile lenient = VarsFile.parse(content, ORIGIN, Strictness.LENIENT);
        assertThat(lenient.entries()).allSatisfy(e -> {
            assertThat(VarsKeys.isWhitelisted(e.key())).isTrue();
            assertThat(e.value()).doesNotContain("\n");
        });
    }

    @Property(tries = 500)
    void arbitraryEnvironment_resolvesOrFailsWithInvalidConfigOnly(
            @ForAll("varsEnv") Map<String, String> env) {
        try {
            ConfigResolver.builder().env(env).build().resolve();
        } catch (InvalidConfigException e) {
            assertThat(e.violations()).isNotEmpty()
                    .allSatisfy(v -> assertThat(v.source()).isEqualTo("environment"));
        }
        ResolvedConfig lenient = ConfigResolver.builder().env(env)
                .strictness(Strictness.LENIENT).build().resolve();
        assertThat(lenient.explain()).isNotEmpty();
    }

    @Property(tries = 100)
    void arbitraryBytesInAFile_readOrFailWithInvalidConfigOnly(@ForAll byte[] bytes)
            throws IOException {
        Path file = Files.createTempFile("fuzz", ".vars");
        try {
            Files.write(file, bytes);
            try {
                VarsFile.read(file);
            } catch (InvalidConfigException e) {
                assertThat(e.violations()).isNotEmpty();
            }
            assertThat(VarsFile.read(file, Strictness.LENIENT).origin()).isEqualTo(file);
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 1000)
    void writtenValue_readsBackUnchanged(@ForAll("freeText") String value) {
        Assume.that(VarsWriter.unwritable(value).isEmpty());

        String line = VarsWriter.line("var_searchdomain", value);

        assertThat(Fixtures.parse(line + "\n").value("var_searchdomain")).contains(value);
    }

    private static void strictOrDocumentedError(String content) {
        try {
            VarsFile f = VarsFile.parse(content, ORIGIN, Strictness.STRICT);
            assertThat(f.origin()).isEqualTo(ORIGIN);
        } catch (InvalidConfigException e) {
            assertThat(e.violations()).isNotEmpty().allSatisfy(v -> {
                assertThat(v.source()).startsWith("fuzz.vars:");
                assertThat(v.rule()).isNotBlank();
            });
        }
    }

    @Provide
    Arbitrary<String> freeText() {
        return Arbitraries.strings().withChars(" \t\"'#$()`;=\\abcXYZ019-_./").ofMaxLength(30)
                .injectDuplicates(0.0)
                .edgeCases(e -> e.add("\"\"").add("'").add("\"a'").add("#").add(" x"));
    }

    @Provide
    Arbitrary<String> varsLikeContent() {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(VarsKeys.WHITELIST),
                Arbitraries.of("var_ctid", "var_bogus", "APP", "export var_cpu", "1bad", ""));
        Arbitrary<String> value = Arbitraries.oneOf(freeText(),
                Arbitraries.of("yes", "NO", "1", "0", "on", "dhcp", "10.0.0.2/24", "vmbr0",
                        "4096", "2", "02:00:00:00:00:01", "a;b", "nfs,cifs", "Europe/Berlin",
                        "$(reboot)", "`id`", "\"quoted\"", "'single'", "\u0000", "\r"));
        Arbitrary<String> sep = Arbitraries.of("=", " = ", "==", "", "=\"");
        Arbitrary<String> lead = Arbitraries.of("", "  ", "\t", "# ", "export ");
        Arbitrary<String> line = Combinators.combine(lead, key, sep, value)
                .as((l, k, s, v) -> l + k + s + v);
        Arbitrary<List<String>> lines = line.list().ofMaxSize(12);
        return Combinators.combine(lines, Arbitraries.of("\n", "\r\n"))
                .as((ls, nl) -> String.join(nl, ls));
    }

    @Provide
    Arbitrary<Map<String, String>> varsEnv() {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(VarsKeys.WHITELIST),
                Arbitraries.of("var_ctid", "var_other", "PATH"));
        Arbitrary<String> value = Arbitraries.oneOf(freeText(), Arbitraries.strings().ofMaxLength(8),
                Arbitraries.of("1", "yes", "100", "300", "dhcp", "10.1.1.1/8"));
        return Arbitraries.maps(key, value).ofMaxSize(10);
    }
}
