package org.jparallel.display;

import java.util.regex.Pattern;

/**
 * The MIME types Jupyter front ends render, as used for the keys of a {@link MimeBundle}.
 *
 * <pre>{@code
 * MimeBundle.of(MimeType.TEXT_HTML, "<b>hi</b>");
 * }</pre>
 */
public final class MimeType {
    public static final String TEXT_PLAIN = "text/plain";
    public static final String TEXT_HTML = "text/html";
    public static final String TEXT_MARKDOWN = "text/markdown";
    public static final String TEXT_LATEX = "text/latex";
    public static final String IMAGE_SVG = "image/svg+xml";
    public static final String IMAGE_PNG = "image/png";
    public static final String IMAGE_JPEG = "image/jpeg";
    public static final String IMAGE_GIF = "image/gif";
    public static final String APPLICATION_JSON = "application/json";

    /** {@code type/subtype} as RFC 6838 spells them, parameters left out ({@code text/html}, {@code image/svg+xml}). */
    private static final Pattern TYPE_SLASH_SUBTYPE =
            Pattern.compile("[A-Za-z0-9][\\w!#$&^.+-]*/[A-Za-z0-9][\\w!#$&^.+-]*");

    private MimeType() {
    }

    /** Whether {@code text} names a MIME type ({@code type/subtype}), as a bundle's keys must. */
    public static boolean isMimeType(String text) {
        return text != null && TYPE_SLASH_SUBTYPE.matcher(text).matches();
    }

    /** {@code text}, if it names a MIME type; otherwise an error that says what one looks like. */
    static String requireMimeType(String text) {
        if (!isMimeType(text)) {
            throw new IllegalArgumentException((text == null ? "null" : "'" + text + "'")
                    + " is not a MIME type: name one as type/subtype, such as text/html or image/png");
        }
        return text;
    }

    /**
     * Whether Jupyter carries values of this type as JSON rather than as a string:
     * {@code application/json} and every {@code +json} type (Vega, widget views...).
     */
    public static boolean isJson(String mimeType) {
        return mimeType.equals(APPLICATION_JSON) || mimeType.endsWith("+json");
    }
}
