package io.github.proxmoxlxc.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Quoted words read back by a POSIX shell as exactly one word with the original text. */
class ShellQuoteTest {
    @Property(tries = 1000)
    void quotedWordsReadBackUnchanged(@ForAll @StringLength(max = 40) @CharRange(from = 1, to = 0x2ff)
            @Chars({'\'', '"', '$', '`', '\\', ' ', '\n', ';', '&', '|', '*', '(', ')'}) String word) {
        assertThat(readShellWord(SpecCodec.quote(word))).isEqualTo(word);
    }

    /** A minimal POSIX word reader for the forms quote() produces: bare safe text, '...', and \'. */
    private static String readShellWord(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                assertThat(end).as("unterminated quote in %s", s).isPositive();
                out.append(s, i + 1, end);
                i = end + 1;
            } else if (c == '\\') {
                out.append(s.charAt(i + 1));
                i += 2;
            } else {
                assertThat(String.valueOf(c)).as("unquoted character in %s", s).matches("[A-Za-z0-9_./:=,@%+-]");
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
