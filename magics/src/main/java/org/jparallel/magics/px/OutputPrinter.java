package org.jparallel.magics.px;

import java.io.PrintStream;
import java.util.Map;
import org.jparallel.client.EngineOutput;
import org.jparallel.display.Display;
import org.jparallel.display.MimeBundle;

/**
 * Prints engine output in the notebook as ipyparallel does: each chunk an engine sent labelled once,
 * {@code [stdout:0] Process 10784.}, a chunk of several lines starting on the line after its label;
 * results as {@code Out[0:3]: 42} (a rich one, HTML say, shown as such below its {@code Out[0:3]:}); rich display
 * after an {@code [output:N]} line.
 */
final class OutputPrinter {
    private final Display display;

    OutputPrinter(Display display) {
        this.display = display;
    }

    synchronized void print(EngineOutput output) {
        switch (output.kind()) {
            case STDOUT -> stream(output, System.out);
            case STDERR -> stream(output, System.err);
            case RESULT -> {
                if (output.data().keySet().stream().allMatch("text/plain"::equals)) {
                    line(output.toString());
                } else { // html(..), markdown(..), an image: shown as such under its label, as ipyparallel shows them
                    line("Out[" + output.engineId() + ":" + output.executionCount() + "]:");
                    display.display((org.jparallel.display.Displayable) () -> bundle(output.data()));
                }
            }
            case DISPLAY -> {
                line("[output:" + output.engineId() + "]");
                display.display((org.jparallel.display.Displayable) () -> bundle(output.data()));
            }
            case ERROR -> {
                // Errors are reported once the run is over, grouped across engines (see RemoteErrors).
            }
        }
    }

    private static void stream(EngineOutput output, PrintStream target) {
        String labelled = output.labelled();
        if (!labelled.isEmpty()) {
            target.print(labelled);
            target.flush();
        }
    }

    private static void line(String text) {
        System.out.println(text);
        System.out.flush();
    }

    private static MimeBundle bundle(Map<String, Object> data) {
        MimeBundle bundle = MimeBundle.empty();
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            bundle = bundle.with(entry.getKey(), entry.getValue());
        }
        return bundle;
    }
}
