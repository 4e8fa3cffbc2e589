package org.jparallel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ListenAddressTest {
    @Test
    void aControllerOnEveryInterfaceIsReachedOnLoopback() {
        assertEquals(new InetSocketAddress("127.0.0.1", 4000), ListenAddress.reachable("*", 4000));
        assertEquals(new InetSocketAddress("127.0.0.1", 4000), ListenAddress.reachable("0.0.0.0", 4000));
    }

    @Test
    void aControllerOnOneAddressIsReachedThere() {
        assertEquals(new InetSocketAddress("10.1.2.3", 4000), ListenAddress.reachable("10.1.2.3", 4000));
    }

    @Test
    void aControllerOnEveryInterfaceOfAnotherHostIsReachedAtItsLocation() {
        assertEquals(new InetSocketAddress("10.1.2.3", 4000),
                ListenAddress.reachable("*", 4000, "another-host 5e1f", "10.1.2.3"));
        assertEquals(new InetSocketAddress("127.0.0.1", 4000),
                ListenAddress.reachable("*", 4000, ClusterHost.currentId(), "10.1.2.3"));
        assertEquals(new InetSocketAddress("127.0.0.1", 4000), ListenAddress.reachable("*", 4000, "", "10.1.2.3"),
                "a file that names no host is this host's, as before hosts were named");
        assertEquals(new InetSocketAddress("10.9.9.9", 4000),
                ListenAddress.reachable("10.9.9.9", 4000, "another-host 5e1f", "10.1.2.3"));
    }

    @Test
    void listenersOfAClusterOnEveryInterfaceRouteTowardsItsLocation() {
        assertEquals("10.1.2.3", ListenAddress.routeTarget("*", "10.1.2.3"));
        assertEquals("127.0.0.1", ListenAddress.routeTarget("127.0.0.1", "127.0.0.1"));
        assertEquals("*", ListenAddress.routeTarget("*", ""));
    }

    @Test
    void aStarBindsEveryInterface() {
        assertTrue(ListenAddress.bindable("*", 0).getAddress().isAnyLocalAddress());
    }
}
