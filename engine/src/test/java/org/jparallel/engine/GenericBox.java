package org.jparallel.engine;

/** A generic class cells could declare, for the type arguments a pushed one is declared with. */
public final class GenericBox<T> {
    private final T value;

    public GenericBox(T value) {
        this.value = value;
    }

    public T value() {
        return value;
    }
}
