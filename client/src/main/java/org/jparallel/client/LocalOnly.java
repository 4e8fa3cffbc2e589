package org.jparallel.client;

import java.io.Serializable;

/**
 * What a client, a view or a result becomes when it is serialized: nothing. They hold sockets and only mean
 * something in the JVM that made them, yet a cell variable holding one is swept along when a lambda of a later
 * cell is shipped (JShell keeps cell variables as static fields of the cell's class). On an engine they read
 * as {@code null}, so a lambda that does not use them runs, and one that does fails with a
 * {@code NullPointerException} naming the variable.
 */
final class LocalOnly implements Serializable {
    static final LocalOnly INSTANCE = new LocalOnly();

    private LocalOnly() {
    }

    private Object readResolve() {
        return null;
    }
}
