package org.jparallel.repl;

import java.util.List;

/**
 * Completions of the code at a cursor: each match replaces the text from
 * {@code cursorStart} to {@code cursorEnd}.
 */
public record Completion(List<String> matches, int cursorStart, int cursorEnd) {
    public Completion {
        matches = List.copyOf(matches);
    }

    static Completion none(int cursor) {
        return new Completion(List.of(), cursor, cursor);
    }
}
