package org.jparallel.kernel.history;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inputs of this kernel's cells, for {@code history_request}: tail, range and search, as IPython's
 * history manager answers them. This process's session is number 1.
 */
public final class History {
    /** One input and the text of its result, if it had one, as Jupyter's history tuples hold them. */
    public record Entry(int session, int line, String input, String output) {
    }

    public static final int SESSION = 1;

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(int line, String input) {
        entries.add(new Entry(SESSION, line, input, null));
    }

    /** Records the {@code text/plain} result of the input at {@code line}. */
    public synchronized void output(int line, String text) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            if (entry.line() == line) {
                entries.set(i, new Entry(entry.session(), line, entry.input(), text));
                return;
            }
        }
    }

    /**
     * This session's inputs by line, as IPython's {@code In}: a live view that cells read ({@code In.get(3)}), and
     * cannot change.
     */
    public Map<Integer, String> inputs() {
        return new AbstractMap<>() {
            @Override
            public Set<Map.Entry<Integer, String>> entrySet() {
                Map<Integer, String> byLine = new LinkedHashMap<>();
                synchronized (History.this) {
                    entries.forEach(entry -> byLine.put(entry.line(), entry.input()));
                }
                return Collections.unmodifiableMap(byLine).entrySet();
            }
        };
    }

    /** The last {@code n} inputs, oldest first. */
    public synchronized List<Entry> tail(int n) {
        return List.copyOf(entries.subList(Math.max(0, entries.size() - Math.max(0, n)), entries.size()));
    }

    /**
     * Inputs with {@code start <= line < stop} of a session (0 or 1 mean this one; a negative session counts
     * back from it, and only this one is kept, so earlier sessions are empty). {@code stop} 0 or less: to the end.
     */
    public synchronized List<Entry> range(int session, int start, int stop) {
        if (session != 0 && session != SESSION) {
            return List.of();
        }
        return entries.stream()
                .filter(e -> e.line() >= start && (stop <= 0 || e.line() < stop))
                .toList();
    }

    /**
     * Inputs matching a glob ({@code *} and {@code ?}), newest {@code n} (all when {@code n <= 0}),
     * each text once when {@code unique}.
     */
    public synchronized List<Entry> search(String glob, int n, boolean unique) {
        Pattern pattern = Pattern.compile(globToRegex(glob), Pattern.DOTALL);
        List<Entry> matches = entries.stream().filter(e -> pattern.matcher(e.input()).matches()).toList();
        if (unique) {
            Map<String, Entry> latest = new LinkedHashMap<>();
            for (Entry e : matches) {
                latest.remove(e.input());
                latest.put(e.input(), e);
            }
            matches = List.copyOf(latest.values());
        }
        return n > 0 && matches.size() > n ? matches.subList(matches.size() - n, matches.size()) : matches;
    }

    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
