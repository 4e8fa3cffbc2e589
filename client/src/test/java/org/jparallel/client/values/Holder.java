package org.jparallel.client.values;

import java.io.Serializable;

/** A serializable value with one field that may hold anything. */
public record Holder(Object field) implements Serializable {
}
