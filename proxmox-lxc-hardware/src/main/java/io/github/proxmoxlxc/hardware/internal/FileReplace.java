package io.github.proxmoxlxc.hardware.internal;

import io.github.proxmoxlxc.core.ProxmoxException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces a node file atomically and keeps a backup: an exclusively created temp file with an
 * unpredictable name in the same directory, written and synced, given the original file's mode,
 * owner and group, then renamed over the target. Nothing follows a symbolic link: a target or
 * backup that is a link is refused, and a link planted in the directory cannot redirect the write.
 * Callers hold a {@link NodeLock} around the read-modify-write.
 */
public final class FileReplace {
    /** Node files are small; a larger one is not what this editor expects. */
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private FileReplace() {
    }

    /**
     * Reads a node file strictly: absent gives empty; a link, a non-regular file, an unreadable or
     * oversized file is an error (treating it as empty would overwrite what it holds).
     *
     * @param file the file
     * @return its text, or empty when it does not exist
     * @throws ProxmoxException when it exists but cannot be read safely
     */
    public static Optional<String> read(Path file) {
        Path abs = file.toAbsolutePath();
        if (Files.isSymbolicLink(abs)) {
            throw new ProxmoxException(abs + " is a symbolic link; refusing to read or replace it");
        }
        try (FileChannel ch = FileChannel.open(abs, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            if (!Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
                throw new ProxmoxException(abs + " is not a regular file");
            }
            if (ch.size() > MAX_BYTES) {
                throw new ProxmoxException(abs + " is larger than " + MAX_BYTES + " bytes; refusing to edit it");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) ch.size() + 1);
            while (ch.read(buf) > 0 && buf.hasRemaining()) {
                // read up to the size seen
            }
            buf.flip();
            return Optional.of(StandardCharsets.UTF_8.decode(buf).toString());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ProxmoxException("cannot read " + abs + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code text} to {@code file}: the old file is copied to {@code <name>.bak} (mode kept),
     * a new temp file is written, synced and given the old file's mode and owner, then renamed over
     * the target, so readers see either the old or the new content.
     *
     * @param file the target
     * @param text the new content
     * @throws ProxmoxException when any step fails; the target is then unchanged
     */
    public static void replace(Path file, String text) {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        String name = abs.getFileName().toString();
        Path tmp = null;
        try {
            if (Files.isSymbolicLink(abs)) {
                throw new ProxmoxException(abs + " is a symbolic link; refusing to replace it");
            }
            PosixFileAttributes original = Files.exists(abs, LinkOption.NOFOLLOW_LINKS)
                    ? Files.readAttributes(abs, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS) : null;
            // CREATE_NEW with a random name, mode 0600 until the original's mode is copied
            tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS))) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (original != null) {
                copyOwnerAndMode(original, tmp);
                Path bak = dir.resolve(name + ".bak");
                if (Files.isSymbolicLink(bak)) {
                    Files.delete(bak);
                }
                Files.copy(abs, bak, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
            } else {
                Files.setPosixFilePermissions(tmp, Set.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ,
                        PosixFilePermission.OTHERS_READ));
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UnsupportedOperationException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new ProxmoxException("cannot write " + abs + ": " + e.getMessage(), e);
        }
    }

    /** Gives the temp file the original's owner, group and mode; each only when it differs (pmxcfs fixes them). */
    private static void copyOwnerAndMode(PosixFileAttributes original, Path tmp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributes now = view.readAttributes();
        UserPrincipal owner = original.owner();
        GroupPrincipal group = original.group();
        if (!now.owner().equals(owner)) {
            view.setOwner(owner);
        }
        if (!now.group().equals(group)) {
            view.setGroup(group);
        }
        if (!now.permissions().equals(original.permissions())) {
            view.setPermissions(original.permissions());
        }
    }
}
