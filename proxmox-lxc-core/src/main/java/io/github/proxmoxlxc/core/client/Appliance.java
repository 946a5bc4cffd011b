package io.github.proxmoxlxc.core.client;

/**
 * A downloadable template of the appliance index ({@code GET /nodes/{node}/aplinfo}).
 *
 * @param template the file name to pass to a download, e.g. {@code debian-12-standard_12.7-1_amd64.tar.zst}
 * @param type the type, usually {@code lxc}
 * @param os the OS, e.g. {@code debian-12}
 * @param version the version
 * @param section the section, e.g. {@code system}, {@code turnkeylinux}
 * @param packageName the package name, e.g. {@code debian-12-standard}
 * @param headline a one-line description
 * @param description the long description
 * @param source the source URL
 * @param location the download URL
 * @param sha512sum the checksum, or null
 * @param infopage the info page URL, or null
 */
public record Appliance(String template, String type, String os, String version, String section, String packageName,
                        String headline, String description, String source, String location, String sha512sum,
                        String infopage) {
}
