package io.github.proxmoxlxc.testkit.internal.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits an SSH exec command line into words the way a POSIX shell does for a simple command:
 * single quotes, double quotes (with {@code \\ \" \$ \`} escapes) and backslashes. A line with an
 * unquoted operator, redirection, substitution or glob is not a simple command: empty.
 */
public final class ShellWords {
    private ShellWords() {
    }

    /**
     * The words of a simple command.
     *
     * @param line the command line
     * @return the words, or empty when the line needs a real shell
     */
    public static Optional<List<String>> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    return Optional.empty();
                }
                w.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                inWord = true;
                while (true) {
                    if (i >= n) {
                        return Optional.empty();
                    }
                    char d = line.charAt(i);
                    if (d == '"') {
                        i++;
                        break;
                    }
                    if (d == '$' || d == '`') {
                        return Optional.empty();
                    }
                    if (d == '\\' && i + 1 < n && "\\\"$`\n".indexOf(line.charAt(i + 1)) >= 0) {
                        if (line.charAt(i + 1) != '\n') {
                            w.append(line.charAt(i + 1));
                        }
                        i += 2;
                        continue;
                    }
                    w.append(d);
                    i++;
                }
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    return Optional.empty();
                }
                if (line.charAt(i + 1) != '\n') {
                    w.append(line.charAt(i + 1));
                    inWord = true;
                }
                i += 2;
            } else if ("|&;<>()$`*?[#~{}".indexOf(c) >= 0 && !(c == '#' && inWord) && !(c == '~' && inWord)
                    && !(c == '{' || c == '}')) {
                return Optional.empty();
            } else {
                w.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return Optional.of(words);
    }

    /**
     * Quotes a word for a POSIX shell (single quotes; a quote as {@code '\''}).
     *
     * @param word the word
     * @return the quoted word
     */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Quotes and joins words.
     *
     * @param words the words
     * @return a command line
     */
    public static String join(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String s : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(quote(s));
        }
        return b.toString();
    }
}
