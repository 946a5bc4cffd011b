package io.github.proxmoxlxc.testkit.internal.http;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * pveproxy's response compression (pve-http-server {@code AnyEvent.pm}, {@code sub response}). Unless
 * compression is off ({@code COMPRESSION=0} in {@code /etc/default/pveproxy}; on by default through
 * {@code $self->{compression} //= 1}) or the request's {@code Accept-Encoding} names neither {@code gzip}
 * nor {@code deflate}, a body of more than 1024 bytes is sent compressed, whatever the status:
 * {@code Compress::Zlib::memGzip} ({@code Content-Encoding: gzip}) if the client accepts gzip, else
 * {@code Compress::Zlib::compress}, the zlib format ({@code Content-Encoding: deflate}).
 * {@code Content-Length} is then the compressed length.
 *
 * <p>The request header is read as {@code AnyEvent.pm} reads it: {@code $accept_enc =~ m/gzip/} and
 * {@code m/deflate/}, a case-sensitive substring match that ignores q-values ({@code gzip;q=0} still
 * counts as accepting gzip), so {@code Accept-Encoding: GZIP} gets the body as it is. The value is the one
 * the client sent: the server's connectors keep Jetty's header cache case-sensitive
 * ({@link GatedJettyServerFactory}), which would otherwise turn {@code GZIP} into its cached {@code gzip}.
 */
final class ResponseCompression {

    /** Bodies longer than this many bytes are compressed ({@code $content_length > 1024}). */
    static final int THRESHOLD = 1024;

    /**
     * {@code IO::Compress::Gzip::Constants::GZIP_MINIMUM_HEADER}, which {@code memGzip} writes: no flags,
     * mtime 0, no extra flags, OS 0xFF (unknown).
     */
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private ResponseCompression() {
    }

    /**
     * The content coding pveproxy would choose.
     *
     * @param acceptEncoding the request's {@code Accept-Encoding}, or null if it sent none
     * @param bodyLength the uncompressed body's length in bytes
     * @return {@code "gzip"}, {@code "deflate"}, or null to send the body as it is
     */
    static String choose(String acceptEncoding, int bodyLength) {
        if (acceptEncoding == null || bodyLength <= THRESHOLD) {
            return null;
        }
        if (acceptEncoding.contains("gzip")) {
            return "gzip";
        }
        return acceptEncoding.contains("deflate") ? "deflate" : null;
    }

    /**
     * Encodes a body.
     *
     * @param coding {@code "gzip"} or {@code "deflate"}
     * @param body the uncompressed body
     * @return the encoded body
     */
    static byte[] encode(String coding, byte[] body) {
        return switch (coding) {
            case "gzip" -> gzip(body);
            case "deflate" -> zlib(body);
            default -> throw new IllegalArgumentException("coding: '" + coding + "' (known: gzip, deflate)");
        };
    }

    /** {@code memGzip}: the minimal header, raw deflate at {@code Z_BEST_COMPRESSION}, CRC-32 and size. */
    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        out.writeBytes(GZIP_HEADER);
        deflate(new Deflater(Deflater.BEST_COMPRESSION, true), body, out);
        CRC32 crc = new CRC32();
        crc.update(body);
        writeLittleEndian(out, crc.getValue());
        writeLittleEndian(out, body.length & 0xffffffffL);
        return out.toByteArray();
    }

    /** {@code compress}: the zlib format at {@code Z_DEFAULT_COMPRESSION}. */
    private static byte[] zlib(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        deflate(new Deflater(Deflater.DEFAULT_COMPRESSION, false), body, out);
        return out.toByteArray();
    }

    private static void deflate(Deflater d, byte[] body, ByteArrayOutputStream out) {
        try {
            d.setInput(body);
            d.finish();
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
        } finally {
            d.end();
        }
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }
}
