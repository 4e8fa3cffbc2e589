package org.jparallel.magics.px;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jparallel.client.Client;
import org.jparallel.client.CompositeError;
import org.jparallel.client.RemoteError;
import org.jparallel.magic.MagicContext;
import org.jparallel.repl.CellOutcome;

/**
 * Turns the errors of a parallel run into the cell's error: {@code [2:execute]
 * java.lang.ArithmeticException: / by zero} with the remote trace, at most four traces then
 * {@code … k more}, and a compile error shown once with every engine that hit it.
 */
final class RemoteErrorReport {
    static final int SHOWN = 4;
    /** javac's "cannot find symbol" names what it missed: {@code symbol:   variable offset}. */
    private static final Pattern MISSING_SYMBOL = Pattern.compile("symbol:\\s+(variable|method|class) (\\w+)");
    /**
     * JShell's words for code declared on an engine (a pushed class's method, say) that uses what the engine lacks:
     * {@code method sc(double) cannot be invoked until variable scale is declared}.
     */
    private static final Pattern UNRESOLVED = Pattern.compile("until (variable|method|class) (\\w+)\\b.* is declared");

    private RemoteErrorReport() {
    }

    /**
     * The cell outcome for what {@code AsyncResult.get()} threw; a compile error over a name that {@code local}
     * declares gets a hint, since code sent to engines does not see the notebook's own variables and methods.
     */
    static CellOutcome of(RuntimeException failure, Predicate<String> local) {
        return of(failure, local, name -> false);
    }

    /**
     * Like {@link #of(RuntimeException, Predicate)}; a name for which {@code clusterHandle} holds is the notebook's
     * own connection to the cluster ({@code rc}, a view), which code on the engines has no use for: its hint says so
     * rather than to push it.
     */
    static CellOutcome of(RuntimeException failure, Predicate<String> local, Predicate<String> clusterHandle) {
        List<RemoteError> errors = failure instanceof CompositeError composite ? composite.errors()
                : failure instanceof RemoteError single ? List.of(single) : List.of();
        if (errors.isEmpty()) {
            return new CellOutcome.RuntimeError(failure.getClass().getName(), String.valueOf(failure.getMessage()),
                    List.of(failure.toString()));
        }
        Map<String, List<RemoteError>> groups = new LinkedHashMap<>();
        for (RemoteError error : errors) {
            groups.computeIfAbsent(groupKey(error), k -> new ArrayList<>()).add(error);
        }
        List<String> traceback = new ArrayList<>();
        int shown = 0;
        for (List<RemoteError> group : groups.values()) {
            if (shown == SHOWN) {
                break;
            }
            traceback.add(describe(group));
            traceback.addAll(sharedTrace(group));
            shown++;
        }
        if (groups.size() > SHOWN) {
            traceback.add("… " + (groups.size() - SHOWN) + " more");
        }
        errors.stream()
                .map(error -> (error.remoteClassName().equals("CompileError") ? MISSING_SYMBOL : UNRESOLVED)
                        .matcher(error.remoteMessage()))
                .filter(Matcher::find)
                .filter(missing -> local.test(missing.group(2))).findFirst()
                .ifPresent(missing -> traceback.add(clusterHandle.test(missing.group(2))
                        ? clusterHandleHint(missing.group(2)) : notOnTheEngines(missing.group(1), missing.group(2))));
        RemoteError first = errors.get(0);
        String ename = groups.size() == 1 ? first.remoteClassName() : CompositeError.class.getSimpleName();
        String evalue = groups.size() == 1 ? first.remoteMessage()
                : errors.size() + " engines failed; the first: " + describe(List.of(first));
        return new CellOutcome.RuntimeError(ename, evalue, traceback);
    }

    /** Whether the notebook's variable {@code name} holds a client, a view or a result: the cluster's API. */
    static boolean isClusterHandle(MagicContext context, String name) {
        return context.session().variable(name)
                .map(value -> value.getClass().getPackageName().equals(Client.class.getPackageName())).orElse(false);
    }

    private static String clusterHandleHint(String name) {
        return "hint: " + name + " is this notebook's handle on the cluster, which the engines do not have (nor need):"
                + " run the code that uses it in the notebook, not with %px or under %autopx";
    }

    private static String notOnTheEngines(String kind, String name) {
        String what = kind.equals("variable") ? "the variable " + name : kind + " " + name;
        String how = kind.equals("variable")
                ? "send its value with push (v.pushSync(Map.of(\"" + name + "\", " + name + "))) or declare it there"
                : "declare it there too";
        return "hint: " + what + " is declared in this notebook, not on the engines: " + how
                + " (%%px --local runs a cell here and on the engines)";
    }

    /** A cell's number on each engine: "In [6]". */
    private static final Pattern CELL_NUMBER = Pattern.compile("In \\[\\d+\\] ");

    /**
     * The trace a group of engines shares: the first one's, without the cell numbers when the engines gave the
     * cell different ones (each counts its own executions), so that no engine's number stands for all.
     */
    private static List<String> sharedTrace(List<RemoteError> group) {
        List<String> trace = withoutHeader(group.get(0));
        boolean sameNumbers = group.stream().map(RemoteErrorReport::withoutHeader).distinct().count() == 1;
        return sameNumbers ? trace : trace.stream().map(line -> CELL_NUMBER.matcher(line).replaceAll("")).toList();
    }

    /** Engines that failed the same way to compile share one report; runtime errors are per engine. */
    private static String groupKey(RemoteError error) {
        // Not the trace: it names each engine's own cell number ("In [6] line 1").
        return error.remoteClassName().equals("CompileError")
                ? error.remoteClassName() + "\n" + error.remoteMessage()
                : "engine " + error.engineId();
    }

    private static String describe(List<RemoteError> group) {
        StringBuilder engines = new StringBuilder();
        for (RemoteError error : group) {
            engines.append(engines.length() == 0 ? "" : ",").append(error.engineId());
        }
        RemoteError first = group.get(0);
        return "[" + engines + ":" + first.method() + "] " + first.remoteClassName()
                + (first.remoteMessage().isEmpty() ? "" : ": " + first.remoteMessage()); // StackOverflowError has none
    }

    /** The remote trace without a first line that repeats {@code Class: message}. */
    private static List<String> withoutHeader(RemoteError error) {
        List<String> lines = error.remoteTraceback();
        if (!lines.isEmpty() && lines.get(0).startsWith(error.remoteClassName())) {
            return lines.subList(1, lines.size());
        }
        return lines;
    }
}
