package org.jparallel.client.values;

import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for a DirectView in cells: not Serializable, and its {@code map} sends the function
 * the way a view does (encoded by the session's encoder), then decodes and applies it in this JVM.
 */
public final class LocalView {

    private final ValueEncoder encoder;

    public LocalView(ValueEncoder encoder) {
        this.encoder = encoder;
    }

    @SuppressWarnings("unchecked")
    public <R> List<R> map(SerialFn<Integer, R> function, List<Integer> xs) throws Exception {
        DecodedCall call = new ValueDecoder(LocalView.class.getClassLoader()).decodeCall(encoder.encodeCall(function));
        SerialFn<Integer, R> received = (SerialFn<Integer, R>) call.function();
        List<R> results = new ArrayList<>();
        for (Integer x : xs) {
            results.add(received.apply(x));
        }
        return results;
    }
}
