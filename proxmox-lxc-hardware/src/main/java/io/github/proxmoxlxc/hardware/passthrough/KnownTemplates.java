package io.github.proxmoxlxc.hardware.passthrough;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Observed {@code video}/{@code render} gids inside stock container templates (reference gpu.md
 * §3.2). They drift with installed packages, so a container's own {@code /etc/group} wins.
 */
final class KnownTemplates {
    /** video, render (null = no render group by default), dialout. */
    record Gids(int video, Integer render, int dialout) {
    }

    private static final Pattern NAME = Pattern.compile("(debian|ubuntu|alpine)-(\\d+(?:\\.\\d+)?)");
    private static final Map<String, Gids> KNOWN = Map.of(
            "debian-11", new Gids(44, 105, 20),
            "debian-12", new Gids(44, 106, 20),
            "debian-13", new Gids(44, 992, 20),
            "ubuntu-22.04", new Gids(44, 107, 20),
            "ubuntu-24.04", new Gids(44, 993, 20),
            "ubuntu-26.04", new Gids(44, 991, 20));
    private static final Gids ALPINE = new Gids(27, null, 20);

    private KnownTemplates() {
    }

    /**
     * The known gids for a template name such as {@code debian-12},
     * {@code debian-12-standard_12.7-1_amd64.tar.zst} or {@code local:vztmpl/ubuntu-24.04-...}.
     */
    static Optional<Map.Entry<String, Gids>> lookup(String template) {
        String base = template.substring(template.lastIndexOf('/') + 1);
        Matcher m = NAME.matcher(base);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        if (m.group(1).equals("alpine")) {
            return Optional.of(Map.entry("alpine", ALPINE));
        }
        String key = m.group(1) + "-" + m.group(2);
        Gids g = KNOWN.get(key);
        return g == null ? Optional.empty() : Optional.of(Map.entry(key, g));
    }
}
