package org.jparallel.client;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code map} sends each engine: the user's function over one chunk of the sequence. It lives in the
 * client jar, which engines have on their class path, so only the user's function travels as bytecode.
 */
record MapChunk<T, R>(Fn<T, R> function) implements Fn<List<T>, List<R>> {
    @Override
    public List<R> apply(List<T> chunk) throws Exception {
        List<R> values = new ArrayList<>(chunk.size());
        for (T element : chunk) {
            values.add(function.apply(element));
        }
        return values;
    }
}
