package org.jparallel.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UncollectedGrowthTest {
    private static final long MB = 1L << 20;
    private final UncollectedGrowth growth = new UncollectedGrowth(64 * MB);

    @Test
    void growthPastTheThresholdWithoutACollectionCounts() {
        assertFalse(growth.observe(3, 100 * MB));
        assertTrue(growth.observe(3, 180 * MB));
    }

    @Test
    void growthBelowTheThresholdDoesNot() {
        growth.observe(3, 100 * MB);
        assertFalse(growth.observe(3, 150 * MB));
    }

    @Test
    void aCollectionStartsTheCountAgain() {
        growth.observe(3, 100 * MB);
        growth.observe(3, 180 * MB);
        assertFalse(growth.observe(4, 180 * MB));
        assertTrue(growth.observe(4, 260 * MB));
    }
}
