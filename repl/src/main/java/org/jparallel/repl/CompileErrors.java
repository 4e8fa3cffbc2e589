package org.jparallel.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import jdk.jshell.Diag;
import org.jparallel.repl.CellOutcome.CompileError;

/** Compile errors told by their line and column in the cell, with the source line and a caret. */
final class CompileErrors {
    private static final String AMBIGUOUS_CALL = "compiler.err.ref.ambiguous";
    /** javac's location line for a variable declared {@code Record}: a record of a session this one cannot name. */
    private static final Pattern FOREIGN_RECORD = Pattern.compile("location: variable (\\w+) of type java\\.lang\\.Record");

    /** javac's word for {@code __} or {@code ___} used before two or three values were displayed. */
    private static final Pattern EARLIER_VALUE = Pattern.compile("symbol:\\s+variable (___?)\\b");

    /**
     * javac's words for a result whose type argument is {@code Object} ({@code var r = rc.getResult(id)}) passed to a
     * function that takes a typed parameter: no overload fits, and javac lists them all.
     */
    private static final Pattern UNTYPED_RESULT = Pattern.compile(
            "no suitable method found for (\\w+)\\(.*AsyncResult<java\\.lang\\.Object>");

    /** javac's words for IJava's {@code String id = display(x)}: display returns a handle here. */
    private static final Pattern HANDLE_AS_ID = Pattern.compile(
            "org\\.jparallel\\.display\\.DisplayHandle cannot be converted to java\\.lang\\.String");

    /** javac on {@code Out[3]}: IPython's history of values is a Map here. */
    private static final Pattern MAP_INDEXED = Pattern.compile("array required, but java\\.util\\.\\w*Map<[^>]*> found");
    /** IJava's way to its renderer, which a cell here reaches as {@code renderer()}. */
    private static final Pattern IJAVA_KERNEL = Pattern.compile("symbol:\\s+method getKernelInstance\\(\\)");

    /** javac on a record's canonical constructor that is not public, where JShell made the record public. */
    private static final Pattern RECORD_CONSTRUCTOR_ACCESS = Pattern.compile(
            "invalid canonical constructor in record (\\w+)\\s+\\(attempting to assign stronger access privileges");

    private final CellText text;
    private final RewrittenCell cell;

    CompileErrors(CellText text, RewrittenCell cell) {
        this.text = text;
        this.cell = cell;
    }

    /** A snippet starting at {@code offset} of the rewritten cell did not compile. */
    CompileError rejected(List<Diag> diagnostics, int offset) {
        List<Diag> errors = diagnostics.stream().filter(Diag::isError).toList();
        List<Diag> shown = errors.isEmpty() ? diagnostics : errors;
        if (shown.isEmpty()) {
            return at(offset, "this snippet is not accepted here");
        }
        List<String> traceback = new ArrayList<>();
        for (Diag d : shown) {
            long at = d.getPosition() == Diagnostic.NOPOS ? 0 : d.getPosition();
            int position = cell.originalPosition(offset + (int) at);
            traceback.add(text.where(position) + ": " + message(d) + "\n" + text.pointAt(position));
        }
        shown.stream().filter(d -> AMBIGUOUS_CALL.equals(d.getCode())).findFirst()
                .filter(d -> cell.original().contains("->"))
                .ifPresent(d -> traceback.add(untypedLambdaHint(message(d))));
        shown.stream().map(d -> FOREIGN_RECORD.matcher(message(d))).filter(Matcher::find).findFirst()
                .ifPresent(m -> traceback.add(foreignRecordHint(m.group(1))));
        shown.stream().map(d -> EARLIER_VALUE.matcher(message(d))).filter(Matcher::find).findFirst()
                .ifPresent(m -> traceback.add(earlierValueHint(m.group(1))));
        shown.stream().filter(d -> HANDLE_AS_ID.matcher(message(d)).find()).findFirst()
                .ifPresent(d -> traceback.add(DISPLAY_ID_HINT));
        shown.stream().map(d -> RECORD_CONSTRUCTOR_ACCESS.matcher(message(d))).filter(Matcher::find).findFirst()
                .ifPresent(m -> traceback.add("hint: a cell's record is public (as in the jshell tool), so its"
                        + " canonical constructor must be too: write public " + m.group(1) + "(…) { … } or public "
                        + m.group(1) + " { … }"));
        shown.stream().filter(d -> MAP_INDEXED.matcher(message(d)).find()).findFirst()
                .ifPresent(d -> traceback.add("hint: a Map is read with get(key), not [key]: Out.get(3) is the value"
                        + " of cell 3, as IPython's Out[3]"));
        shown.stream().filter(d -> IJAVA_KERNEL.matcher(message(d)).find()).findFirst()
                .ifPresent(d -> traceback.add("hint: IJava's getKernelInstance().getRenderer() is renderer() here:"
                        + " renderer().register(T.class, t -> MimeBundle.of(\"text/html\", ...)); display(x) and"
                        + " render(x, mime) need no kernel object"));
        shown.stream().map(d -> UNTYPED_RESULT.matcher(message(d))).filter(Matcher::find).findFirst()
                .ifPresent(m -> traceback.add("hint: an AsyncResult<Object> (what var r = rc.getResult(id) makes) fits"
                        + " no parameter of " + m.group(1) + "'s function: give it the type the function takes,"
                        + " AsyncResult<String> r = rc.getResult(id), or pass rc.getResult(id) itself"));
        return new CompileError(message(shown.get(0)), traceback);
    }

    /** IJava's notebooks keep the id {@code display} returned there; here it returns a handle that has it. */
    private static final String DISPLAY_ID_HINT = "hint: display(…) and displayWithId(…) return a DisplayHandle here,"
            + " where IJava returned the display's id: String id = display(x).id(); keeps IJava's updateDisplay(id, y)"
            + " working, or keep the handle: var shown = display(x); shown.update(y);";

    /**
     * javac's "reference to apply is ambiguous" for {@code v.apply(x -> x + 1, ar)}, followed by errors about
     * {@code x}'s type, leaves users guessing; the cause is nearly always a lambda without parameter types, which
     * fits an overload taking a value and one taking a result or a reference alike.
     */
    private static String untypedLambdaHint(String ambiguity) {
        String method = ambiguity.startsWith("reference to ") ? ambiguity.substring("reference to ".length())
                .split(" ", 2)[0] : "the method";
        return "hint: " + method + " has overloads that a lambda without parameter types fits alike: give its"
                + " parameters their types, e.g. (Integer x) -> x + 1 or (List<Integer> xs) -> xs.size(), so that"
                + " javac can tell which " + method + " is meant (a parameter typed Object fits a value, a Reference"
                + " and an AsyncResult alike: name the type it takes)";
    }

    /**
     * A pushed or pulled record whose class these cells cannot name is declared {@code Record}, so its components
     * and methods are out of reach: javac's "cannot find symbol" does not say why.
     */
    private static String foreignRecordHint(String variable) {
        return "hint: " + variable + " holds a record of another session's cells, which this session does not declare"
                + " (or declares differently): declare the same record here too, with what its methods use"
                + " (%%px --local record … declares it on both sides), then push or pull it again";
    }

    /** As {@code _}'s own message says it: these names stand for values once that many have been displayed. */
    private static String earlierValueHint(String name) {
        return "hint: " + name + " holds the value displayed " + (name.length() == 2 ? "before the last" : "two before"
                + " the last") + "; fewer values than that have been displayed yet";
    }

    /** Several declarations of the cell refer to what is not declared. */
    CompileError unresolved(List<String> explanations, List<Integer> offsets) {
        List<String> traceback = new ArrayList<>();
        for (int i = 0; i < explanations.size(); i++) {
            int position = cell.originalPosition(offsets.get(i));
            traceback.add(text.where(position) + ": " + explanations.get(i) + "\n" + text.pointAt(position));
        }
        return new CompileError(String.join("; ", explanations), traceback);
    }

    /** An error about the code at {@code offset} of the rewritten cell. */
    CompileError at(int offset, String message) {
        return atOriginal(cell.originalPosition(offset), message);
    }

    CompileError atOriginal(int position, String message) {
        return new CompileError(message, List.of(text.where(position) + ": " + message + "\n" + text.pointAt(position)));
    }

    private static String message(Diag d) {
        // JShell's wrapper class has no name: "location: class " says nothing.
        return d.getMessage(Locale.ROOT).lines()
                .filter(line -> !line.strip().equals("location: class"))
                .collect(Collectors.joining("\n"));
    }
}
