package org.jparallel.magic;

import java.util.Set;
import org.jparallel.repl.CellOutcome;

/**
 * A command of the notebook that is not Java: {@code %time}, {@code %jars}, and later {@code %px}.
 *
 * <p>Each magic carries its own usage text, so {@code %name?}, errors and {@code %lsmagic} read the same
 * source. Register magics in a {@link MagicRegistry}.
 *
 * <pre>{@code
 * final class EchoMagic implements Magic {
 *     public String name() { return "echo"; }
 *     public Set<MagicKind> kinds() { return Set.of(MagicKind.LINE); }
 *     public String usage() { return "%echo TEXT\n    print TEXT"; }
 *     public CellOutcome run(MagicCall call, MagicContext context) {
 *         System.out.println(call.arguments());
 *         return CellOutcome.nothing();
 *     }
 * }
 * }</pre>
 */
public interface Magic {
    /** The name typed after {@code %} or {@code %%}. */
    String name();

    /** Whether it is a line magic, a cell magic, or both. */
    Set<MagicKind> kinds();

    /** Usage text: the synopsis on the first line, then what it does and its options. */
    String usage();

    /**
     * Runs the magic. Output goes to {@code System.out} and {@code System.err}, which the kernel streams.
     *
     * @return what the cell shows: a value becomes the cell's result
     * @throws MagicUsageException when the arguments are wrong; the user sees the message and the usage
     */
    CellOutcome run(MagicCall call, MagicContext context) throws Exception;

    /** What a magic does when it runs: {@link #run} as a lambda. */
    @FunctionalInterface
    interface Action {
        CellOutcome run(MagicCall call, MagicContext context) throws Exception;
    }

    /**
     * The same magic under another name, as IJava names some ({@code %classpath} for {@code %jars}): its usage
     * starts with this name's synopsis and says whose name it is.
     */
    static Magic alias(String name, Magic of) {
        return renamed(name, of, "The same as %" + of.name() + " (IJava's name for it).");
    }

    /** The same magic under another name: its usage with that name's synopsis, and {@code note} at the end. */
    static Magic renamed(String name, Magic of, String note) {
        String usage = of.usage();
        int firstLineEnd = usage.indexOf('\n') < 0 ? usage.length() : usage.indexOf('\n');
        String synopsis = usage.substring(0, firstLineEnd).replace("%" + of.name(), "%" + name);
        return of(name, of.kinds(), synopsis + usage.substring(firstLineEnd) + "\n    " + note, of::run);
    }

    /**
     * A magic made of its parts, for small ones and for a second name of another:
     * {@code Magic.of("mavenRepo", Set.of(MagicKind.LINE), "%mavenRepo ID URL ...", (call, context) -> ...)}.
     */
    static Magic of(String name, Set<MagicKind> kinds, String usage, Action action) {
        Set<MagicKind> kindsCopy = Set.copyOf(kinds);
        return new Magic() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<MagicKind> kinds() {
                return kindsCopy;
            }

            @Override
            public String usage() {
                return usage;
            }

            @Override
            public CellOutcome run(MagicCall call, MagicContext context) throws Exception {
                return action.run(call, context);
            }
        };
    }
}
