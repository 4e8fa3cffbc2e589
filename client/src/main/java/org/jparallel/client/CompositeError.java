package org.jparallel.client;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Several engines' tasks failed in one request: one {@link RemoteError} per failing task, in target order.
 *
 * <p>The message lists the first four; {@link #errors()} has them all. The first is also the cause, and the others
 * are suppressed exceptions, so that {@code printStackTrace} shows each engine's trace. As in ipyparallel, it is a
 * {@link RemoteError}: {@code catch (RemoteError e)} catches it too, and its {@link #engineId()},
 * {@link #remoteClassName()}, {@link #remoteMessage()} and {@link #remoteException()} are the first error's.
 *
 * <pre>{@code
 * try {
 *     rc.all().applySync(() -> 1 / 0);
 * } catch (CompositeError e) {
 *     for (RemoteError one : e.errors()) {
 *         System.out.println(one);   // [0:apply] java.lang.ArithmeticException: / by zero
 *     }
 * }
 * }</pre>
 */
public final class CompositeError extends RemoteError {
    static final int SHOWN = 4;

    private final List<RemoteError> errors;

    public CompositeError(String method, List<RemoteError> errors) {
        super(describe(method, errors), firstOf(errors));
        this.errors = List.copyOf(errors);
        // The first is the cause, so that a trace that follows causes alone (JShell's) shows where it failed.
        initCause(errors.get(0));
        errors.subList(1, errors.size()).forEach(this::addSuppressed);
    }

    private static RemoteError firstOf(List<RemoteError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a CompositeError needs at least one error");
        }
        return errors.get(0);
    }

    private static String describe(String method, List<RemoteError> errors) {
        String lines = errors.stream().limit(SHOWN).map(RemoteError::getMessage)
                .collect(Collectors.joining(System.lineSeparator()));
        String more = errors.size() > SHOWN
                ? System.lineSeparator() + "… " + (errors.size() - SHOWN) + " more (see errors())" : "";
        return errors.size() + " of the tasks of " + method + " failed:" + System.lineSeparator() + lines + more;
    }

    /** Every failure, one per failing task. */
    public List<RemoteError> errors() {
        return errors;
    }

    /** The first failure, for code that handles one {@link RemoteError}. */
    public RemoteError first() {
        return errors.get(0);
    }

    @Override
    public Optional<Throwable> remoteException() {
        return first().remoteException();
    }

    /** Each error with its engine's stack trace. */
    @Override
    public String render() {
        return errors.stream().map(RemoteError::render).collect(Collectors.joining(System.lineSeparator()));
    }

    @Override
    public String toString() {
        return getClass().getName() + ": " + getMessage();
    }
}
