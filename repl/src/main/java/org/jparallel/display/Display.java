package org.jparallel.display;

import javax.lang.model.SourceVersion;
import java.util.Objects;
import java.util.UUID;

/**
 * Shows values in the notebook while a cell runs, like IPython's {@code display}: each call
 * renders its value and publishes a {@code display_data} (or {@code update_display_data})
 * to the {@link DisplaySink} the kernel gave it. One per session.
 *
 * <pre>{@code
 * Display display = new Display(event -> iopub.publish(event));
 * DisplayHandle chart = display.display(bufferedImage);
 * display.display("text/html", "<b>hi</b>");
 * chart.update(nextImage);
 * }</pre>
 *
 * <p>In a cell the same calls are top-level methods, declared by {@link #prelude}:
 * {@code display(x)}, {@code display("text/html", s)}, {@code updateDisplay(id, x)}...
 */
public final class Display {
    private final DisplaySink sink;
    private final MimeRenderer renderer;

    public Display(DisplaySink sink) {
        this(sink, new MimeRenderer());
    }

    public Display(DisplaySink sink, MimeRenderer renderer) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** The renderer this display uses; the kernel renders execute results with it too. */
    public MimeRenderer renderer() {
        return renderer;
    }

    /** Shows {@code value} in every representation the renderer knows, under a new display id. */
    public DisplayHandle display(Object value) {
        return show(renderer.render(value), newDisplayId());
    }

    /**
     * Shows {@code value} as {@code mimeType} only, under a new display id.
     * See {@link MimeRenderer#render(String, Object)} for the values each type accepts. IJava's order,
     * {@code display("<b>hi</b>", "text/html")}, is taken too: the value first, then its type.
     *
     * @throws IllegalArgumentException if neither argument is a MIME type
     */
    public DisplayHandle display(String mimeType, Object value) {
        return show(renderer.render(mimeType, value), newDisplayId());
    }

    /**
     * IJava's {@code display(value, mimeTypes...)}: shows {@code value} as those representations only, under a new
     * display id ({@code display(chart, "image/png", "text/plain")}).
     */
    public DisplayHandle display(Object value, String... mimeTypes) {
        return show(renderer.render(value, mimeTypes), newDisplayId());
    }

    /**
     * Shows {@code value} under a display id of the caller's choosing, so that later cells can
     * update it by name. Not an overload of {@code display}, whose two strings are a MIME type and a value.
     */
    public DisplayHandle displayWithId(String displayId, Object value) {
        return show(renderer.render(value), Objects.requireNonNull(displayId, "displayId"));
    }

    /** Replaces every output shown under {@code displayId} with {@code value}. */
    public void updateDisplay(String displayId, Object value) {
        sink.publish(DisplayEvent.update(renderer.render(value), Objects.requireNonNull(displayId, "displayId")));
    }

    /**
     * Java source that declares {@code display}, {@code displayWithId}, {@code updateDisplay}, IJava's
     * {@code render} and {@code renderer()} (to register how a type renders) as top-level JShell methods calling the
     * {@code Display} held in the JShell variable {@code displayVariable}, and imports {@link RichOutput}'s
     * {@code html}, {@code markdown}, {@code svg}, {@code latex}, {@code json} and {@code image}. A snippet each:
     * the kernel evaluates it once per session, after declaring the variable, with this package on the JShell class
     * path.
     *
     * <pre>{@code
     * String source = Display.prelude("$display");
     * }</pre>
     */
    public static String prelude(String displayVariable) {
        if (!SourceVersion.isIdentifier(displayVariable) || SourceVersion.isKeyword(displayVariable)) {
            throw new IllegalArgumentException("not a Java variable name: " + displayVariable);
        }
        // Fully qualified names: the prelude must not depend on, or add to, the cell's imports.
        return """
                import static org.jparallel.display.RichOutput.*;
                org.jparallel.display.DisplayHandle display(Object value) { return $d.display(value); }
                org.jparallel.display.DisplayHandle display(String mimeType, Object value) { return $d.display(mimeType, value); }
                org.jparallel.display.DisplayHandle display(Object value, String... mimeTypes) { return $d.display(value, mimeTypes); }
                org.jparallel.display.MimeBundle render(Object value, String... mimeTypes) { return $d.renderer().render(value, mimeTypes); }
                org.jparallel.display.MimeRenderer renderer() { return $d.renderer(); }
                org.jparallel.display.DisplayHandle displayWithId(String displayId, Object value) { return $d.displayWithId(displayId, value); }
                void updateDisplay(String displayId, Object value) { $d.updateDisplay(displayId, value); }
                void updateDisplay(org.jparallel.display.DisplayHandle shown, Object value) { shown.update(value); }
                """.replace("$d", displayVariable);
    }

    private DisplayHandle show(MimeBundle bundle, String displayId) {
        sink.publish(DisplayEvent.show(bundle, displayId));
        return new DisplayHandle(displayId, this);
    }

    // Every output gets an id, as IPython's display_id=True gives one, so that any handle
    // can update its output later.
    private static String newDisplayId() {
        return UUID.randomUUID().toString();
    }
}
