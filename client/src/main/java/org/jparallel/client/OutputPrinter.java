package org.jparallel.client;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.Supplier;
import org.jparallel.display.Display;
import org.jparallel.display.Displayable;
import org.jparallel.display.MimeBundle;

/**
 * Prints engine output as ipyparallel shows it in a notebook: each chunk an engine sent labelled once,
 * {@code [stdout:0] Process 10784.}, a chunk of several lines starting on the line after its label; results as
 * {@code Out[0:3]: 42} (a rich one, HTML say, shown as such below its {@code Out[0:3]:}); rich displays after an
 * {@code [output:N]} line, which the engine's updates of the display replace in place. Without a display (outside a notebook), displays and rich results print as their text.
 * Errors are left to whoever reports them ({@link AsyncResult#get()}, {@code %px}).
 *
 * <pre>{@code
 * OutputPrinter printer = OutputPrinter.toSystemStreams(display);
 * ar.onOutput(printer::print);
 * }</pre>
 */
public final class OutputPrinter {
    private final Supplier<PrintStream> out;
    private final Supplier<PrintStream> err;
    private final Display display;

    private OutputPrinter(Supplier<PrintStream> out, Supplier<PrintStream> err, Display display) {
        this.out = out;
        this.err = err;
        this.display = display;
    }

    /**
     * A printer to {@code System.out} and {@code System.err} as they are when each output is printed (a cell's
     * streams, which a kernel may swap), showing rich output on {@code display}, or as text where it is null.
     */
    public static OutputPrinter toSystemStreams(Display display) {
        return new OutputPrinter(() -> System.out, () -> System.err, display);
    }

    /** A printer to these streams, showing rich output on {@code display}, or as text where it is null. */
    public static OutputPrinter to(PrintStream out, PrintStream err, Display display) {
        return new OutputPrinter(() -> out, () -> err, display);
    }

    public synchronized void print(EngineOutput output) {
        switch (output.kind()) {
            case STDOUT -> text(output.labelled(), out.get());
            case STDERR -> text(output.labelled(), err.get());
            case RESULT -> {
                if (display == null || output.data().keySet().stream().allMatch("text/plain"::equals)) {
                    text(output.labelled(), out.get());
                } else { // html(..), markdown(..), an image: shown as such under its label, as ipyparallel shows them
                    text("Out[" + output.engineId() + ":" + output.executionCount() + "]:\n", out.get());
                    display.display((Displayable) () -> bundle(output.data()));
                }
            }
            case DISPLAY -> {
                if (display == null) {
                    text(output.labelled(), out.get());
                } else {
                    text("[output:" + output.engineId() + "]\n", out.get());
                    Displayable shown = () -> bundle(output.data());
                    if (output.displayId().isEmpty()) {
                        display.display(shown);
                    } else {
                        display.displayWithId(notebookId(output), shown);
                    }
                }
            }
            case UPDATE -> {
                if (display == null) {
                    text(output.labelled(), out.get());
                } else if (!output.displayId().isEmpty()) {
                    display.updateDisplay(notebookId(output), (Displayable) () -> bundle(output.data()));
                }
            }
            case ERROR -> {
                // Errors are reported once the run is over, grouped across engines.
            }
        }
    }

    /** An engine's display id in the notebook: its own per engine, as two engines may name theirs alike. */
    private static String notebookId(EngineOutput output) {
        return "engine-" + output.engineId() + ":" + output.displayId();
    }

    private static void text(String text, PrintStream target) {
        if (!text.isEmpty()) {
            target.print(text);
            target.flush();
        }
    }

    private static MimeBundle bundle(Map<String, Object> data) {
        MimeBundle bundle = MimeBundle.empty();
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            bundle = bundle.with(entry.getKey(), entry.getValue());
        }
        return bundle;
    }
}
