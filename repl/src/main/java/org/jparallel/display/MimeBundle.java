package org.jparallel.display;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One value in every representation a front end may choose from: the {@code data} and
 * {@code metadata} of Jupyter's {@code display_data}, {@code update_display_data} and
 * {@code execute_result}.
 *
 * <p>Each {@code data} value is a {@link JsonElement} for {@link MimeType#isJson JSON types}
 * and a {@link String} for every other type (text, or base64 for binary images). {@code metadata} is keyed by
 * MIME type too, e.g. {@code {"image/png": {"width": 640, "height": 480}}}. An empty bundle
 * means there is nothing to show.
 *
 * <pre>{@code
 * MimeBundle bundle = MimeBundle.text("3 rows").with(MimeType.TEXT_HTML, "<table>...</table>");
 * }</pre>
 */
public record MimeBundle(Map<String, Object> data, Map<String, JsonElement> metadata) implements Displayable {

    public MimeBundle {
        data = frozenCopy(data);
        metadata = frozenCopy(metadata);
        data.forEach(MimeBundle::requireWireValue);
    }

    /** A bundle with nothing to show. */
    public static MimeBundle empty() {
        return new MimeBundle(Map.of(), Map.of());
    }

    /** A bundle with one representation. */
    public static MimeBundle of(String mimeType, Object value) {
        return empty().with(mimeType, value);
    }

    /** A bundle with only {@code text/plain}. */
    public static MimeBundle text(String plain) {
        return of(MimeType.TEXT_PLAIN, plain);
    }

    /** This bundle with {@code mimeType} added, or replaced in its place. */
    public MimeBundle with(String mimeType, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.put(mimeType, value);
        return new MimeBundle(copy, metadata);
    }

    /** This bundle with every representation of {@code other} (and its metadata) added, or replaced in place. */
    public MimeBundle and(MimeBundle other) {
        Map<String, Object> data = new LinkedHashMap<>(this.data);
        data.putAll(other.data);
        Map<String, JsonElement> metadata = new LinkedHashMap<>(this.metadata);
        metadata.putAll(other.metadata);
        return new MimeBundle(data, metadata);
    }

    /** This bundle with the metadata entry {@code key} (usually a MIME type) added or replaced. */
    public MimeBundle withMetadata(String key, JsonElement value) {
        Map<String, JsonElement> copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        return new MimeBundle(data, copy);
    }

    /** This bundle with the display size Jupyter reads from {@code metadata[mimeType]}. */
    public MimeBundle withSize(String mimeType, int width, int height) {
        JsonObject size = new JsonObject();
        size.addProperty("width", width);
        size.addProperty("height", height);
        return withMetadata(mimeType, size);
    }

    /** Only the representation {@code mimeType} and its metadata, if this bundle has it. */
    public Optional<MimeBundle> only(String mimeType) {
        if (!data.containsKey(mimeType)) {
            return Optional.empty();
        }
        MimeBundle only = of(mimeType, data.get(mimeType));
        return Optional.of(metadata.containsKey(mimeType)
                ? only.withMetadata(mimeType, metadata.get(mimeType))
                : only);
    }

    /** A bundle shows as itself: a cell that ends in one (IJava's {@code render(...)}) shows its representations. */
    @Override
    public MimeBundle toMimeBundle() {
        return this;
    }

    public boolean has(String mimeType) {
        return data.containsKey(mimeType);
    }

    public boolean isEmpty() {
        return data.isEmpty();
    }

    /** {@code data} as the JSON object a Jupyter message carries. */
    public JsonObject dataJson() {
        JsonObject json = new JsonObject();
        data.forEach((mime, value) -> json.add(mime, value instanceof JsonElement element
                ? element.deepCopy()
                : new JsonPrimitive((String) value)));
        return json;
    }

    /** {@code metadata} as the JSON object a Jupyter message carries. */
    public JsonObject metadataJson() {
        JsonObject json = new JsonObject();
        metadata.forEach((key, value) -> json.add(key, value.deepCopy()));
        return json;
    }

    // JsonElements are mutable: copying them keeps a published bundle from changing
    // under the front end when the cell that built it goes on mutating its tree.
    private static <V> Map<String, V> frozenCopy(Map<String, V> map) {
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            Objects.requireNonNull(key, "MIME bundle key");
            Objects.requireNonNull(value, () -> "MIME bundle value for " + key);
            @SuppressWarnings("unchecked")
            V copied = value instanceof JsonElement element ? (V) element.deepCopy() : value;
            copy.put(key, copied);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static void requireWireValue(String mimeType, Object value) {
        boolean json = MimeType.isJson(mimeType);
        if (json ? !(value instanceof JsonElement) : !(value instanceof String)) {
            throw new IllegalArgumentException(mimeType + " must be " + (json ? "a JsonElement" : "a String")
                    + ", not " + value.getClass().getName());
        }
    }
}
