package org.jparallel.controller.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineHeapOptionsTest {
    @Test
    void aMaximumHeapBelowTheDefaultInitialOneIsTheInitialHeapToo() {
        List<String> options = LocalEngineLauncher.defaultsFor(List.of("-Xmx12m"));
        assertTrue(options.contains("-Xms12m"), options.toString());
        assertFalse(options.contains("-Xms16m"), options.toString());
    }

    @Test
    void aLargerMaximumHeapKeepsTheSmallInitialOne() {
        assertEquals(LocalEngineLauncher.DEFAULT_JVM_OPTIONS, LocalEngineLauncher.defaultsFor(List.of("-Xmx2g")));
        assertEquals(LocalEngineLauncher.DEFAULT_JVM_OPTIONS, LocalEngineLauncher.defaultsFor(List.of("-ea")));
    }

    @Test
    void theLastMaximumHeapGivenCounts() {
        List<String> options = LocalEngineLauncher.defaultsFor(List.of("-Xmx1g", "-Xmx8192k"));
        assertTrue(options.contains("-Xms8192k"), options.toString());
    }
}
