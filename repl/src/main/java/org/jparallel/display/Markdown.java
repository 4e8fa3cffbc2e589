package org.jparallel.display;

import java.util.Objects;

/**
 * Markdown for the notebook to render; {@code text/plain} shows the source.
 *
 * <pre>{@code
 * markdown("# Results\n* **3** rows")   // as a cell's last expression
 * }</pre>
 */
public record Markdown(String source) implements Displayable {
    public Markdown {
        Objects.requireNonNull(source, "source");
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.text(source).with(MimeType.TEXT_MARKDOWN, source);
    }
}
