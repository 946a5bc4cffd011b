package io.github.proxmoxlxc.hardware.internal;

import io.github.proxmoxlxc.core.ProxmoxException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Replaces a file atomically (temp file + rename in the same directory) and keeps a backup. */
public final class FileReplace {
    private FileReplace() {
    }

    /**
     * Writes {@code text} to {@code file}: a temp file {@code <name>.tmp.<pid>} is written and
     * synced, the old file is copied to {@code <name>.bak}, then the temp file is renamed over the
     * target, so readers see either the old or the new content.
     *
     * @param file the target
     * @param text the new content
     * @throws ProxmoxException when any step fails; the target is then unchanged
     */
    public static void replace(Path file, String text) {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        String name = abs.getFileName().toString();
        Path tmp = dir.resolve(name + ".tmp." + ProcessHandle.current().pid());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (Files.exists(abs)) {
                Files.copy(abs, dir.resolve(name + ".bak"), StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new ProxmoxException("cannot write " + abs + ": " + e.getMessage(), e);
        }
    }
}
