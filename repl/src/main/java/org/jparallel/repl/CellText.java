package org.jparallel.repl;

/**
 * A cell as the user typed it, for telling where something is: lines and columns count from 1.
 *
 * @param name how tracebacks name the cell, e.g. {@code cell} or {@code In [3]}
 * @param text the cell
 */
record CellText(String name, String text) {

    int lineOf(int position) {
        int line = 1;
        int end = Math.min(position, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    int columnOf(int position) {
        int end = Math.min(position, text.length());
        return end - (text.lastIndexOf('\n', end - 1) + 1) + 1;
    }

    /** The source line holding {@code position}, followed by a line with a caret under it. */
    String pointAt(int position) {
        int end = Math.min(position, text.length());
        int lineStart = text.lastIndexOf('\n', end - 1) + 1;
        int lineEnd = text.indexOf('\n', lineStart);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).stripTrailing();
        StringBuilder caret = new StringBuilder();
        for (int i = lineStart; i < end; i++) {
            caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        return line + "\n" + caret + "^";
    }

    String where(int position) {
        return name + " line " + lineOf(position) + ", column " + columnOf(position);
    }
}
