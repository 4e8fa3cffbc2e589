package org.jparallel.client;

import static org.jparallel.client.Parallel.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void rangeCountsFromZero() {
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), range(10));
    }

    @Test
    void rangeBetweenExcludesTheEnd() {
        assertEquals(List.of(2, 3, 4), range(2, 5));
    }

    @Test
    void rangeStepsDown() {
        assertEquals(List.of(10, 7, 4, 1), range(10, 0, -3));
    }

    @Test
    void emptyRanges() {
        assertEquals(List.of(), range(0));
        assertEquals(List.of(), range(5, 2));
    }

    @Test
    void aZeroStepIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> range(0, 5, 0));
    }

    @Test
    void aHugeRangeCostsNoMemory() {
        List<Integer> big = range(2_000_000_000);
        assertEquals(1_999_999_999, big.get(big.size() - 1));
    }

    @Test
    void rangesSerializeAsTheirElements() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(range(3));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(List.of(0, 1, 2), in.readObject());
        }
    }
}
