package org.jparallel.controller;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A cluster's owner killed and not yet reaped by its parent (a zombie) counts as ended. */
class OwnerProcessZombieTest {

    @Test
    void aZombieOwnerCountsAsEnded() throws Exception {
        // The inner sleep's parent execs a sleep that never reaps it: killed, it stays a zombie.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 120 & echo $!; exec sleep 120").start();
        try {
            long owner;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                    StandardCharsets.UTF_8))) {
                owner = Long.parseLong(out.readLine().strip());
            }
            CountDownLatch ended = new CountDownLatch(1);
            OwnerProcess.whenEnded(owner, ended::countDown);
            assertFalse(ended.await(1500, TimeUnit.MILLISECONDS), "ended while the owner runs");
            ProcessHandle.of(owner).orElseThrow().destroyForcibly();
            assertTrue(ended.await(10, TimeUnit.SECONDS), "a killed owner, not reaped yet, did not count as ended");
            assertTrue(OwnerProcess.isZombie(owner), "the test's owner should be a zombie");
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aProcessThatIsNotThereHasEndedAtOnce() {
        CountDownLatch ended = new CountDownLatch(1);
        OwnerProcess.whenEnded(Long.MAX_VALUE / 2, ended::countDown);
        assertTrue(ended.getCount() == 0);
    }
}
