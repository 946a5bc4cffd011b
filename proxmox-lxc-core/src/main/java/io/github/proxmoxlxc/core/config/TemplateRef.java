package io.github.proxmoxlxc.core.config;

import io.github.proxmoxlxc.core.internal.VersionOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OS template a configuration asks for ({@code var_os}, {@code var_version},
 * {@code var_template_storage}), before it is matched against the templates a node has.
 *
 * <p>It selects as build.func does (reference §4): names starting with {@code <os>-<version>},
 * containing {@code -standard_} for debian and ubuntu or {@code -default_} for the others, ending
 * in {@code _<arch>.tar.zst|.tar.xz|.tar.gz}; the highest version wins.
 *
 * @param os the OS name, e.g. {@code debian}
 * @param version the version, e.g. {@code 13}
 * @param storage the template storage ({@code var_template_storage}), if set
 */
public record TemplateRef(String os, String version, Optional<String> storage) {
    private static final Pattern SUFFIX = Pattern.compile("\\.(tar\\.zst|tar\\.xz|tar\\.gz)$");

    /**
     * Checks that no component is null.
     *
     * @param os the OS name, e.g. {@code debian}
     * @param version the version, e.g. {@code 13}
     * @param storage the template storage ({@code var_template_storage}), if set
     */
    public TemplateRef {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(storage, "storage");
    }

    /**
     * The name prefix build.func searches for.
     *
     * @return {@code <os>-<version>}, e.g. {@code debian-13}
     */
    public String searchPrefix() {
        return os + "-" + version;
    }

    /**
     * The flavour marker in template names.
     *
     * @return {@code -standard_} for debian and ubuntu, {@code -default_} otherwise
     */
    public String flavour() {
        String o = os.toLowerCase(Locale.ROOT);
        return o.equals("debian") || o.equals("ubuntu") ? "-standard_" : "-default_";
    }

    /**
     * Whether a template file name fits this reference.
     *
     * @param fileName e.g. {@code debian-13-standard_13.1-2_amd64.tar.zst}
     * @param arch the dpkg architecture, e.g. {@code amd64}
     * @return true when it fits
     */
    public boolean matches(String fileName, String arch) {
        String prefix = searchPrefix();
        if (!fileName.startsWith(prefix) || fileName.length() == prefix.length()) {
            return false;
        }
        char next = fileName.charAt(prefix.length());
        if (next != '-' && next != '.') {
            return false;
        }
        Matcher m = SUFFIX.matcher(fileName);
        return fileName.contains(flavour()) && m.find()
                && fileName.substring(0, m.start()).endsWith("_" + arch);
    }

    /**
     * Picks the template build.func would pick from a list of file names: the matching one with
     * the highest version.
     *
     * @param fileNames template file names (without {@code storage:vztmpl/})
     * @param arch the dpkg architecture, e.g. {@code amd64}
     * @return the chosen file name, or empty when none matches
     */
    public Optional<String> select(List<String> fileNames, String arch) {
        return fileNames.stream().filter(n -> matches(n, arch))
                .max(Comparator.comparing(n -> n.substring(n.indexOf('-') + 1), VersionOrder.COMPARATOR));
    }

    /**
     * The volume id for a chosen template on the template storage.
     *
     * @param fileName the chosen template file name
     * @return {@code <storage>:vztmpl/<fileName>}
     * @throws IllegalStateException if no template storage is set
     */
    public String volumeId(String fileName) {
        return storage.orElseThrow(() -> new IllegalStateException(
                "var_template_storage is not set: choose a template storage first")) + ":vztmpl/"
                + fileName;
    }
}
