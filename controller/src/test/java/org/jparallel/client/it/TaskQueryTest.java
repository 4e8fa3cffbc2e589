package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.LoadBalancedView;
import org.jparallel.client.TaskFlags;
import org.jparallel.client.TaskInfo;
import org.jparallel.client.TaskQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code rc.dbQuery}: the controller's records of tasks, listed by criteria, as ipyparallel's {@code db_query}. */
class TaskQueryTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(2);
    final Client rc = cluster.client();
    final String label = "q-" + UUID.randomUUID();
    final LoadBalancedView lv = rc.loadBalancedView().withFlags(TaskFlags.NONE.withLabel(label));

    @Test
    void listsTheTasksOfALabelOldestFirst() throws Exception {
        AsyncResult<Integer> first = lv.apply(() -> 1);
        first.get(WAIT);
        AsyncResult<Integer> second = lv.apply(() -> { System.out.println("two"); return 2; });
        second.get(WAIT);

        List<TaskInfo> found = rc.dbQuery(TaskQuery.all().label(label));

        assertEquals(List.of(first.msgIds().get(0), second.msgIds().get(0)), found.stream().map(TaskInfo::msgId).toList());
        TaskInfo two = found.get(1);
        assertEquals("ok", two.status());
        assertEquals("apply_request", two.msgType());
        assertEquals("two\n", two.stdout());
        assertEquals(second.metadata().get(0).engineId(), two.engineId());
        assertTrue(two.completed().isPresent() && two.started().isPresent());
    }

    @Test
    void listsFailedTasksWithTheirError() throws Exception {
        lv.apply(() -> 1).get(WAIT);
        AsyncResult<Integer> failed = lv.apply(() -> { throw new IllegalStateException("no disk"); });
        failed.waitFor(WAIT);

        List<TaskInfo> found = rc.dbQuery(TaskQuery.all().label(label).status("error"));

        assertEquals(List.of(failed.msgIds().get(0)), found.stream().map(TaskInfo::msgId).toList());
        String error = found.get(0).error().orElseThrow();
        assertTrue(error.contains("IllegalStateException") && error.contains("no disk"), error);
    }

    @Test
    void listsARunningTaskWithWhatItPrintedSoFar() throws Exception {
        AsyncResult<Integer> running = lv.apply(() -> {
            System.out.println("halfway");
            System.out.flush();
            Thread.sleep(3000);
            return 1;
        });
        TaskInfo info = null;
        for (int i = 0; i < 40 && (info == null || info.stdout().isEmpty()); i++) {
            Thread.sleep(50);
            List<TaskInfo> pending = rc.dbQuery(TaskQuery.all().label(label).status("pending"));
            info = pending.isEmpty() ? null : pending.get(0);
        }

        assertEquals(running.msgIds().get(0), info.msgId());
        assertEquals("halfway\n", info.stdout());
        assertTrue(info.completed().isEmpty());
        assertTrue(rc.dbQuery(TaskQuery.all().label(label).completedAfter(Instant.EPOCH)).isEmpty(),
                "a criterion on completion leaves out what is pending");
        running.get(WAIT);
    }

    @Test
    void findsTasksByEngineAndCompletionTime() throws Exception {
        rc.loadBalancedView(0).withFlags(TaskFlags.NONE.withLabel(label)).apply(() -> 0).get(WAIT);
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        AsyncResult<Integer> later = rc.loadBalancedView(1).withFlags(TaskFlags.NONE.withLabel(label)).apply(() -> 1);
        later.get(WAIT);

        TaskQuery mine = TaskQuery.all().label(label);
        assertEquals(List.of(later.msgIds().get(0)),
                rc.dbQuery(mine.engine(1)).stream().map(TaskInfo::msgId).toList());
        assertEquals(List.of(later.msgIds().get(0)),
                rc.dbQuery(mine.completedAfter(between)).stream().map(TaskInfo::msgId).toList());
        assertEquals(1, rc.dbQuery(mine.completedBefore(between)).size());
    }

    @Test
    void anUnknownStatusIsRefusedWithTheWordsThatAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaskQuery.all().status("failed"));
        assertTrue(e.getMessage().contains("pending, ok, error or aborted"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TaskQuery.all().status());
    }

    @Test
    void aMessageTypeIsTakenWithOrWithoutItsSuffixAndAnUnknownOneIsRefused() throws Exception {
        AsyncResult<Integer> applied = lv.apply(() -> 1);
        applied.get(WAIT);
        List<String> ids = List.of(applied.msgIds().get(0));
        assertEquals(ids, rc.dbQuery(TaskQuery.all().label(label).msgType("apply")).stream().map(TaskInfo::msgId).toList());
        assertEquals(ids, rc.dbQuery(TaskQuery.all().label(label).msgType("apply_request")).stream().map(TaskInfo::msgId).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskQuery.all().msgType("map"));
        assertTrue(e.getMessage().contains("apply, execute, push, pull or clear"), e.getMessage());
    }
}
