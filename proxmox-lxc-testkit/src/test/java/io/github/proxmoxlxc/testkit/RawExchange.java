package io.github.proxmoxlxc.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP exchange with the simulator over a raw TLS socket, so the bytes on the wire are seen as
 * they are sent: every header line in order (repeated ones too) and the body as it came.
 */
final class RawExchange {
    private RawExchange() {
    }

    /** A response as read from the socket: status line, header lines in order, body bytes. */
    record Wire(String statusLine, List<String[]> headers, byte[] body) {
        /** Every value of a header, in order. */
        List<String> all(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
        }

        /** The one value of a header (asserted to be sent at most once), or null. */
        String header(String name) {
            List<String> values = all(name);
            assertThat(values).as("header %s at most once", name).hasSizeLessThanOrEqualTo(1);
            return values.isEmpty() ? null : values.get(0);
        }

        /** The header names, lower-case, in order. */
        List<String> names() {
            return headers.stream().map(h -> h[0].toLowerCase(Locale.ROOT)).toList();
        }
    }

    /** Sends a request head (without the final blank line) and a body; reads until the server closes. */
    static Wire exchange(PveSimulator s, String head, byte[] body) throws IOException {
        try (SSLSocket sock = (SSLSocket) SimClient.sslFor(s.caPem()).getSocketFactory().createSocket("127.0.0.1",
                s.port())) {
            sock.setSoTimeout(30_000);
            OutputStream out = sock.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            byte[] all = sock.getInputStream().readAllBytes();
            int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(end).as("end of the response head").isPositive();
            String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            List<String[]> headers = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
            }
            return new Wire(lines[0], headers, Arrays.copyOfRange(all, end + 4, all.length));
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
