package org.jparallel.display;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Short names for the rich values, which every cell can call without an import (the
 * {@linkplain Display#prelude prelude} imports them statically). A cell that ends in one of
 * them shows it rendered.
 *
 * <pre>{@code
 * html("<b>bold</b>")
 * markdown("*emphasis*")
 * latex("$x^2$")
 * svg("<svg ...>...</svg>")
 * json("{\"a\": [1, 2]}")
 * json(Map.of("a", List.of(1, 2)))
 * image("plot.png")
 * }</pre>
 */
public final class RichOutput {

    private RichOutput() {
    }

    public static Html html(String source) {
        return new Html(source);
    }

    public static Markdown markdown(String source) {
        return new Markdown(source);
    }

    public static Svg svg(String source) {
        return new Svg(source);
    }

    /** LaTeX with its {@code $} or {@code $$} delimiters. */
    public static Latex latex(String source) {
        return new Latex(source);
    }

    /** Parses JSON text. */
    public static Json json(String text) {
        return Json.parse(text);
    }

    /** Maps, lists, numbers, records… as JSON ({@code json(Map.of("a", List.of(1, 2)))}). */
    public static Json json(Object value) {
        return Json.of(value);
    }

    /** A PNG, JPEG or GIF image, told apart by its first bytes. */
    public static Image image(byte[] bytes) {
        return Image.of(bytes);
    }

    /** The image encoded as PNG. */
    public static Image image(BufferedImage image) {
        return Image.of(image);
    }

    /** The PNG, JPEG or GIF image in {@code file}. */
    public static Image image(Path file) {
        return Image.file(file);
    }

    /** The PNG, JPEG or GIF image in the file at {@code path} ({@code image("plot.png")}). */
    public static Image image(String path) {
        return Image.file(Path.of(path));
    }
}
