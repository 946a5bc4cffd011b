package io.github.proxmoxlxc.node.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An output stream that splits a command's output into lines for a listener and keeps the last
 * {@code cap} bytes of it (the start is dropped first).
 */
public final class LineCollector extends OutputStream {
    private final Consumer<String> lines;
    private final int cap;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private byte[] ring;
    private int start;
    private int size;
    private boolean truncated;

    /**
     * A collector.
     *
     * @param lines gets each complete line (without terminator)
     * @param cap bytes of output kept
     */
    public LineCollector(Consumer<String> lines, int cap) {
        this.lines = lines;
        this.cap = cap;
        this.ring = new byte[Math.min(cap, 8192)];
    }

    @Override
    public synchronized void write(int b) {
        keep((byte) b);
        if (b == '\n') {
            flushLine();
        } else if (line.size() < 65536) {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            write(b[off + i]);
        }
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            flushLine();
        }
    }

    private void flushLine() {
        String s = line.toString(StandardCharsets.UTF_8);
        if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        line.reset();
        try {
            lines.accept(s);
        } catch (RuntimeException e) {
            // a listener's failure must not break the channel
        }
    }

    private void keep(byte b) {
        if (size < ring.length) {
            ring[(start + size) % ring.length] = b;
            size++;
            return;
        }
        if (ring.length < cap) {
            byte[] bigger = new byte[Math.min(cap, ring.length * 2)];
            for (int i = 0; i < size; i++) {
                bigger[i] = ring[(start + i) % ring.length];
            }
            ring = bigger;
            start = 0;
            ring[size++] = b;
            return;
        }
        ring[start] = b;
        start = (start + 1) % ring.length;
        truncated = true;
    }

    /**
     * The kept output as UTF-8 text.
     *
     * @return the text
     */
    public synchronized String text() {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = ring[(start + i) % ring.length];
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /**
     * Whether output was dropped.
     *
     * @return true when more than {@code cap} bytes came
     */
    public synchronized boolean truncated() {
        return truncated;
    }
}
