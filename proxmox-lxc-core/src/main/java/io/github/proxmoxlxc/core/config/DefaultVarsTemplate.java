package io.github.proxmoxlxc.core.config;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.internal.config.KeyRules;
import io.github.proxmoxlxc.core.internal.config.VarsWriter;
import io.github.proxmoxlxc.core.spec.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The commented {@code default.vars} template build.func writes in User Defaults mode when no
 * {@code default.vars} exists (reference §2), with the storages appended as build.func's
 * {@code choose_and_set_storage_for_file} does.
 *
 * <p>One deliberate difference: build.func writes {@code var_keyctl=0}, which it then ignores.
 * Since this library honours {@code var_keyctl}, that line would switch keyctl off for every
 * unprivileged container; the template leaves it commented out, so the build.func behaviour
 * (keyctl follows {@code var_unprivileged}) stays the default.
 */
public final class DefaultVarsTemplate {
    private DefaultVarsTemplate() {
    }

    /**
     * The template text.
     *
     * @param templateStorage the template storage to append, if chosen
     * @param containerStorage the container storage to append, if chosen
     * @return the text, ending with a line break
     * @throws InvalidConfigException if a storage is not a valid storage id
     */
    public static String render(Optional<String> templateStorage, Optional<String> containerStorage) {
        Objects.requireNonNull(templateStorage, "templateStorage");
        Objects.requireNonNull(containerStorage, "containerStorage");
        List<Violation> violations = new ArrayList<>();
        check("var_template_storage", templateStorage, violations);
        check("var_container_storage", containerStorage, violations);
        if (!violations.isEmpty()) {
            throw new InvalidConfigException(violations);
        }
        StringBuilder sb = new StringBuilder(String.join("\n",
                "# Community-Scripts defaults (var_* only). Lines starting with # are comments.",
                "# Precedence: ENV var_* > default.vars > built-ins.",
                "# Keep keys alphabetically sorted.",
                "",
                "# Container type",
                "var_unprivileged=1",
                "",
                "# Resources",
                "var_cpu=1",
                "var_disk=4",
                "var_ram=1024",
                "",
                "# Network",
                "var_brg=vmbr0",
                "var_net=dhcp",
                "var_ipv6_method=none",
                "# var_gateway=",
                "# var_vlan=",
                "# var_mtu=",
                "# var_mac=",
                "# var_ns=",
                "",
                "# SSH",
                "var_ssh=no",
                "# var_ssh_authorized_key=",
                "",
                "# APT cacher (optional - with example)",
                "# var_apt_cacher=yes",
                "# var_apt_cacher_ip=192.168.1.10",
                "",
                "# Features/Tags/verbosity",
                "var_fuse=no",
                "var_tun=no",
                "",
                "# Advanced Settings (Proxmox-official features)",
                "var_nesting=1          # Allow nesting (required for Docker/LXC in CT)",
                "# var_keyctl=          # Allow keyctl(); unset = on for unprivileged containers",
                "var_mknod=0            # Allow device node creation (requires kernel 5.3+, experimental)",
                "var_mount_fs=          # Allow specific filesystems: nfs,fuse,ext4,etc (leave empty for defaults)",
                "var_protection=no      # Prevent accidental deletion of container",
                "var_timezone=          # Container timezone (e.g. Europe/Berlin, leave empty for host timezone)",
                "var_tags=community-script",
                "var_verbose=no",
                "",
                "# Security (root PW) – empty => autologin",
                "# var_pw=",
                ""));
        templateStorage.ifPresent(s -> sb.append(VarsWriter.line("var_template_storage", s)).append('\n'));
        containerStorage.ifPresent(s -> sb.append(VarsWriter.line("var_container_storage", s)).append('\n'));
        return sb.toString();
    }

    /**
     * Writes the template to a file that does not exist yet (mode {@code 0644} where supported),
     * creating parent directories; an existing file is never overwritten.
     *
     * @param file usually {@link VarsPaths#globalDefaultVars()}
     * @param templateStorage the template storage, if chosen
     * @param containerStorage the container storage, if chosen
     * @return true when written, false when the file already existed
     * @throws ProxmoxException if the file cannot be written
     */
    public static boolean createIfMissing(Path file, Optional<String> templateStorage,
            Optional<String> containerStorage) {
        String text = render(templateStorage, containerStorage);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, text.getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE_NEW);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new ProxmoxException("cannot write default.vars " + file + ": " + e, e);
        }
    }

    private static void check(String key, Optional<String> value, List<Violation> violations) {
        value.flatMap(v -> KeyRules.violatedRule(key, v))
                .ifPresent(rule -> violations.add(new Violation(key, value.get(), rule, "template")));
    }
}
