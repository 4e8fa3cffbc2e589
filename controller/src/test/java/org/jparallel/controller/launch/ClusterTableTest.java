package org.jparallel.controller.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterTableTest {
    @Test
    void aRowShowsSchemeAndHighWaterMark() {
        List<String> lines = ClusterTable.of(List.of(new ClusterStatus("default", 4242, 4, Duration.ofSeconds(75), "lru", 0)))
                .lines().toList();
        assertEquals(List.of("PROFILE", "PID", "ENGINES", "SCHEME", "HWM", "UPTIME", "HOSTS"),
                List.of(lines.get(0).trim().split("\\s+")));
        assertEquals(List.of("default", "4242", "4", "lru", "0", "1m15s", "?"), List.of(lines.get(1).trim().split("\\s+")));
    }

    @Test
    void theHostsColumnCountsTheEnginesOfEachHost() {
        ClusterStatus twoHosts = new ClusterStatus("wide", 9, 6, Duration.ofSeconds(5), "leastload", 1,
                new java.util.TreeMap<>(java.util.Map.of("vm", 4, "node7", 2)));
        String row = ClusterTable.of(List.of(twoHosts)).lines().toList().get(1);
        assertEquals("node7:2,vm:4", List.of(row.trim().split("\\s+")).get(6));
    }

    @Test
    void aControllerThatDidNotAnswerShowsQuestionMarks() {
        String row = ClusterTable.of(List.of(new ClusterStatus("slow", 7, -1, Duration.ofHours(2), "?", -1))).lines().toList().get(1);
        assertEquals(List.of("slow", "7", "?", "?", "?", "2h0m", "?"), List.of(row.trim().split("\\s+")));
    }
}
