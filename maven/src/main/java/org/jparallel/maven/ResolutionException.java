package org.jparallel.maven;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Artifacts that could not be resolved: not in any repository asked, a repository out of reach, a POM that does
 * not parse. The message says which, and where they were looked for, without the resolver's stack of causes.
 */
public final class ResolutionException extends Exception {
    public ResolutionException(Exception cause) {
        super(reasons(cause), cause);
    }

    /**
     * The messages along the chain of causes that say something new: the resolver wraps the one that says what went
     * wrong, and often quotes it.
     */
    private static String reasons(Throwable error) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().strip();
            if (!message.isEmpty() && messages.stream().noneMatch(said -> said.contains(message))) {
                messages.add(message);
            }
        }
        return String.join("\n  caused by: ", messages);
    }
}
