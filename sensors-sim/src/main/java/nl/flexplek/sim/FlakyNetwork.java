package nl.flexplek.sim;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's network to the broker, which the broker-loss fault can cut: {@link #cut()} closes every open
 * connection and refuses new ones until {@link #restore()}. Paho sees a real connection loss, so its automatic
 * reconnect and its buffer for messages published while disconnected are what get exercised, as on a flaky site
 * network. Thread-safe.
 */
final class FlakyNetwork extends SocketFactory {
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean down;

    void cut() {
        down = true;
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already gone: that is the point.
            }
        }
        open.clear();
    }

    void restore() {
        down = false;
    }

    boolean isDown() {
        return down;
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                if (down) {
                    throw new ConnectException("broker unreachable (simulated broker loss)");
                }
                super.connect(endpoint, timeout);
                open.add(this);
            }

            @Override
            public synchronized void close() throws IOException {
                open.remove(this);
                super.close();
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }
}
