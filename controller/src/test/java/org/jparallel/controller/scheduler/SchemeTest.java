package org.jparallel.controller.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each scheme's pick among free engines (given least recently used first). */
class SchemeTest {
    private static final List<EngineLoad> LOADS = List.of(new EngineLoad(2, 3, 0), new EngineLoad(0, 0, 0),
            new EngineLoad(1, 0, 0));

    @Test
    void leastloadTakesTheFewestOutstandingLowestIdFirst() {
        assertEquals(1, Scheme.LEASTLOAD.choose(LOADS, new Random(1)));
    }

    @Test
    void lruTakesTheFirst() {
        assertEquals(0, Scheme.LRU.choose(LOADS, new Random(1)));
    }

    @Test
    void twobinFavoursTheLeastRecentlyUsed() {
        int[] picks = new int[3];
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            picks[Scheme.TWOBIN.choose(LOADS, random)]++;
        }
        assertTrue(picks[0] > picks[1] && picks[1] > picks[2] && picks[2] > 0, java.util.Arrays.toString(picks));
    }

    @Test
    void weightedAlmostNeverPicksABusyEngineWhenIdleOnesExist() {
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            assertTrue(Scheme.WEIGHTED.choose(LOADS, random) != 0);
        }
    }

    @Test
    void anUnknownSchemeNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scheme.named("fastest"));
        assertEquals("no scheduling scheme named 'fastest'; use one of leastload, lru, twobin, weighted, plainrandom",
                e.getMessage());
        assertEquals(Scheme.PLAINRANDOM, Scheme.named("PlainRandom"));
    }
}
