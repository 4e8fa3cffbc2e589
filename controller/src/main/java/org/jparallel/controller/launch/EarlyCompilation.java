package org.jparallel.controller.launch;

import java.util.List;
import java.util.stream.Stream;

/**
 * JIT options for the cluster's own JVMs (controller and engines): the code that serves messages (ours, Gson's,
 * BouncyCastle's) is compiled after a hundredth of HotSpot's usual number of calls.
 *
 * <p>Why: each message runs that code once, so with the usual thresholds (200 calls to the first compilation,
 * thousands more for the next tier) a fresh cluster served its first thousand tasks interpreted, then with
 * profiling code, which is what a user's first minute measures. Scaled, those methods reach C1 after two calls;
 * the compilations are cheap (C1, and C2 is kept from them on engines by their directives), and the JDK's code and
 * users' keep HotSpot's own thresholds. Measured with a fresh 4-engine cluster, 3 pairs alternated: an apply round
 * trip right after start 1.29 / 1.56 / 1.82 ms → 1.13 / 0.71 / 0.73, the first 5,000 load-balanced tasks 1,140 /
 * 1,362 / 1,353 → 1,696 / 1,798 / 1,553 tasks/s (bench/README.md).
 */
final class EarlyCompilation {
    static final String SCALING = "0.01";
    private static final List<String> PACKAGES = List.of("org/jparallel", "com/google/gson", "org/bouncycastle");

    static final List<String> JVM_OPTIONS = Stream.concat(Stream.of("-XX:CompileCommand=quiet"),
            PACKAGES.stream().map(p -> "-XX:CompileCommand=CompileThresholdScaling," + p + "/*.*," + SCALING)).toList();

    private EarlyCompilation() {
    }
}
