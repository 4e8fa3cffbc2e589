package org.jparallel.display;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

/**
 * Turns a value into the {@link MimeBundle} a notebook shows. Every non-empty bundle has
 * {@code text/plain}, written as JShell writes values ({@code "abc"}, {@code int[2] { 1, 2 }}).
 * Richer types come, first match wins, from: renderers registered on this instance (the
 * latest registration first), {@link Displayable} (which {@link Html}, {@link Markdown},
 * {@link Svg}, {@link Latex}, {@link Json}, {@link Image} implement), and
 * {@link BufferedImage} (as PNG). A {@link Displayable} that returns an empty bundle shows
 * nothing.
 *
 * <pre>{@code
 * MimeRenderer renderer = new MimeRenderer()
 *         .register(Duration.class, d -> MimeBundle.of(MimeType.TEXT_HTML, "<i>" + d.toMillis() + " ms</i>"));
 * renderer.render(Duration.ofSeconds(2));   // text/plain "PT2S" and text/html "<i>2000 ms</i>"
 * renderer.render(new int[] {1, 2});        // text/plain "int[2] { 1, 2 }"
 * }</pre>
 *
 * <p>Safe to use from several threads. A renderer registered for a class declared in a
 * JShell cell stops matching once the cell is re-run, since that declares a new class.
 */
public final class MimeRenderer {

    private record Rule<T>(Class<T> type, Function<? super T, MimeBundle> renderer) {
        MimeBundle apply(Object value) {
            return Objects.requireNonNull(renderer.apply(type.cast(value)),
                    () -> "renderer for " + type.getName() + " returned null");
        }
    }

    // Newest first, so that a later registration overrides an earlier one (or a built-in
    // rule) for the values they both match.
    private final Deque<Rule<?>> rules = new ConcurrentLinkedDeque<>();

    /** Renders instances of {@code type} (and its subtypes) with {@code renderer}; returns this. */
    public <T> MimeRenderer register(Class<T> type, Function<? super T, MimeBundle> renderer) {
        rules.addFirst(new Rule<>(Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(renderer, "renderer")));
        return this;
    }

    /**
     * Whether rendering {@code value} may run code of the user's (a {@code toString}, a container's elements', a
     * registered renderer): not for null, strings, boxed primitives, big numbers and primitive arrays while no
     * renderer is registered, which callers may then render in place.
     */
    public boolean mayRunUserCode(Object value) {
        return !rules.isEmpty() || !(value == null || value instanceof String || value instanceof Boolean || value instanceof Character
                || value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof Float || value instanceof Short || value instanceof Byte
                || value instanceof java.math.BigInteger || value instanceof java.math.BigDecimal
                || value.getClass().isArray() && value.getClass().getComponentType().isPrimitive());
    }

    /** Every representation this renderer knows for {@code value}, which may be null. */
    public MimeBundle render(Object value) {
        return richRendering(value)
                .map(bundle -> bundle.isEmpty() || bundle.has(MimeType.TEXT_PLAIN) || value instanceof MimeBundle
                        ? bundle
                        : bundle.with(MimeType.TEXT_PLAIN, PlainText.of(value)))
                .orElseGet(() -> MimeBundle.text(PlainText.of(value)));
    }

    /**
     * {@code value} as the one representation {@code mimeType}. Text is taken as is (for a
     * binary image type, as base64 already), bytes are base64-encoded, and for JSON types a
     * String is parsed and other objects serialized by Gson. Any other value is
     * {@linkplain #render(Object) rendered} and must have {@code mimeType}.
     *
     * <pre>{@code
     * renderer.render("text/html", "<b>hi</b>");
     * renderer.render("image/png", Files.readAllBytes(Path.of("plot.png")));
     * renderer.render("image/png", bufferedImage);
     * }</pre>
     *
     * <p>IJava's order, {@code render("<b>hi</b>", "text/html")}, is taken too: the value first, then its type.
     *
     * @throws IllegalArgumentException if neither argument is a MIME type, or the value has no such representation
     */
    public MimeBundle render(String mimeType, Object value) {
        if (!MimeType.isMimeType(mimeType) && value instanceof String type && MimeType.isMimeType(type)) {
            return render((Object) mimeType, type);
        }
        MimeType.requireMimeType(mimeType);
        Objects.requireNonNull(value, () -> "cannot show null as " + mimeType);
        if (MimeType.isJson(mimeType)) {
            return MimeBundle.of(mimeType, json(mimeType, value));
        }
        if (value instanceof CharSequence text) {
            return MimeBundle.of(mimeType, text.toString());
        }
        if (value instanceof byte[] bytes) {
            return MimeBundle.of(mimeType, Base64.getEncoder().encodeToString(bytes));
        }
        return render(value).only(mimeType).orElseThrow(() -> new IllegalArgumentException(
                value.getClass().getName() + " has no " + mimeType + " representation"));
    }

    /**
     * {@code value} as the representations {@code mimeTypes}, in that order (IJava's {@code render(value, types)});
     * with none, every representation ({@link #render(Object)}).
     *
     * @throws IllegalArgumentException if a type is not a MIME type, or {@code value} has no such representation
     */
    public MimeBundle render(Object value, String... mimeTypes) {
        if (mimeTypes.length == 0) {
            return render(value);
        }
        MimeBundle all = MimeBundle.empty();
        for (String mimeType : mimeTypes) {
            all = all.and(render(MimeType.requireMimeType(mimeType), value));
        }
        return all;
    }

    private JsonElement json(String mimeType, Object value) {
        if (value instanceof JsonElement element) {
            return element;
        }
        if (value instanceof CharSequence text) {
            return JsonParser.parseString(text.toString());
        }
        return render(value).only(mimeType)
                .map(bundle -> (JsonElement) bundle.data().get(mimeType))
                .orElseGet(() -> Json.of(value).value());
    }

    private Optional<MimeBundle> richRendering(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Rule<?> rule : rules) {
            if (rule.type().isInstance(value)) {
                return Optional.of(rule.apply(value));
            }
        }
        if (value instanceof Displayable displayable) {
            return Optional.of(Objects.requireNonNull(displayable.toMimeBundle(),
                    () -> value.getClass().getName() + ".toMimeBundle() returned null"));
        }
        if (value instanceof BufferedImage image) {
            return Optional.of(Image.of(image).toMimeBundle());
        }
        return Optional.empty();
    }
}
