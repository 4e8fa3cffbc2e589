package org.jparallel.kernel.handler;

/** Converts between Jupyter's cursor positions (Unicode code points) and Java string indexes. */
final class CodePoints {
    private CodePoints() {
    }

    static int toIndex(String text, int codePoints) {
        int clamped = Math.max(0, Math.min(codePoints, text.codePointCount(0, text.length())));
        return text.offsetByCodePoints(0, clamped);
    }

    static int fromIndex(String text, int index) {
        return text.codePointCount(0, Math.max(0, Math.min(index, text.length())));
    }
}
