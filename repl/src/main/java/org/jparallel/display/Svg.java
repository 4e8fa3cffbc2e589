package org.jparallel.display;

import java.util.Objects;

/**
 * An SVG document for the notebook to draw; {@code text/plain} shows the source.
 *
 * <pre>{@code
 * svg("<svg xmlns='http://www.w3.org/2000/svg' width='20' height='20'><circle cx='10' cy='10' r='8'/></svg>")
 * }</pre>
 */
public record Svg(String source) implements Displayable {
    public Svg {
        Objects.requireNonNull(source, "source");
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.text(source).with(MimeType.IMAGE_SVG, source);
    }
}
