package io.github.proxmoxlxc.core.client;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A downloadable template of the appliance index ({@code GET /nodes/{node}/aplinfo}).
 *
 * <p>Built by the client (no public constructor): fields Proxmox adds become new accessors
 * without breaking callers.
 */
public final class Appliance {
    private final String template;
    private final String type;
    private final String os;
    private final String version;
    private final String section;
    private final String packageName;
    private final String headline;
    private final String description;
    private final String source;
    private final String location;
    private final Optional<String> sha512sum;
    private final Optional<String> infopage;

    Appliance(String template, String type, String os, String version, String section, String packageName,
              String headline, String description, String source, String location, Optional<String> sha512sum,
              Optional<String> infopage) {
        this.template = template;
        this.type = type;
        this.os = os;
        this.version = version;
        this.section = section;
        this.packageName = packageName;
        this.headline = headline;
        this.description = description;
        this.source = source;
        this.location = location;
        this.sha512sum = sha512sum;
        this.infopage = infopage;
    }

    /**
     * {@return the file name to pass to a download, e.g. {@code debian-12-standard_12.7-1_amd64.tar.zst}}
     */
    public String template() {
        return template;
    }

    /**
     * {@return the type, usually {@code lxc}}
     */
    public String type() {
        return type;
    }

    /**
     * {@return the OS, e.g. {@code debian-12}}
     */
    public String os() {
        return os;
    }

    /**
     * {@return the version}
     */
    public String version() {
        return version;
    }

    /**
     * {@return the section, e.g. {@code system}, {@code turnkeylinux}}
     */
    public String section() {
        return section;
    }

    /**
     * {@return the package name, e.g. {@code debian-12-standard}}
     */
    public String packageName() {
        return packageName;
    }

    /**
     * {@return a one-line description}
     */
    public String headline() {
        return headline;
    }

    /**
     * {@return the long description}
     */
    public String description() {
        return description;
    }

    /**
     * {@return the source URL}
     */
    public String source() {
        return source;
    }

    /**
     * {@return the download URL}
     */
    public String location() {
        return location;
    }

    /**
     * {@return the SHA-512 checksum, if listed}
     */
    public Optional<String> sha512sum() {
        return sha512sum;
    }

    /**
     * {@return the info page URL, if listed}
     */
    public Optional<String> infopage() {
        return infopage;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Appliance)) {
            return false;
        }
        Appliance o = (Appliance) other;
        return Objects.equals(template, o.template) && Objects.equals(type, o.type) && Objects.equals(os, o.os)
                && Objects.equals(version, o.version) && Objects.equals(section, o.section)
                && Objects.equals(packageName, o.packageName) && Objects.equals(headline, o.headline)
                && Objects.equals(description, o.description) && Objects.equals(source, o.source)
                && Objects.equals(location, o.location) && Objects.equals(sha512sum, o.sha512sum)
                && Objects.equals(infopage, o.infopage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(template, type, os, version, section, packageName, headline, description, source,
                location, sha512sum, infopage);
    }

    @Override
    public String toString() {
        return "Appliance[" + "template=" + template + ", type=" + type + ", os=" + os + ", version=" + version
                + ", section=" + section + ", packageName=" + packageName + ", headline=" + headline
                + ", description=" + description + ", source=" + source + ", location=" + location
                + ", sha512sum=" + sha512sum + ", infopage=" + infopage + "]";
    }
}
