package org.jparallel.display;

import java.util.Objects;

/**
 * HTML for the notebook to render; {@code text/plain} shows the source.
 *
 * <pre>{@code
 * html("<b>bold</b> and <i>italic</i>")   // as a cell's last expression
 * }</pre>
 */
public record Html(String source) implements Displayable {
    public Html {
        Objects.requireNonNull(source, "source");
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.text(source).with(MimeType.TEXT_HTML, source);
    }
}
