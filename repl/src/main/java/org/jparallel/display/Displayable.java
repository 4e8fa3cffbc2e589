package org.jparallel.display;

/**
 * A value that knows how a notebook should show it. {@link MimeRenderer} asks it first,
 * before its own rules; an empty bundle shows nothing; {@code text/plain} is added when
 * missing.
 *
 * <pre>{@code
 * record Temperature(double celsius) implements Displayable {
 *     public MimeBundle toMimeBundle() {
 *         return MimeBundle.of(MimeType.TEXT_HTML, "<b>" + celsius + " &deg;C</b>");
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Displayable {
    MimeBundle toMimeBundle();
}
