package org.jparallel.engine;

/** A pull, or an apply given a {@code Reference}, names a variable this engine's session does not have. */
final class NoSuchVariableException extends Exception {
    static final String ENAME = "NoSuchVariableException";

    NoSuchVariableException(String name) {
        super("no variable named " + name + " on this engine; define it first, e.g. with push, scatter or execute");
    }
}
