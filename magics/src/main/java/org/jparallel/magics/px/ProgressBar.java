package org.jparallel.magics.px;

import org.jparallel.client.AsyncResult;
import org.jparallel.display.Display;
import org.jparallel.display.DisplayHandle;
import org.jparallel.display.Displayable;
import org.jparallel.display.MimeBundle;

/**
 * A progress bar for parallel runs longer than a few seconds, updated in place through a display id;
 * short runs never show one.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 20;

    private final AsyncResult<?> result;
    private final Display display;
    private final long showAfterNanos;
    private final long start = System.nanoTime();
    private DisplayHandle handle;
    private int shown = -1;

    ProgressBar(AsyncResult<?> result, Display display, double showAfterSeconds) {
        this.result = result;
        this.display = display;
        this.showAfterNanos = (long) (showAfterSeconds * 1e9);
    }

    void update() {
        if (System.nanoTime() - start < showAfterNanos) {
            return;
        }
        int done = result.progress();
        if (done == shown) {
            return;
        }
        shown = done;
        Displayable bar = () -> bundle(done, result.size());
        if (handle == null) {
            handle = display.display(bar);
        } else {
            handle.update(bar);
        }
    }

    static MimeBundle bundle(int done, int total) {
        return bundle(done, total, "");
    }

    /** @param end what ended the run before every task finished (", interrupted"), or nothing */
    static MimeBundle bundle(int done, int total, String end) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String text = "%px: [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total
                + " tasks finished" + end;
        String html = "<progress value=\"" + done + "\" max=\"" + total + "\"></progress> %px: " + done + "/" + total
                + " tasks finished" + end;
        return MimeBundle.text(text).with("text/html", html);
    }

    @Override
    public void close() {
        if (handle != null) {
            shown = -1;
            int done = result.progress();
            String end = result.isCancelled() ? ", then interrupted" : "";
            handle.update((Displayable) () -> bundle(done, result.size(), end));
        }
    }
}
