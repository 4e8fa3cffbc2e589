package org.jparallel.magic;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;
import org.jparallel.repl.Value;

/**
 * Runs a notebook cell: a cell magic ({@code %%name} on the first line) takes the whole cell; otherwise
 * line magics ({@code %name} at the start of a line) and the Java between them run in order, and the
 * cell stops at the first error.
 *
 * <pre>{@code
 * CellOutcome outcome = runner.run("%jars lib/\nimport com.example.*;\nnew Widget()", context);
 * }</pre>
 */
public final class CellRunner {
    /**
     * A line of Java that ends in {@code = %name args}: a line magic used as a value (IJava's {@code List<String>
     * added = %jars lib/*.jar}). The {@code =} is an assignment's, not {@code ==}, {@code <=} or {@code +=}.
     */
    private static final Pattern MAGIC_AS_VALUE = Pattern.compile(
            "^(.*?[^=!<>+\\-*/%&|^]=)\\s*%([A-Za-z]\\w*)((?:\\s.*)?)$");
    private static final String VALUES_VARIABLE = "$magics";
    /**
     * IPython's {@code obj?} and {@code ?obj} (and {@code ??}): a name or member chain (a call's parentheses allowed)
     * and nothing else, which no Java statement is.
     */
    private static final Pattern HELP = Pattern.compile(
            "([\\w$.]+(?:\\([^()?:;]*\\))?(?:\\.[\\w$]+(?:\\([^()?:;]*\\))?)*)\\?\\??|\\?\\??([\\w$.]+)");
    /** A cell that is one word after a slash, as the jshell tool's commands are: never Java. */
    private static final Pattern JSHELL_COMMAND = Pattern.compile("/[A-Za-z]+");
    /** A type name as a cell may write it in a cast: names, type arguments, arrays; no intersection, no anonymous. */
    private static final Pattern WRITABLE_TYPE = Pattern.compile("[A-Za-z_][\\w.]*(<[\\w.<>, ?\\[\\]]*>)?(\\[])*");

    private final JavaSession session;
    private final MagicRegistry registry;
    private final MagicValues values = new MagicValues();
    private boolean valuesDefined;
    private volatile String redirect;
    /** The cell being run and the magic running in it: what names the code a magic runs (one cell at a time). */
    private String outerCell = JavaSession.DEFAULT_CELL_NAME;
    private String runningMagic;

    public CellRunner(JavaSession session, MagicRegistry registry) {
        this.session = session;
        this.registry = registry;
    }

    /** Sends following cells to a cell magic, or back to Java with {@code null}. */
    public void redirectCells(String cellMagicName) {
        this.redirect = cellMagicName;
    }

    /** Runs a cell the user typed: sent to the redirect target when one is set (see {@link #redirectCells}). */
    public CellOutcome run(String cell, MagicContext context) {
        return run(cell, JavaSession.DEFAULT_CELL_NAME, context);
    }

    /**
     * Like {@link #run(String, MagicContext)}; {@code cellName} (e.g. {@code In [3]}) names the cell's Java in
     * compile errors and stack frames.
     */
    public CellOutcome run(String cell, String cellName, MagicContext context) {
        String outer = outerCell;
        outerCell = cellName;
        try {
            String target = redirect;
            if (target != null && !cell.stripLeading().startsWith("%")) {
                return runMagic(new MagicCall(target, MagicKind.CELL, "", cell), context);
            }
            return runNested(cell, cellName, context);
        } finally {
            outerCell = outer;
        }
    }

    /**
     * Runs cell text on behalf of a magic (e.g. the body of {@code %%time}): never redirected again. Errors name
     * it as that magic's code in the cell ({@code In [5] (%%time) line 2}).
     */
    public CellOutcome runNested(String cell, MagicContext context) {
        String name = outerCell.equals(JavaSession.DEFAULT_CELL_NAME) || runningMagic == null
                ? JavaSession.DEFAULT_CELL_NAME : outerCell + " (" + runningMagic + ")";
        return runNested(cell, name, context);
    }

    /** Like {@link #runNested(String, MagicContext)}, errors naming the code {@code cellName}. */
    public CellOutcome runNested(String cell, String cellName, MagicContext context) {
        String stripped = cell.stripLeading();
        if (stripped.startsWith("%%")) {
            return runCellMagic(stripped, context);
        }
        Optional<String> listing = stripped.startsWith("/") ? session.jshellCommand(stripped) : Optional.empty();
        if (listing.isPresent()) {
            System.out.print(listing.get());
            return CellOutcome.nothing();
        }
        Matcher help = HELP.matcher(stripped.strip());
        if (help.matches()) {
            return help(help.group(1) != null ? help.group(1) : help.group(2));
        }
        if (JSHELL_COMMAND.matcher(stripped.strip()).matches()) {
            return usageError("no jshell command " + stripped.strip() + " here: cells take /imports, /vars, /methods,"
                    + " /types and /list; for the rest there are magics (%lsmagic lists them)");
        }
        return runLines(cell, cellName, context);
    }

    private CellOutcome runCellMagic(String cell, MagicContext context) {
        int newline = cell.indexOf('\n');
        String first = newline < 0 ? cell : cell.substring(0, newline);
        String body = newline < 0 ? "" : cell.substring(newline + 1);
        return runMagic(parse(first.substring(2), MagicKind.CELL, body), context);
    }

    private CellOutcome runLines(String cell, String cellName, MagicContext context) {
        String[] lines = cell.split("\n", -1);
        boolean[] code = MagicLines.startInCode(lines);
        CellOutcome last = CellOutcome.nothing();
        StringBuilder java = new StringBuilder();
        int javaStartLine = 0;
        for (int i = 0; i < lines.length; i++) {
            boolean magic = code[i] && MagicLines.isMagic(lines[i]);
            Matcher used = magic || !code[i] ? null : magicAsValue(lines[i]);
            if (magic) {
                last = runJava(java, javaStartLine, cellName);
                if (!(last instanceof CellOutcome.Success)) {
                    return last;
                }
                last = runMagic(parse(lines[i].substring(1), MagicKind.LINE, ""), context);
                if (!(last instanceof CellOutcome.Success)) {
                    return last;
                }
                java.setLength(0);
                javaStartLine = i + 1;
            } else if (used != null) {
                last = runJava(java, javaStartLine, cellName);
                if (!(last instanceof CellOutcome.Success)) {
                    return last;
                }
                String arguments = used.group(3).strip().replaceFirst(";$", "").strip();
                last = runMagic(new MagicCall(used.group(2), MagicKind.LINE, arguments, "", true), context);
                if (!(last instanceof CellOutcome.Success success)) {
                    return last;
                }
                int slot = values.put(success.value().map(Value::object).orElse(null));
                java.setLength(0);
                javaStartLine = i;
                java.append(used.group(1)).append(' ').append(castTo(success.value())).append(valuesVariable())
                        .append(".value(").append(slot).append(");\n");
            } else {
                java.append(lines[i]).append('\n');
            }
        }
        CellOutcome tail = runJava(java, javaStartLine, cellName);
        return java.toString().isBlank() ? last : tail;
    }

    /**
     * A cast to the type of the magic's value, so that {@code var t = %timeit -o …} has the timing's type and
     * {@code long n = %time 6 * 7} converts the int as Java would ({@code $magics.value} alone would take the
     * declared type and fail to cast an Integer to a Long); none for a type a cell cannot write.
     */
    private static String castTo(Optional<Value> value) {
        String type = value.map(Value::typeName).orElse(null);
        return type != null && WRITABLE_TYPE.matcher(type).matches() && !type.contains("capture#")
                ? "(" + type + ") " : "";
    }

    /** The match of a line that uses a line magic as a value, or null (a {@code %} of a format string, say). */
    private Matcher magicAsValue(String line) {
        if (line.indexOf('%') < 0) {
            return null; // most lines: no pattern to try
        }
        Matcher used = MAGIC_AS_VALUE.matcher(line);
        if (!used.matches() || used.group(1).chars().filter(c -> c == '"').count() % 2 != 0) {
            return null; // no such line, or the = is inside a string literal
        }
        Magic magic = registry.find(used.group(2)).orElse(null);
        return magic != null && magic.kinds().contains(MagicKind.LINE) ? used : null;
    }

    /** The session's {@code $magics}, declared at the first use (it needs jparallel's classes, as kernels have). */
    private String valuesVariable() {
        if (!valuesDefined) {
            session.define(VALUES_VARIABLE, MagicValues.class.getName(), values);
            valuesDefined = true;
        }
        return VALUES_VARIABLE;
    }

    private CellOutcome runJava(StringBuilder java, int startLine, String cellName) {
        if (java.toString().isBlank()) {
            return CellOutcome.nothing();
        }
        // Leading newlines keep compile errors pointing at the cell's own line numbers.
        return session.eval("\n".repeat(startLine) + java, cellName);
    }

    private static MagicCall parse(String afterPrefix, MagicKind kind, String body) {
        String trimmed = afterPrefix.strip();
        int space = indexOfWhitespace(trimmed);
        String name = space < 0 ? trimmed : trimmed.substring(0, space);
        String arguments = space < 0 ? "" : trimmed.substring(space).strip();
        return new MagicCall(name, kind, arguments, body);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A cell magic written where only a line magic can be ({@code %%px} below the first line reads as a line magic
     * named {@code %px}), or a line magic name that exists only as a cell magic ({@code %html}): as IPython does,
     * say which it is and where it goes.
     */
    private Optional<String> misplaced(MagicKind kind, String name) {
        if (kind != MagicKind.LINE) {
            return Optional.empty();
        }
        String cellName = name.startsWith("%") ? name.substring(1) : name;
        return registry.find(cellName).filter(magic -> magic.kinds().contains(MagicKind.CELL))
                .map(magic -> "%%" + cellName + " is a cell magic: put it on the first line of its cell, where it takes"
                        + " the whole cell below it" + (name.startsWith("%") ? "" : " (no line magic %" + name + ")"));
    }

    private CellOutcome runMagic(MagicCall call, MagicContext context) {
        boolean help = call.name().endsWith("?");
        String name = help ? call.name().substring(0, call.name().length() - 1) : call.name();
        Magic magic = registry.find(name).orElse(null);
        if (magic == null || !magic.kinds().contains(call.kind())) {
            return usageError(misplaced(call.kind(), name).orElse("unknown magic " + call.kind().prefix() + name)
                    + ". Known magics:\n  line: " + registry.listing(MagicKind.LINE)
                    + "\n  cell: " + registry.listing(MagicKind.CELL));
        }
        if (help) {
            System.out.println(magic.usage());
            return CellOutcome.nothing();
        }
        String outerMagic = runningMagic;
        runningMagic = call.kind().prefix() + name;
        try {
            return magic.run(new MagicCall(name, call.kind(), call.arguments(), call.body(), call.asValue()), context);
        } catch (MagicUsageException e) {
            return usageError(e.getMessage() + "\n\n" + magic.usage());
        } catch (MagicException e) {
            return new CellOutcome.RuntimeError(e.ename(), e.getMessage(), List.of(e.ename() + ": " + e.getMessage()));
        } catch (Exception e) {
            return failure(e);
        } finally {
            runningMagic = outerMagic;
        }
    }

    /** Prints what Shift-Tab shows for {@code target} (its signature and Javadoc), as IPython prints {@code obj?}. */
    private CellOutcome help(String target) {
        Optional<String> text = session.inspect(target, target.length(), 0);
        if (text.isEmpty()) {
            return usageError("Object `" + target + "` not found.");
        }
        System.out.println(text.get());
        return CellOutcome.nothing();
    }

    private static CellOutcome usageError(String message) {
        return new CellOutcome.RuntimeError("UsageError", message, List.of("UsageError: " + message));
    }

    private static CellOutcome failure(Exception e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        List<String> lines = new ArrayList<>(List.of(trace.toString().split("\n")));
        return new CellOutcome.RuntimeError(e.getClass().getName(), String.valueOf(e.getMessage()), lines);
    }
}
