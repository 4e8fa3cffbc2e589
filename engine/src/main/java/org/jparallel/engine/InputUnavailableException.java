package org.jparallel.engine;

/** An argument of an apply is the result of a task that no engine holds any more; its reply names why. */
final class InputUnavailableException extends Exception {
    private final String ename;

    InputUnavailableException(String ename, String evalue) {
        super(evalue);
        this.ename = ename.isEmpty() ? "EngineError" : ename;
    }

    String ename() {
        return ename;
    }
}
