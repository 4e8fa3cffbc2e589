package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.Parallel;
import org.jparallel.client.TaskFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task records in SQLite ({@code jpcluster start --db sqlite}) outlive their controller. */
class SqliteRecordsTest {
    static final List<String> SQLITE = List.of("-Djparallel.db=sqlite");
    @TempDir
    Path home;

    @Test
    void aRestartedControllerStillAnswersForFinishedTasks() throws Exception {
        String id;
        try (ItCluster first = new ItCluster(home, 1, SQLITE); Client rc = first.connect()) {
            AsyncResult<String> ar = rc.loadBalancedView().withFlags(TaskFlags.NONE.withLabel("kept"))
                    .apply(() -> { System.out.println("before the restart"); return "still here"; });
            assertEquals("still here", ar.get(Duration.ofSeconds(60)));
            id = ar.msgIds().get(0);
        }
        Path db = home.resolve("profile_" + ItCluster.PROFILE).resolve("tasks.db");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)),
                "what tasks returned is for the cluster's owner only");
        try (ItCluster second = new ItCluster(home, 1, SQLITE); Client rc = second.connect()) {
            AsyncResult<Object> result = rc.getResult(id);
            assertEquals("still here", result.get(Duration.ofSeconds(10)));
            assertEquals("kept", result.label());
            assertEquals(List.of("before the restart\n"), result.stdout());
            assertEquals(List.of(id), rc.resultStatus(List.of(id)).completed());
            assertTrue(rc.hubHistory().contains(id), "a restarted kernel finds it in the history");
            assertEquals("after it", rc.loadBalancedView().withFlags(Parallel.after(result))
                    .apply(() -> "after it").get(Duration.ofSeconds(30)), "a task of the controller before may be"
                    + " depended on");
        }
    }

    @Test
    void aRestartedControllerRunsAFinishedTaskAgain() throws Exception {
        String id;
        try (ItCluster first = new ItCluster(home, 1, SQLITE); Client rc = first.connect()) {
            AsyncResult<Integer> ar = rc.loadBalancedView().apply((Integer x) -> x * 2, 21);
            assertEquals(42, ar.get(Duration.ofSeconds(60)));
            id = ar.msgIds().get(0);
        }
        try (ItCluster second = new ItCluster(home, 1, SQLITE); Client rc = second.connect()) {
            assertEquals(42, rc.resubmit(id).get(Duration.ofSeconds(60)));
        }
    }
}
