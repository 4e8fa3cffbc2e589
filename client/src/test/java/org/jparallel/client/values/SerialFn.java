package org.jparallel.client.values;

import java.io.Serializable;

/** A serializable function type, standing in for the client API's own in cells typed by the tests. */
@FunctionalInterface
public interface SerialFn<T, R> extends Serializable {
    R apply(T t) throws Exception;
}
