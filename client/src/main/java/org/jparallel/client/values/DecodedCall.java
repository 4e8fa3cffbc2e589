package org.jparallel.client.values;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A function and its arguments as {@link ValueEncoder#encodeCall} sent them.
 *
 * <pre>{@code
 * DecodedCall call = decoder.decodeCall(request.buffers());
 * Object result = ((Fn<Object, Object>) call.function()).apply(call.args().get(0));
 * }</pre>
 *
 * @param function the decoded function object (a lambda, method reference or any object)
 * @param args the decoded arguments, in order; an element may be null
 */
public record DecodedCall(Object function, List<Object> args) {

    public DecodedCall {
        args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    /** The arguments as an array, for a reflective or varargs call. */
    public Object[] argsArray() {
        return args.toArray();
    }
}
