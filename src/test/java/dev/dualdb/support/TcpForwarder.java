package dev.dualdb.support;

import java.io.Closeable;
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
 * Forwards every connection to 127.0.0.1:{@code port} to a server elsewhere, from
 * {@link #start} until {@link #close}: before and after, the port refuses connections as
 * a server that is down does. Lets a test point the service at a standalone server that
 * is "not up yet" without stopping that server.
 */
public final class TcpForwarder implements Closeable {

    private final ServerSocket listener;

    private final String targetHost;

    private final int targetPort;

    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private TcpForwarder(ServerSocket listener, String targetHost, int targetPort) {
        this.listener = listener;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /**
     * Listens on 127.0.0.1:{@code port} and forwards what arrives.
     * @param port the port to listen on
     * @param targetHost the server's host
     * @param targetPort the server's port
     * @return the running forwarder
     * @throws IOException when the port cannot be bound
     */
    public static TcpForwarder start(int port, String targetHost, int targetPort) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        TcpForwarder forwarder = new TcpForwarder(listener, targetHost, targetPort);
        daemon(forwarder::accept);
        return forwarder;
    }

    private void accept() {
        while (!this.listener.isClosed()) {
            try {
                Socket client = this.listener.accept();
                Socket server = new Socket(this.targetHost, this.targetPort);
                this.open.add(client);
                this.open.add(server);
                pipe(client, server);
                pipe(server, client);
            }
            catch (IOException ex) {
                // The listener was closed, or the target refused this one connection.
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        daemon(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            }
            catch (IOException ex) {
                // One side closed: close both below.
            }
            closeQuietly(from);
            closeQuietly(to);
        });
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "tcp-forwarder");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ex) {
            // Already gone.
        }
    }

    /** Stops listening and cuts every forwarded connection. */
    @Override
    public void close() throws IOException {
        this.listener.close();
        this.open.forEach(TcpForwarder::closeQuietly);
    }

}
