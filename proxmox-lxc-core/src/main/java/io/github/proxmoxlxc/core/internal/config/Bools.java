package io.github.proxmoxlxc.core.internal.config;

import java.util.Locale;
import java.util.Optional;

/** The boolean spellings accepted for every boolean key, whichever form build.func lists. */
public final class Bools {
    /** The rule text used in violations. */
    public static final String RULE = "a boolean: yes/no, 1/0, true/false or on/off (any case)";

    private Bools() {
    }

    /**
     * Parses a boolean spelling.
     *
     * @param value the value
     * @return the boolean, or empty when the spelling is not a boolean
     */
    public static Optional<Boolean> parse(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "yes":
            case "1":
            case "true":
            case "on":
                return Optional.of(Boolean.TRUE);
            case "no":
            case "0":
            case "false":
            case "off":
                return Optional.of(Boolean.FALSE);
            default:
                return Optional.empty();
        }
    }
}
