package org.jparallel.wire;

import java.net.InetSocketAddress;

/**
 * The address a controller listens on, as {@code --ip} and connection files spell it: an address or host
 * name of its host, or every interface, written {@code *} (ZeroMQ's and ipyparallel's spelling) or
 * {@code 0.0.0.0}.
 *
 * <pre>{@code
 * ListenAddress.reachable("*", 40123);   // 127.0.0.1:40123
 * }</pre>
 */
public final class ListenAddress {
    private ListenAddress() {
    }

    /** Whether {@code ip} means every interface of the host. */
    public static boolean everyInterface(String ip) {
        return ip.equals("*") || ip.equals("0.0.0.0");
    }

    /** The socket address to bind for {@code ip}, at {@code port} (0: a free one). */
    public static InetSocketAddress bindable(String ip, int port) {
        return everyInterface(ip) ? new InetSocketAddress(port) : new InetSocketAddress(ip, port);
    }

    /** Where a process of the same host reaches a server listening on {@code ip}: every interface on loopback. */
    public static InetSocketAddress reachable(String ip, int port) {
        return new InetSocketAddress(everyInterface(ip) ? "127.0.0.1" : ip, port);
    }

    /**
     * Where this process reaches a server listening on {@code ip} of host {@code hostId} (see {@link ClusterHost}):
     * on that host, every interface on loopback; on another, at that host's {@code location}.
     */
    public static InetSocketAddress reachable(String ip, int port, String hostId, String location) {
        if (everyInterface(ip) && !ClusterHost.isCurrent(hostId) && !location.isEmpty()) {
            return new InetSocketAddress(location, port);
        }
        return reachable(ip, port);
    }

    /**
     * The address a process's own listeners (the bulk channel's) route towards, so that every process of a
     * cluster that listens on every interface, on any host, can reach them: the controller's location then, else
     * its ip.
     */
    public static String routeTarget(String ip, String location) {
        return everyInterface(ip) && !location.isEmpty() ? location : ip;
    }
}
