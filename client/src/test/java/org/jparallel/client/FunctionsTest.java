package org.jparallel.client;

import static org.jparallel.client.Parallel.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionsTest {
    @Test
    void aLambdaIsInvokedWithItsArguments() throws Exception {
        RemoteFunction square = (Fn<Integer, Integer>) x -> x * x;
        assertEquals(9, square.invoke(new Object[] {3}));
    }

    @Test
    void anActionGivesNull() throws Exception {
        RemoteFunction nothing = (Action) () -> { };
        assertEquals(null, nothing.invoke(new Object[0]));
    }

    @Test
    void theWrongNumberOfArgumentsNamesBothCounts() {
        RemoteFunction add = (Fn2<Integer, Integer, Integer>) Integer::sum;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> add.invoke(new Object[] {1}));
        assertTrue(e.getMessage().contains("takes 2 argument(s) but was given 1"), e.getMessage());
    }

    @Test
    void aMapChunkAppliesTheFunctionToEachElement() throws Exception {
        assertEquals(List.of(0, 1, 4, 9), new MapChunk<Integer, Integer>(x -> x * x).apply(range(4)));
    }

    @Test
    void aZipChunkAppliesTheFunctionPairwise() throws Exception {
        assertEquals(List.of(10, 12), new ZipChunk<Integer, Integer, Integer>(Integer::sum)
                .apply(range(2), range(10, 12)));
    }

    @Test
    void aZip3ChunkAppliesTheFunctionToEachTriple() throws Exception {
        assertEquals(List.of("0a!", "1b?"), new Zip3Chunk<Integer, String, String, String>((n, s, t) -> n + s + t)
                .apply(range(2), List.of("a", "b"), List.of("!", "?")));
    }
}
