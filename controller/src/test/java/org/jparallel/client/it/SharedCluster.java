package org.jparallel.client.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jparallel.client.Client;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real cluster for all the tests of a class, with a client connected to it: started before the class's
 * {@code @BeforeAll} methods, stopped after its {@code @AfterAll} methods (failing when a process outlives it).
 *
 * <pre>
 * &#64;RegisterExtension
 * static final SharedCluster cluster = SharedCluster.engines(2);
 * final LoadBalancedView lv = cluster.client().loadBalancedView();
 * </pre>
 */
final class SharedCluster implements BeforeAllCallback, AfterAllCallback {

    private final int engines;
    private final List<String> controllerJvmOptions;
    private final boolean sessionsOpen;
    private Path home;
    private ItCluster cluster;
    private Client client;

    private SharedCluster(int engines, List<String> controllerJvmOptions, boolean sessionsOpen) {
        this.engines = engines;
        this.controllerJvmOptions = List.copyOf(controllerJvmOptions);
        this.sessionsOpen = sessionsOpen;
    }

    static SharedCluster engines(int engines) {
        return new SharedCluster(engines, List.of(), false);
    }

    /** The same cluster whose engines have opened their JShell sessions before the first test. */
    SharedCluster withSessionsOpen() {
        return new SharedCluster(engines, controllerJvmOptions, true);
    }

    /** The same cluster whose controller runs with these JVM options, e.g. {@code -Djparallel.taskRecords=20}. */
    SharedCluster withControllerJvmOptions(String... options) {
        return new SharedCluster(engines, List.of(options), sessionsOpen);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        home = Files.createTempDirectory("jparallel-it-");
        cluster = new ItCluster(home, engines, controllerJvmOptions);
        client = sessionsOpen ? cluster.connectReady() : cluster.connect();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            ItCluster.close(client, cluster);
        } finally {
            delete(home);
        }
    }

    /** The client every test of the class shares; tests that need a client of their own connect one. */
    Client client() {
        return client;
    }

    /** A client of the test's own, to close when done. */
    Client connect() {
        return cluster.connect();
    }

    Path clientFile() {
        return cluster.clientFile();
    }

    /** The cluster's {@code JPARALLEL_HOME}: its profile, connection files and logs. */
    Path home() {
        return home;
    }

    private static void delete(Path dir) throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
