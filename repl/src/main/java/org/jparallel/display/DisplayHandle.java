package org.jparallel.display;

import java.util.Objects;

/**
 * An output shown by {@link Display}, which can be replaced in place. It renders as nothing,
 * so a cell ending in {@code display(x)} shows {@code x} once, not also the handle.
 *
 * <pre>{@code
 * var progress = display(html("<progress value=0 max=10/>"));
 * for (int i = 1; i <= 10; i++) { work(); progress.update(html("<progress value=" + i + " max=10/>")); }
 * }</pre>
 */
public final class DisplayHandle implements Displayable {
    private final String id;
    private final Display display;

    DisplayHandle(String id, Display display) {
        this.id = Objects.requireNonNull(id, "id");
        this.display = display;
    }

    /** The display id ({@code transient.display_id}) the output was shown under. */
    public String id() {
        return id;
    }

    /** Replaces the output with {@code value}. */
    public void update(Object value) {
        display.updateDisplay(id, value);
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.empty();
    }

    @Override
    public String toString() {
        return "DisplayHandle[" + id + "]";
    }
}
