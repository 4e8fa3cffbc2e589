package org.jparallel.display;

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

    private MimeType() {
    }

    /**
     * Whether Jupyter carries values of this type as JSON rather than as a string:
     * {@code application/json} and every {@code +json} type (Vega, widget views...).
     */
    public static boolean isJson(String mimeType) {
        return mimeType.equals(APPLICATION_JSON) || mimeType.endsWith("+json");
    }
}
