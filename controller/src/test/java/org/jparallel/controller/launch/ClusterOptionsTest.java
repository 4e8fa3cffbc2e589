package org.jparallel.controller.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterOptionsTest {
    @Test
    void recordsAreKeptInMemoryOrSqliteOnly() {
        assertEquals(List.of("-Djparallel.db=sqlite"),
                ClusterOptions.defaults().withRecords("memory").withRecords("sqlite").controllerJvmOptions());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterOptions.defaults().withRecords("postgres"));
        assertEquals("task records are kept in memory or sqlite, not postgres", e.getMessage());
    }
}
