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
 * @param asValue   whether the line uses it as a value ({@code List<String> added = %jars lib/*.jar}, as IJava
 *                  allows): a magic that has one to give returns it in its {@code Success}
 */
public record MagicCall(String name, MagicKind kind, String arguments, String body, boolean asValue) {

    /** A use of the magic for its effect, not as a value. */
    public MagicCall(String name, MagicKind kind, String arguments, String body) {
        this(name, kind, arguments, body, false);
    }

    /** As the user typed it, for messages. */
    public String typed() {
        return kind.prefix() + name + (arguments.isEmpty() ? "" : " " + arguments);
    }
}
