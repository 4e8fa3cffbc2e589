package org.jparallel.client;

import java.util.ArrayList;
import java.util.List;

/** A two-sequence {@code map} over one chunk of each: the function of element {@code i} of both. */
record ZipChunk<A, B, R>(Fn2<A, B, R> function) implements Fn2<List<A>, List<B>, List<R>> {
    @Override
    public List<R> apply(List<A> as, List<B> bs) throws Exception {
        List<R> values = new ArrayList<>(as.size());
        for (int i = 0; i < as.size(); i++) {
            values.add(function.apply(as.get(i), bs.get(i)));
        }
        return values;
    }
}
