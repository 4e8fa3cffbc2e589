package org.jparallel.client.values;

import java.io.Serializable;

/** A serializable class of the test class path, missing where the decoder's parent cannot see it. */
public record Sample(int n) implements Serializable {
}
