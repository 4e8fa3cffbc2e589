package org.jparallel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ClusterHostTest {
    @Test
    void thisHostIsTheCurrentOne() {
        ClusterHost here = ClusterHost.current();
        assertEquals(ClusterHost.currentId(), here.id());
        assertTrue(ClusterHost.isCurrent(here.id()));
    }

    @Test
    void aFileThatNamesNoHostIsThisHostsAsBeforeHostsWereNamed() {
        assertTrue(ClusterHost.isCurrent(""));
        assertTrue(ClusterHost.isCurrent(null));
    }

    @Test
    void anotherHostsIdIsNotThisOne() {
        assertFalse(ClusterHost.isCurrent("another-host 00000000-0000-0000-0000-000000000000"));
    }

    @Test
    void theLocationIsAnAddressOtherHostsCanRouteTo() throws Exception {
        String location = ClusterHost.current().location();
        assertFalse(location.isEmpty());
        if (location.matches("[\\d.]+")) { // else the host's name: a host without a network has no address to give
            assertFalse(InetAddress.getByName(location).isLoopbackAddress(), location);
        }
    }
}
