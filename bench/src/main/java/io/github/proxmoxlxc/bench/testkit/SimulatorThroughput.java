package io.github.proxmoxlxc.bench.testkit;

import io.github.proxmoxlxc.testkit.PveSimulator;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Requests per second the simulator serves for a cheap authenticated GET ({@code /version}) with N
 * keep-alive HTTPS clients over loopback. Each client is a thread with one TLS connection and a
 * minimal HTTP/1.1 reader, so the client side costs as little CPU as possible on a small machine.
 *
 * <pre>
 * mvn -B -Pbench -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.github.proxmoxlxc.bench.testkit.SimulatorThroughput \
 *     [clients=8] [warmup=5] [seconds=10] [threads=16] [journal=false] [async=false] [path=/version]
 * </pre>
 */
public final class SimulatorThroughput {

    private SimulatorThroughput() {
    }

    /** Runs the measurement and prints one line per setting. */
    public static void main(String[] args) throws Exception {
        int clients = 8;
        int warmup = 5;
        int seconds = 10;
        int threads = 16;
        boolean journal = false;
        boolean async = false;
        String path = "/version";
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "clients": clients = Integer.parseInt(kv[1]); break;
                case "warmup": warmup = Integer.parseInt(kv[1]); break;
                case "seconds": seconds = Integer.parseInt(kv[1]); break;
                case "threads": threads = Integer.parseInt(kv[1]); break;
                case "journal": journal = Boolean.parseBoolean(kv[1]); break;
                case "async": async = Boolean.parseBoolean(kv[1]); break;
                case "path": path = kv[1]; break;
                default: throw new IllegalArgumentException("unknown option " + a);
            }
        }
        PveSimulator.Builder b = PveSimulator.builder().serverThreads(threads).asyncResponses(async);
        if (journal) {
            b.requestJournal(1000);
        }
        try (PveSimulator sim = b.start()) {
            double rps = measure(sim, clients, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), path);
            System.out.printf(Locale.ROOT, "clients=%d threads=%d journal=%s async=%s path=%s: %.0f req/s%n", clients,
                    threads, journal, async, path, rps);
        }
    }

    static double measure(PveSimulator sim, int clients, Duration warmup, Duration measure, String path)
            throws Exception {
        SSLContext ssl = sslFor(sim.caPem());
        byte[] request = ("GET /api2/json" + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + sim.port()
                + "\r\nAuthorization: " + sim.authorizationHeader() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        LongAdder done = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(clients);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        try (SSLSocket s = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", sim.port())) {
                            s.setTcpNoDelay(true);
                            OutputStream out = s.getOutputStream();
                            InputStream in = new BufferedInputStream(s.getInputStream(), 16384);
                            while (!stop.get()) {
                                out.write(request);
                                out.flush();
                                if (readResponse(in) != 200) {
                                    errors.increment();
                                }
                                done.increment();
                            }
                        } catch (IOException e) {
                            errors.increment();
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }, "client-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        Thread.sleep(warmup.toMillis());
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        long before = done.sum();
        Thread.sleep(measure.toMillis());
        long count = done.sum() - before;
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        // The machine is shared; CPU time per request (client + server, same process) shows what
        // the simulator would do with the cores to itself.
        System.out.printf(Locale.ROOT, "measured %d requests in %.1f s wall, %.1f s CPU (%.0f us CPU/request, "
                + "%.0f req/s per CPU core, load average %.1f on %d cores)%n", count, elapsed, cpuSeconds,
                cpuSeconds * 1e6 / Math.max(1, count), count / Math.max(1e-9, cpuSeconds), os.getSystemLoadAverage(),
                os.getAvailableProcessors());
        stop.set(true);
        finished.await();
        if (errors.sum() > 0) {
            System.out.println("errors/non-200: " + errors.sum());
        }
        return count / elapsed;
    }

    /** Reads one response with Content-Length framing; returns the status. */
    static int readResponse(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int status = -1;
        int length = 0;
        while (true) {
            line.setLength(0);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            if (line.length() == 0) {
                break;
            }
            String l = line.toString();
            if (status < 0) {
                status = Integer.parseInt(l.substring(9, 12));
            } else if (l.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(l.substring(15).trim());
            }
        }
        long skipped = 0;
        while (skipped < length) {
            long n = in.skip(length - skipped);
            if (n <= 0) {
                if (in.read() < 0) {
                    throw new IOException("truncated body");
                }
                n = 1;
            }
            skipped += n;
        }
        return status;
    }

    static SSLContext sslFor(String caPem) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
