package org.jparallel.controller.hub;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.jparallel.wire.Message;
import org.jparallel.wire.TaskLinkHello;

/**
 * The two halves of engines' joining while the other half has not come: a registration on the engine's link,
 * and the hello of its task link, paired by the token both carry ({@link TaskLinkHello}). They come in either
 * order. A half whose other half never comes (the engine died between opening its two connections) is
 * dropped once it is older than the expiry, so that nothing keeps it for the life of the controller.
 */
final class JoiningEngines {

    /** A registration (its identities: the engine's link) and the identity of the task link it named. */
    record Joined(Message registration, byte[] taskIdentity) {
    }

    private record Half<T>(T value, long sinceNanos) {
    }

    private final Map<String, Half<Message>> registrations = new HashMap<>();
    private final Map<String, Half<byte[]>> taskLinks = new HashMap<>();
    private final LongSupplier nanoClock;
    private final long expiryNanos;

    /** @param nanoClock as {@link System#nanoTime()} */
    JoiningEngines(LongSupplier nanoClock, long expiryNanos) {
        this.nanoClock = nanoClock;
        this.expiryNanos = expiryNanos;
    }

    /** A registration came; the engine has joined if its task link came first. */
    Optional<Joined> registration(String token, Message registration) {
        Half<byte[]> taskLink = taskLinks.remove(token);
        if (taskLink == null) {
            registrations.put(token, new Half<>(registration, nanoClock.getAsLong()));
            return Optional.empty();
        }
        return Optional.of(new Joined(registration, taskLink.value()));
    }

    /** A task link's hello came; the engine has joined if its registration came first. */
    Optional<Joined> taskLink(String token, byte[] taskIdentity) {
        Half<Message> registration = registrations.remove(token);
        if (registration == null) {
            taskLinks.put(token, new Half<>(taskIdentity, nanoClock.getAsLong()));
            return Optional.empty();
        }
        return Optional.of(new Joined(registration.value(), taskIdentity));
    }

    /** Drops the halves older than the expiry; returns how many there were. */
    int expire() {
        long now = nanoClock.getAsLong();
        int before = size();
        registrations.values().removeIf(half -> now - half.sinceNanos() > expiryNanos);
        taskLinks.values().removeIf(half -> now - half.sinceNanos() > expiryNanos);
        return before - size();
    }

    /** Halves waiting for their other half. */
    int size() {
        return registrations.size() + taskLinks.size();
    }
}
