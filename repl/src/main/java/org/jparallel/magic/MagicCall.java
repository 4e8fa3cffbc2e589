package org.jparallel.magic;

/**
 * One use of a magic in a cell.
 *
 * <pre>{@code
 * %%time            ->  MagicCall("time", CELL, "", "Thread.sleep(100);")
 * Thread.sleep(100);
 * }</pre>
 *
 * @param name      the magic's name, without {@code %}
 * @param kind      line or cell
 * @param arguments the rest of the magic's line
 * @param body      the cell below the magic line (empty for a line magic)
 */
public record MagicCall(String name, MagicKind kind, String arguments, String body) {
    /** As the user typed it, for messages. */
    public String typed() {
        return kind.prefix() + name + (arguments.isEmpty() ? "" : " " + arguments);
    }
}
