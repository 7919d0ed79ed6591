package dev.dualdb.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 between the service and one store, that can stop forwarding
 * without closing anything: {@link #freeze()} is what a server stopped by
 * {@code kill -STOP} (or a network path that silently drops packets) looks like to its
 * clients. Connections stay open, new connections are accepted (the kernel accepts them
 * for a stopped server too), and not a byte moves in either direction until
 * {@link #thaw()}, which lets everything that waited through, as a resumed server would
 * read what its socket buffers held.
 */
public final class FreezableProxy implements AutoCloseable {

    private final ServerSocket server;

    private final InetSocketAddress target;

    private final Object gate = new Object();

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private volatile boolean frozen;

    private volatile boolean closed;

    private FreezableProxy(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /**
     * Starts a proxy on a free port of 127.0.0.1 in front of {@code targetPort}.
     * @param targetPort the real server's port on 127.0.0.1
     * @return the running proxy
     */
    public static FreezableProxy to(int targetPort) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            FreezableProxy proxy = new FreezableProxy(server,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
            Thread acceptor = new Thread(proxy::accept, "freezable-proxy-" + server.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        }
        catch (IOException ex) {
            throw new IllegalStateException("The proxy did not start", ex);
        }
    }

    /**
     * The port clients connect to.
     * @return the proxy's port on 127.0.0.1
     */
    public int port() {
        return this.server.getLocalPort();
    }

    /** Stops forwarding in both directions, closing nothing. */
    public void freeze() {
        this.frozen = true;
    }

    /** Forwards again, starting with what arrived while frozen. */
    public void thaw() {
        synchronized (this.gate) {
            this.frozen = false;
            this.gate.notifyAll();
        }
    }

    private void accept() {
        while (!this.closed) {
            try {
                Socket client = this.server.accept();
                this.sockets.add(client);
                Thread connector = new Thread(() -> connect(client), "freezable-proxy-connect");
                connector.setDaemon(true);
                connector.start();
            }
            catch (IOException ex) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        // A stopped server's kernel still completes the handshake; what it does not do is
        // answer. So the connection to the real server is made only once the proxy
        // forwards.
        passGate();
        try {
            Socket upstream = new Socket();
            this.sockets.add(upstream);
            upstream.connect(this.target, 5000);
            pump(client, upstream, "up");
            pump(upstream, client, "down");
        }
        catch (IOException ex) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    passGate();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
            catch (IOException ex) {
                // One side is gone: so is the other.
            }
            finally {
                passGate();
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "freezable-proxy-" + direction);
        pump.setDaemon(true);
        pump.start();
    }

    /** Waits while the proxy is frozen; a closed proxy lets everything go. */
    private void passGate() {
        synchronized (this.gate) {
            while (this.frozen && !this.closed) {
                try {
                    this.gate.wait();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        this.closed = true;
        thaw();
        closeQuietly(this.server);
        this.sockets.forEach(FreezableProxy::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        }
        catch (Exception ex) {
            // Closing what is already broken.
        }
    }

}
