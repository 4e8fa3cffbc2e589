package org.jparallel.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The process a cluster belongs to (the kernel that ran {@code %cluster start}): when it ends, the cluster stops.
 *
 * <p>A killed process whose parent has not reaped it yet is a zombie, and the JDK takes it for alive: a kernel killed
 * with {@code kill -9} under a parent that reaps late left its cluster running for tens of seconds. On Linux its
 * state in {@code /proc} says so, looked at once a second.
 *
 * <pre>{@code
 * OwnerProcess.whenEnded(ownerPid, controller::close);
 * }</pre>
 */
final class OwnerProcess {
    private static final long POLL_MILLIS = 1000;

    private OwnerProcess() {
    }

    /** Runs {@code action} once the process ends or is a zombie; at once when there is no such process. */
    static void whenEnded(long pid, Runnable action) {
        ProcessHandle owner = ProcessHandle.of(pid).orElse(null);
        if (owner == null) {
            action.run();
            return;
        }
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "jparallel-owner-watch");
            thread.setDaemon(true);
            return thread;
        });
        AtomicBoolean ended = new AtomicBoolean();
        Runnable once = () -> {
            if (ended.compareAndSet(false, true)) {
                poll.shutdown();
                action.run();
            }
        };
        owner.onExit().thenRun(once);
        poll.scheduleWithFixedDelay(() -> {
            if (isZombie(pid)) {
                once.run();
            }
        }, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Whether /proc says the process has ended and waits to be reaped (false where there is no /proc). */
    static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (command) S …": the command may hold spaces and parentheses, the state follows the last ')'.
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
