package io.github.proxmoxlxc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Forwards a fixed loopback port to the simulator's (which picks a free one), byte for byte:
 * TLS passes through untouched, so the certificate and its fingerprint stay the simulator's.
 */
final class PortForwarder {
    private final ServerSocket server;
    private final int target;

    private PortForwarder(ServerSocket server, int target) {
        this.server = server;
        this.target = target;
    }

    static PortForwarder start(int port, int target) {
        ServerSocket s;
        try {
            s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw CliException.invalid("--port", Integer.toString(port), "must be a free local port: " + e.getMessage());
        }
        PortForwarder f = new PortForwarder(s, target);
        Thread t = new Thread(f::acceptLoop, "simulator-port-" + port);
        t.setDaemon(true);
        t.start();
        return f;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side went away; closing both ends below ends the pair
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "simulator-forward");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
