package org.jparallel.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outputs of an {@link AsyncResult} and who listens to them. Each listener gets every output once, in
 * arrival order, including those that arrived before it registered: the kernel registers after submitting.
 */
final class OutputListeners {
    private static final Logger LOG = Logger.getLogger(OutputListeners.class.getName());

    private static final class Cursor {
        final Consumer<EngineOutput> listener;
        int next;

        Cursor(Consumer<EngineOutput> listener) {
            this.listener = listener;
        }
    }

    private final List<EngineOutput> outputs = new ArrayList<>();
    private final List<Cursor> cursors = new ArrayList<>();
    // Held while calling listeners so that two threads never deliver out of order.
    private final Object delivery = new Object();

    void add(EngineOutput output) {
        synchronized (outputs) {
            outputs.add(output);
        }
    }

    List<EngineOutput> all() {
        synchronized (outputs) {
            return List.copyOf(outputs);
        }
    }

    void listen(Consumer<EngineOutput> listener) {
        synchronized (delivery) {
            cursors.add(new Cursor(listener));
        }
        deliver();
    }

    /** Hands each listener the outputs it has not seen yet. */
    void deliver() {
        synchronized (delivery) {
            for (Cursor cursor : cursors) {
                EngineOutput next;
                while ((next = next(cursor)) != null) {
                    try {
                        cursor.listener.accept(next);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "an output listener failed", e);
                    }
                }
            }
        }
    }

    private EngineOutput next(Cursor cursor) {
        synchronized (outputs) {
            return cursor.next < outputs.size() ? outputs.get(cursor.next++) : null;
        }
    }
}
