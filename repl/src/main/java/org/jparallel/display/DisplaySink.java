package org.jparallel.display;

/**
 * Where a {@link Display} sends its outputs: the kernel implements it by publishing each
 * event on IOPub, with the parent header of the request that is executing.
 *
 * <pre>{@code
 * List<DisplayEvent> events = new CopyOnWriteArrayList<>();
 * Display display = new Display(events::add);
 * }</pre>
 */
@FunctionalInterface
public interface DisplaySink {
    void publish(DisplayEvent event);
}
