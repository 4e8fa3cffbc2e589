package org.jparallel.controller.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterOptionsTest {
    @Test
    void optionsSplitOnWhitespaceOutsideQuotes() {
        assertEquals(List.of("-Xmx2g", "-Da=b c", "-Dd=e f", "-cp", "x.jar"),
                ClusterOptions.splitOptions("  -Xmx2g \"-Da=b c\" -Dd='e f'  -cp x.jar "));
    }

    @Test
    void joinedOptionsSplitBackToTheSameList() {
        List<String> options = List.of("-Xmx2g", "-Dgreeting=hello world", "-Dquote=say \"hi\"", "-Dit's=fine");
        assertEquals(options, ClusterOptions.splitOptions(ClusterOptions.joinOptions(options)));
    }

    @Test
    void recordsAreKeptInMemoryOrSqliteOnly() {
        assertEquals(List.of("-Djparallel.db=sqlite"),
                ClusterOptions.defaults().withRecords("memory").withRecords("sqlite").controllerJvmOptions());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterOptions.defaults().withRecords("postgres"));
        assertEquals("task records are kept in memory or sqlite, not postgres", e.getMessage());
    }
}
