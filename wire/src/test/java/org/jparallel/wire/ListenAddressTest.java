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
    void aStarBindsEveryInterface() {
        assertTrue(ListenAddress.bindable("*", 0).getAddress().isAnyLocalAddress());
    }
}
