package org.jparallel.display;

import com.google.gson.JsonElement;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The prelude in a real JShell with local execution, as the kernel runs it. The Display is
 * created inside JShell, with a sink that collects events into a JShell list, so no state has
 * to cross from the test into the session; the test reads the list back through JShell.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisplayPreludeTest {
    private JShell jshell;

    @BeforeAll
    void startJShellWithThePrelude() {
        jshell = JShell.builder().executionEngine("local").build();
        jshell.addToClasspath(classPathOf(Display.class) + File.pathSeparator + classPathOf(JsonElement.class));
        evalAll("""
                java.util.List<org.jparallel.display.DisplayEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
                org.jparallel.display.Display $display = new org.jparallel.display.Display(events::add);
                """);
        evalAll(Display.prelude("$display"));
    }

    @AfterAll
    void closeJShell() {
        jshell.close();
    }

    @BeforeEach
    void forgetEarlierEvents() {
        evalAll("events.clear();");
    }

    @Test
    void displayOfHtmlPublishesTextHtml() {
        evalAll("display(html(\"<b>x</b>\"));");

        assertEquals("\"<b>x</b>\"", valueOf("events.get(0).bundle().data().get(\"text/html\")"));
    }

    @Test
    void displayAsAMimeTypeAcceptsTwoStrings() {
        evalAll("display(\"text/markdown\", \"*x*\");");

        assertEquals("{text/markdown=*x*}", valueOf("events.get(0).bundle().data()"));
    }

    @Test
    void handleUpdateFromACellPublishesAnUpdate() {
        evalAll("""
                var clock = display(1);
                clock.update(2);
                """);

        assertEquals("true", valueOf("events.get(1).update() && events.get(1).displayId().equals(events.get(0).displayId())"));
    }

    @Test
    void displayWithIdAndUpdateDisplayShareTheId() {
        evalAll("""
                displayWithId("progress", 1);
                updateDisplay("progress", 2);
                """);

        assertEquals("\"update_display_data progress {text/plain=2}\"", valueOf(
                "events.get(1).messageType() + \" \" + events.get(1).displayId().get() + \" \" + events.get(1).bundle().data()"));
    }

    @Test
    void richValueFunctionsNeedNoImport() {
        evalAll("""
                display(html("<b>x</b>"));
                display(markdown("*x*"));
                display(latex("$x$"));
                display(svg("<svg/>"));
                display(json("[1]"));
                display(image(new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)));
                """);

        assertEquals("[text/html, text/markdown, text/latex, image/svg+xml, application/json, image/png]",
                valueOf("events.stream().map(e -> e.bundle().data().keySet().toArray()[1]).toList()"));
    }

    @Test
    void jsonTakesAMapAndImageAPathAsText(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path png = dir.resolve("dot.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", png.toFile());
        evalAll("display(json(java.util.Map.of(\"a\", java.util.List.of(1, 2))));\ndisplay(image(\"" + png + "\"));");
        assertEquals("[application/json, image/png]",
                valueOf("events.stream().map(e -> e.bundle().data().keySet().toArray()[1]).toList()"));
    }

    @Test
    void textPlainReadsAsJShellShowsTheSameValue() {
        for (String expression : List.of("\"tab\\there \\\"quoted\\\" \\u00e9\\u0001\"", "'\\''",
                "new int[][] { {1, 2}, {} }", "new Object[] { null, \"s\", 'c' }", "3.5")) {
            String jshellText = valueOf(expression);
            String renderedText = valueOf("$display.renderer().render(" + expression + ").data().get(\"text/plain\")");

            assertEquals(jshellText, unquoted(renderedText), expression);
        }
    }

    private String valueOf(String expression) {
        List<SnippetEvent> events = jshell.eval(expression);
        SnippetEvent last = events.get(events.size() - 1);
        assertNull(last.exception(), () -> expression + " threw " + last.exception());
        return last.value();
    }

    // JShell shows the rendered String quoted and escaped: undo that to compare with the value.
    private static String unquoted(String shown) {
        return shown.substring(1, shown.length() - 1).translateEscapes();
    }

    // Splits source into snippets as a cell would be, and fails on any that does not compile or throws.
    private void evalAll(String source) {
        SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
        String remaining = source;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            for (SnippetEvent event : jshell.eval(info.source())) {
                if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
                    List<String> problems = new ArrayList<>();
                    jshell.diagnostics(event.snippet()).forEach(d -> problems.add(d.getMessage(null)));
                    fail(info.source() + " -> " + event.status() + " " + problems + " " + event.exception());
                }
            }
            remaining = info.remaining();
        }
    }

    private static String classPathOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
