package org.jparallel.magic.builtin;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.repl.CellOutcome;

/**
 * IPython's {@code %env}: lists the environment, shows one variable, or sets one for the shells that {@code %sh} and
 * {@code %%bash} start ({@link ShellEnvironment}).
 *
 * <pre>{@code
 * %env DATA_DIR=/tmp/data
 * %%bash
 * ls "$DATA_DIR"
 * }</pre>
 */
public final class EnvMagic implements Magic {
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\s*=\\s*|\\s+)(.*)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ShellEnvironment environment;

    public EnvMagic(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "env";
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.LINE);
    }

    @Override
    public String usage() {
        return """
                %env                list the environment
                %env NAME           show one variable
                %env NAME=VALUE     set it (also %env NAME VALUE) for the shells %sh and %%bash start; a JVM cannot
                                    change its own environment, so System.getenv in a cell keeps the one it began with""";
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException {
        String arguments = call.arguments().strip();
        if (arguments.isEmpty()) {
            environment.all().forEach((name, value) -> System.out.println(name + "=" + value));
            return CellOutcome.nothing();
        }
        if (NAME.matcher(arguments).matches()) {
            String value = environment.get(arguments);
            if (value == null) {
                throw new MagicUsageException("no environment variable " + arguments);
            }
            System.out.println(value);
            return CellOutcome.nothing();
        }
        Matcher assignment = ASSIGNMENT.matcher(arguments);
        if (!assignment.matches()) {
            throw new MagicUsageException("not a variable name: " + arguments);
        }
        environment.put(assignment.group(1), assignment.group(2));
        System.out.println("env: " + assignment.group(1) + "=" + assignment.group(2));
        return CellOutcome.nothing();
    }
}
