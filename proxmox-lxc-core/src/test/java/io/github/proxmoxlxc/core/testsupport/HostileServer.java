package io.github.proxmoxlxc.core.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny plain-HTTP server that answers every request with one hostile behaviour: a gzip bomb, an
 * endless chunked body, a slow drip, a wrong {@code data} type, ANSI escapes in an error, or a
 * large but honest answer. Plain {@link ServerSocket}, one thread per connection, closed with the test.
 * Shared with the command line's tests through core's test-jar.
 */
public final class HostileServer implements AutoCloseable {
    /** The hostile behaviour served to every request. */
    public enum Mode { GZIP_BOMB, ENDLESS_CHUNKED, SLOW_DRIP, WRONG_DATA_TYPE, ANSI_ERROR, TEN_THOUSAND_CONTAINERS }

    /** The escape sequence the ANSI mode puts in its error text. */
    public static final String ANSI = "\u001b[2J\u001b[H\u001b[31mFAKE: all containers destroyed\u001b[0m";

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });
    private final Mode mode;
    private volatile boolean closed;
    /** Built before the first connection: building it per request took longer than a read timeout under load. */
    private final byte[] bomb;

    /**
     * Starts the server on a free loopback port.
     *
     * @param mode the behaviour
     * @throws IOException if no port can be bound
     */
    public HostileServer(Mode mode) throws IOException {
        this.mode = mode;
        this.bomb = mode == Mode.GZIP_BOMB ? gzipOfZeros(96L * 1024 * 1024) : new byte[0]; // ~100 KB -> 96 MiB
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        pool.submit(this::acceptLoop);
    }

    /**
     * The server's base URL.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                pool.submit(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            readHead(in);
            switch (mode) {
                case GZIP_BOMB -> {
                    head(out, 200, "OK", "Content-Encoding: gzip\r\nContent-Length: " + bomb.length);
                    out.write(bomb);
                }
                case ENDLESS_CHUNKED -> {
                    head(out, 200, "OK", "Transfer-Encoding: chunked");
                    byte[] chunk = ("8000\r\n" + "[".repeat(0x8000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    while (!closed) {
                        out.write(chunk);
                    }
                }
                case SLOW_DRIP -> {
                    head(out, 200, "OK", "Content-Length: 100000");
                    for (int i = 0; i < 100_000 && !closed; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(100);
                    }
                }
                case WRONG_DATA_TYPE -> body(out, 200, "OK", "{\"data\":\"a string\"}");
                case ANSI_ERROR -> body(out, 500, "Server Error",
                        "{\"data\":null,\"message\":\"" + ANSI.replace("\u001b", "\\u001b") + "\\n\"}");
                case TEN_THOUSAND_CONTAINERS -> body(out, 200, "OK", resources(10_000));
                default -> throw new IllegalStateException(mode.toString());
            }
            out.flush();
        } catch (IOException e) {
            // the client gave up: expected for every hostile mode
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A /cluster/resources answer as a real cluster gives it, {@code n} containers. */
    /**
     * A {@code /cluster/resources} answer with n containers.
     *
     * @param n the number of containers
     * @return the JSON text
     */
    public static String resources(int n) {
        StringBuilder sb = new StringBuilder("{\"data\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            int vmid = 100 + i;
            sb.append("{\"id\":\"lxc/").append(vmid).append("\",\"type\":\"lxc\",\"node\":\"pve").append(i % 16)
                    .append("\",\"vmid\":").append(vmid).append(",\"name\":\"container-").append(vmid)
                    .append("\",\"status\":\"running\",\"template\":0,\"tags\":\"web;prod\",\"cpu\":0.0123,")
                    .append("\"maxcpu\":2,\"mem\":268435456,\"maxmem\":536870912,\"disk\":1073741824,")
                    .append("\"maxdisk\":8589934592,\"uptime\":123456,\"netin\":123456789,\"netout\":98765432,")
                    .append("\"diskread\":12345678,\"diskwrite\":87654321,\"hastate\":\"started\",\"pool\":\"prod\"}");
        }
        return sb.append("]}").toString();
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        int c;
        while ((c = in.read()) != -1) {
            matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
            if (matched == 4) {
                return;
            }
        }
    }

    private static void head(OutputStream out, int status, String reason, String headers) throws IOException {
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json;charset=UTF-8\r\n"
                + headers + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void body(OutputStream out, int status, String reason, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        head(out, status, reason, "Content-Length: " + b.length);
        out.write(b);
    }

    private static byte[] gzipOfZeros(long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            byte[] block = "0".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (long w = 0; w < size; w += block.length) {
                gz.write(block);
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        pool.shutdownNow();
    }
}
