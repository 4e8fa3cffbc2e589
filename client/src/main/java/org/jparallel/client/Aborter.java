package org.jparallel.client;

import java.util.List;

/** Asks the cluster to abort tasks: those queued are dropped, and with {@code interruptRunning} those running stop. */
@FunctionalInterface
interface Aborter {
    void abort(List<String> msgIds, boolean interruptRunning);
}
