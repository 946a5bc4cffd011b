package io.github.proxmoxlxc.hardware.internal;

import io.github.proxmoxlxc.core.ProxmoxException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a lock file that holds against threads of this JVM (a lock per path),
 * other processes using this library ({@link FileChannel#lock}, an {@code fcntl} lock on Linux) and
 * Proxmox VE's own tools: pve-container serialises config edits with {@code flock(2)} on
 * {@code /run/lock/lxc/pve-config-<vmid>.lock}, and Linux keeps {@code flock} and {@code fcntl}
 * locks apart, so when util-linux {@code flock(1)} is installed (always on a PVE node) a child
 * {@code flock} process holds that lock too for as long as this one is held.
 */
public final class NodeLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();
    private static final Path[] FLOCK = {Path.of("/usr/bin/flock"), Path.of("/bin/flock")};

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock fileLock;
    private final Process flock;

    private NodeLock(ReentrantLock local, FileChannel channel, FileLock fileLock, Process flock) {
        this.local = local;
        this.channel = channel;
        this.fileLock = fileLock;
        this.flock = flock;
    }

    /**
     * Takes the lock, waiting at most {@code wait}.
     *
     * @param lockFile the lock file, created (with its directory) if missing; never followed if a link
     * @param wait how long to wait for it
     * @return the held lock; close it to release
     * @throws ProxmoxException when it cannot be taken in time
     */
    public static NodeLock acquire(Path lockFile, Duration wait) {
        Path abs = lockFile.toAbsolutePath().normalize();
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock local = IN_JVM.computeIfAbsent(abs, p -> new ReentrantLock());
        try {
            if (!local.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(abs, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProxmoxException("interrupted while waiting for " + abs, e);
        }
        FileChannel ch = null;
        try {
            Files.createDirectories(abs.getParent());
            ch = FileChannel.open(abs, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS));
            FileLock fl;
            while ((fl = ch.tryLock()) == null) {
                if (System.nanoTime() > deadline) {
                    throw busy(abs, wait);
                }
                Thread.sleep(20);
            }
            Process p = flock(abs, deadline);
            return new NodeLock(local, ch, fl, p);
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            try {
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            } finally {
                local.unlock();
            }
            if (e instanceof ProxmoxException) {
                throw (ProxmoxException) e;
            }
            throw new ProxmoxException("cannot lock " + abs + ": " + e.getMessage(), e);
        }
    }

    /** Holds flock(2) through a child {@code flock -w N FILE sh -c 'echo locked; read x'}; null without flock(1). */
    private static Process flock(Path abs, long deadline) throws IOException {
        Path exe = null;
        for (Path p : FLOCK) {
            if (Files.isExecutable(p)) {
                exe = p;
                break;
            }
        }
        if (exe == null) {
            return null;
        }
        long secs = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()) + 1);
        Process p = new ProcessBuilder(exe.toString(), "--exclusive", "--wait", Long.toString(secs), abs.toString(),
                "sh", "-c", "echo locked; read x").redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine(); // ends when flock gives up (--wait) and exits
        if (!"locked".equals(line)) {
            p.destroy();
            throw new ProxmoxException("cannot flock " + abs + " within its wait (held by a Proxmox VE tool?)");
        }
        return p;
    }

    private static ProxmoxException busy(Path abs, Duration wait) {
        return new ProxmoxException(abs + " stays locked by another writer for more than " + wait + "; try again");
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            if (flock != null) {
                flock.getOutputStream().close(); // 'read' returns, sh and flock exit, the flock is released
                if (!flock.waitFor(5, TimeUnit.SECONDS)) {
                    flock.destroyForcibly();
                }
            }
        } catch (IOException e) {
            flock.destroyForcibly();
        } catch (InterruptedException e) {
            flock.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                fileLock.release();
                channel.close();
            } catch (IOException ignored) {
                // closing the channel releases the lock in any case
            } finally {
                local.unlock();
            }
        }
    }
}
