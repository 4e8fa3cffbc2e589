package org.jparallel.maven;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Artifacts that could not be resolved: not in any repository asked, a repository out of reach, a POM that does
 * not parse. The message says which, and where they were looked for, without the resolver's stack of causes.
 */
public final class ResolutionException extends Exception {
    ResolutionException(Exception cause) {
        super(reasons(cause), cause);
    }

    /** The distinct messages along the chain of causes: the resolver wraps the one that says what went wrong. */
    private static String reasons(Throwable error) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                messages.add(t.getMessage().strip());
            }
        }
        return String.join("\n  caused by: ", messages);
    }
}
