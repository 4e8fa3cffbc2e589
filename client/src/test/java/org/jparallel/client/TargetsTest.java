package org.jparallel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {
    private static final List<Integer> FOUR = List.of(0, 1, 2, 3);

    private static List<Integer> pick(String spec) {
        return Targets.parse(spec).resolve(FOUR);
    }

    @Test
    void allIsEveryEngine() {
        assertEquals(FOUR, pick("all"));
    }

    @Test
    void aSingleIdIsThatEngine() {
        assertEquals(List.of(2), pick("2"));
    }

    @Test
    void aNegativeIdCountsFromTheLastEngine() {
        assertEquals(List.of(3), pick("-1"));
        assertEquals(List.of(0, 2), pick("0,-2"));
        assertEquals(List.of(5), Targets.parse("-1").resolve(List.of(2, 5)));
        assertThrows(ClusterException.class, () -> pick("-5"));
    }

    @Test
    void listsWithOrWithoutBrackets() {
        assertEquals(List.of(1, 2), pick("1,2"));
        assertEquals(List.of(0, 3), pick("[0,3]"));
    }

    @Test
    void slicesFollowPython() {
        assertEquals(List.of(0, 2), pick("::2"));
        assertEquals(List.of(1, 2), pick("1:3"));
        assertEquals(List.of(3), pick("-1:"));
        assertEquals(List.of(3, 2, 1, 0), pick("::-1"));
    }

    @Test
    void anEngineThatDoesNotExistNamesTheOnesThatDo() {
        var e = assertThrows(ClusterException.class, () -> pick("9"));
        assertEquals("no engine 9: the engines are [0, 1, 2, 3]", e.getMessage());
    }

    @Test
    void garbageIsRejectedWithTheGrammar() {
        var e = assertThrows(IllegalArgumentException.class, () -> pick("System.exit(0)"));
        assertTrue(e.getMessage().contains("a slice (::2, 1:3)"), e.getMessage());
    }

    @Test
    void aZeroStepIsRejectedAsItIsParsed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Targets.parse("::0"));
        assertEquals("bad targets '::0': a slice step cannot be zero", e.getMessage());
    }

    @Test
    void emptySliceSaysSo() {
        assertThrows(ClusterException.class, () -> pick("5:"));
    }
}
