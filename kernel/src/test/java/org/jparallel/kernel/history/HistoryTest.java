package org.jparallel.kernel.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private final History history = new History();

    @BeforeEach
    void fill() {
        history.add(1, "int a = 1;");
        history.add(2, "a + 1");
        history.add(3, "int b = 2;");
        history.add(4, "a + 1");
    }

    private static List<String> inputs(List<History.Entry> entries) {
        return entries.stream().map(History.Entry::input).toList();
    }

    @Test
    void tailGivesTheLastInputsOldestFirst() {
        assertEquals(List.of("int b = 2;", "a + 1"), inputs(history.tail(2)));
    }

    @Test
    void rangeIsHalfOpen() {
        assertEquals(List.of("a + 1", "int b = 2;"), inputs(history.range(0, 2, 4)));
    }

    @Test
    void rangeOfAnEarlierSessionIsEmpty() {
        assertEquals(List.of(), history.range(-1, 0, 0));
    }

    @Test
    void searchMatchesAGlob() {
        assertEquals(List.of("int a = 1;", "int b = 2;"), inputs(history.search("int*", 0, false)));
    }

    @Test
    void uniqueSearchKeepsTheLatestOfEachInput() {
        List<History.Entry> found = history.search("a*", 0, true);
        assertEquals(1, found.size());
        assertEquals(4, found.get(0).line());
    }
}
