package org.jparallel.display;

import java.util.Objects;

/**
 * LaTeX for the notebook to typeset, with its own {@code $...$} or {@code $$...$$}
 * delimiters, as Jupyter expects of {@code text/latex}; {@code text/plain} shows the source.
 *
 * <pre>{@code
 * latex("$$e^{i\\pi} + 1 = 0$$")
 * }</pre>
 */
public record Latex(String source) implements Displayable {
    public Latex {
        Objects.requireNonNull(source, "source");
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.text(source).with(MimeType.TEXT_LATEX, source);
    }
}
