package org.jparallel.magics.px;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names earlier cells put on the engines and not in the notebook: variables and methods declared by code run
 * there ({@code %px}, {@code %%px}, any cell under {@code %autopx}), and values sent there by name
 * ({@code push(Map.of(…))}, {@code scatter}, a view's {@code put}, code sent with {@code execute}). A notebook cell
 * that names one does not compile, since code typed in the notebook compiles against the notebook's own session, as
 * ipyparallel's lambdas never do; the error then says where the name lives and how to reach it.
 *
 * <pre>{@code
 * EngineNames names = new EngineNames();
 * names.ran("dv.scatter(\"part\", range(10));", "In [4]", false);
 * names.hint("cannot find symbol\n  symbol:   variable part");   // hint: part lives on the engines (In [4] …)
 * }</pre>
 */
public final class EngineNames {
    private static final Pattern MISSING = Pattern.compile("cannot find symbol\\s+symbol:\\s+(variable|method) (\\w+)");
    private static final Pattern SCATTERED = Pattern.compile("\\.scatter(?:Sync)?\\s*\\(\\s*\"(\\w+)\"");
    /** {@code push(Map.of("a", 1, "b", 2))}; a {@code put("a", …)} could as well be a map's. */
    private static final Pattern PUSHED = Pattern.compile("\\.push(?:Sync)?\\s*\\(\\s*Map\\.of\\s*\\(([^;]*)\\)");
    private static final Pattern MAP_KEY = Pattern.compile("(?:^|,)\\s*\"(\\w+)\"\\s*,");
    /** Code sent as a string: {@code v.executeSync("int k = 3;")}. */
    private static final Pattern EXECUTED = Pattern.compile("\\.execute(?:Sync)?\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /**
     * A variable the notebook made a view: {@code var v = rc.all();}, {@code dv = rc.view(0, 1)}. Names start at a
     * word's start and match possessively: a 20,000-letter string literal took seconds to scan otherwise.
     */
    private static final Pattern VIEW_MADE = Pattern.compile(
            "(?<![\\w$])(\\w++)\\s*=\\s*[\\w.()]*\\.(?:all|view|engine)\\s*\\(");
    /** {@code v.put("k", 3)} where {@code v} is one of those views (a map's put is not). */
    private static final Pattern PUT = Pattern.compile("(?<![\\w$])(\\w++)\\.put\\s*\\(\\s*\"(\\w+)\"\\s*,");
    private static final Pattern VARIABLE = Pattern.compile("(?<![\\w$.])([A-Za-z_$][\\w$]*)\\s*=(?!=)");
    private static final Pattern UNINITIALISED = Pattern.compile("[\\w$>\\]]\\s+([A-Za-z_$][\\w$]*)\\s*;");
    private static final Pattern METHOD = Pattern.compile(
            "[\\w$>\\]]\\s+([A-Za-z_$][\\w$]*)\\s*\\([^()]*\\)\\s*(?:throws\\s+[\\w$.,\\s]+)?\\{");

    /** Each name and the cell that last put it on the engines. */
    private final Map<String, Where> names = new LinkedHashMap<>();
    /** The notebook's variables that hold views. */
    private final Set<String> views = new HashSet<>();

    private record Where(String cellName, boolean method) {
    }

    /**
     * Learns what a cell put on the engines.
     *
     * @param onEngines whether the whole cell ran there ({@code %autopx})
     */
    public synchronized void ran(String cell, String cellName, boolean onEngines) {
        if (onEngines) {
            declaredIn(cell, cellName);
            return;
        }
        String trimmed = cell.stripLeading();
        if (trimmed.startsWith("%%px")) {
            int body = trimmed.indexOf('\n');
            if (body > 0) {
                declaredIn(trimmed.substring(body + 1), cellName);
            }
            return;
        }
        for (String line : cell.lines().toList()) {
            String stripped = line.strip();
            if (stripped.startsWith("%px ")) {
                declaredIn(stripped.substring("%px ".length()), cellName);
            }
        }
        Matcher scattered = SCATTERED.matcher(cell);
        while (scattered.find()) {
            names.put(scattered.group(1), new Where(cellName, false));
        }
        Matcher made = VIEW_MADE.matcher(cell);
        while (made.find()) {
            views.add(made.group(1));
        }
        Matcher put = PUT.matcher(cell);
        while (put.find()) {
            if (views.contains(put.group(1))) {
                names.put(put.group(2), new Where(cellName, false));
            }
        }
        Matcher executed = EXECUTED.matcher(cell);
        while (executed.find()) {
            declaredIn(executed.group(1).replace("\\\"", "\"").replace("\\n", "\n"), cellName);
        }
        Matcher pushed = PUSHED.matcher(cell);
        while (pushed.find()) {
            Matcher key = MAP_KEY.matcher(pushed.group(1));
            while (key.find()) {
                names.put(key.group(1), new Where(cellName, false));
            }
        }
    }

    /** The top-level declarations of code run on the engines; names inside its blocks are its own. */
    private void declaredIn(String code, String cellName) {
        String outer = topLevel(code);
        for (Pattern pattern : new Pattern[] {VARIABLE, UNINITIALISED}) {
            Matcher m = pattern.matcher(outer);
            while (m.find()) {
                names.put(m.group(1), new Where(cellName, false));
            }
        }
        // A method's parameters and body are inside brackets: match its header on the code, keep the top-level ones.
        Matcher method = METHOD.matcher(code);
        while (method.find()) {
            if (outer.charAt(method.start(1)) != ' ') {
                names.put(method.group(1), new Where(cellName, true));
            }
        }
    }

    /**
     * A hint for a compile error that names something only the engines have, or none.
     *
     * @param compileError javac's message, as a cell's compile error carries it
     */
    public synchronized Optional<String> hint(String compileError) {
        Matcher missing = MISSING.matcher(compileError);
        if (!missing.find()) {
            return Optional.empty();
        }
        boolean method = missing.group(1).equals("method");
        String name = missing.group(2);
        Where where = names.get(name);
        if (where == null || where.method() != method) {
            return Optional.empty();
        }
        if (method) {
            return Optional.of("hint: " + name + " is a method of the engines (" + where.cellName() + " declared it"
                    + " there), not of this notebook: declare it here too, or with %%px --local, which runs a cell"
                    + " on both sides");
        }
        return Optional.of("hint: " + name + " lives on the engines (" + where.cellName() + " put it there), not in"
                + " this notebook, and code typed here compiles against the notebook's own variables: use it there"
                + " (%px … " + name + " …), give it to a lambda as an argument (v.apply((Type " + name + ") -> …,"
                + " Reference.to(\"" + name + "\"))), or bring its values here with v.pullSync(\"" + name + "\")");
    }

    /** The code with everything inside brackets, strings, chars and line comments blanked out, offsets kept. */
    private static String topLevel(String code) {
        StringBuilder outer = new StringBuilder(code);
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            int blankTo = i;
            if (c == '"' || c == '\'') {
                blankTo = closing(code, i, c);
            } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                int end = code.indexOf('\n', i);
                blankTo = end < 0 ? code.length() - 1 : end;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth = Math.max(0, depth - 1);
                outer.setCharAt(i, ' ');
            }
            if (depth > 0 || blankTo > i) {
                for (int k = i; k <= blankTo; k++) {
                    outer.setCharAt(k, ' ');
                }
                i = blankTo;
            }
        }
        return outer.toString();
    }

    /** Where the string or char literal opened at {@code open} ends (at the latest, its line's end). */
    private static int closing(String code, int open, char quote) {
        for (int i = open + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote || c == '\n') {
                return i;
            }
        }
        return code.length() - 1;
    }
}
