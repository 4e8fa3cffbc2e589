package org.jparallel.client;

import static org.jparallel.client.Parallel.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequencesTest {
    @Test
    void splitCutsEvenlyLongerChunksFirst() {
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7), List.of(8, 9)),
                Sequences.split(range(10), 4));
    }

    @Test
    void aPrimitiveArraySplitsIntoArraysAndConcatenatesBack() {
        double[] data = {1, 2, 3, 4, 5};
        List<Object> chunks = Sequences.split(data, 2);
        assertArrayEquals(new double[] {1, 2, 3}, (double[]) chunks.get(0));
        assertArrayEquals(data, (double[]) Sequences.concat(chunks));
    }

    @Test
    void flatteningUnwrapsOnlyThePartsOfOneElement() {
        assertEquals(List.of(List.of(1, 2), 3), Sequences.flattened(List.of(1, 2, 3), 2));
        assertEquals(List.of(5, 6), Sequences.flattened(new int[] {5, 6}, 2));
        assertEquals(List.of(1, List.of(), List.of()), Sequences.flattened(List.of(1), 3));
    }

    @Test
    void chunksOfAFixedSizeKeepTheRemainderLast() {
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4)), Sequences.chunksOf(range(5), 3));
    }

    @Test
    void concatOfScalarsListsThem() {
        assertEquals(List.of(1, 2, 3), Sequences.concat(List.of(List.of(1, 2), 3)));
    }
}
