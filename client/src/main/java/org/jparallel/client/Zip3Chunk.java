package org.jparallel.client;

import java.util.ArrayList;
import java.util.List;

/** A three-sequence {@code map} over one chunk of each: the function of element {@code i} of all three. */
record Zip3Chunk<A, B, C, R>(Fn3<A, B, C, R> function) implements Fn3<List<A>, List<B>, List<C>, List<R>> {
    @Override
    public List<R> apply(List<A> as, List<B> bs, List<C> cs) throws Exception {
        List<R> values = new ArrayList<>(as.size());
        for (int i = 0; i < as.size(); i++) {
            values.add(function.apply(as.get(i), bs.get(i), cs.get(i)));
        }
        return values;
    }
}
