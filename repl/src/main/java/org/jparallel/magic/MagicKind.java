package org.jparallel.magic;

/** Whether a magic takes one line ({@code %name args}) or a whole cell ({@code %%name args} then a body). */
public enum MagicKind {
    LINE("%"),
    CELL("%%");

    private final String prefix;

    MagicKind(String prefix) {
        this.prefix = prefix;
    }

    /** How a user types it: {@code %} or {@code %%}. */
    public String prefix() {
        return prefix;
    }
}
