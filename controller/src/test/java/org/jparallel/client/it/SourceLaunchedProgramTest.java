package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java program run from its source file ({@code java Squares.java}), which the source launcher compiles in
 * memory: its lambdas, the methods they call and its records reach the engines without the program saying how.
 */
class SourceLaunchedProgramTest {
    static final String PROGRAM = """
            import java.nio.file.Path;
            import java.time.Duration;
            import org.jparallel.client.Client;
            import org.jparallel.client.Parallel;

            public class Squares {
                record Point(int x, int y) implements java.io.Serializable {
                }

                static int square(int x) {
                    return x * x;
                }

                public static void main(String[] args) throws Exception {
                    try (Client rc = Client.connect(Path.of(args[0]))) {
                        rc.waitForEngines(2, Duration.ofSeconds(30));
                        System.out.println(rc.all().mapSync(x -> square(x), Parallel.range(5)));
                        System.out.println(rc.loadBalancedView().applySync(() -> new Point(3, 4)));
                    }
                }
            }
            """;

    /** Static fields its initializer sets and reads, which no lambda reads: they stay here. */
    static final String WITH_UNREAD_STATICS = """
            import java.nio.file.Path;
            import org.jparallel.client.Client;

            public class Locked {
                static Object lock = new Object();
                static StringBuilder log = new StringBuilder();

                static {
                    log.append(lock.hashCode());
                }

                public static void main(String[] args) throws Exception {
                    try (Client rc = Client.connect(Path.of(args[0]))) {
                        System.out.println(rc.loadBalancedView().applySync(() -> 6 * 7));
                    }
                }
            }
            """;

    /** A static initializer that fails on engines, as one holding a Client or a Cluster does. */
    static final String WITH_FAILING_INITIALIZER = """
            import java.nio.file.Path;
            import org.jparallel.client.Client;

            public class Boom {
                static final String STARTED_AS = System.getProperty("sun.java.command");

                static {
                    if (STARTED_AS.startsWith("org.jparallel.engine")) {
                        throw new IllegalStateException("not on an engine");
                    }
                }

                public static void main(String[] args) throws Exception {
                    try (Client rc = Client.connect(Path.of(args[0]))) {
                        System.out.println(rc.loadBalancedView().applySync(() -> 6 * 7));
                    } catch (RuntimeException e) {
                        System.out.println(e.getMessage());
                    }
                }
            }
            """;

    @TempDir
    Path home;
    @TempDir
    Path sources;

    @Test
    void itsLambdasAndRecordsRunOnTheEnginesWithoutClassBytes() throws Exception {
        Path program = Files.writeString(sources.resolve("Squares.java"), PROGRAM);
        try (ItCluster cluster = new ItCluster(home, 2)) {
            assertEquals(List.of("[0, 1, 4, 9, 16]", "Point[x=3, y=4]"), JavaProgram.run(sources.resolve("output.txt"),
                    "-cp", System.getProperty("java.class.path"), program.toString(), cluster.clientFile().toString()));
        }
    }

    @Test
    void staticFieldsOnlyItsInitializerUsesNeedNotBeSerializable() throws Exception {
        Path program = Files.writeString(sources.resolve("Locked.java"), WITH_UNREAD_STATICS);
        try (ItCluster cluster = new ItCluster(home, 1)) {
            assertEquals(List.of("42"), JavaProgram.run(sources.resolve("output.txt"),
                    "-cp", System.getProperty("java.class.path"), program.toString(), cluster.clientFile().toString()));
        }
    }

    @Test
    void aStaticInitializerFailingOnTheEngineIsNamedWithWhatItThrew() throws Exception {
        Path program = Files.writeString(sources.resolve("Boom.java"), WITH_FAILING_INITIALIZER);
        try (ItCluster cluster = new ItCluster(home, 1)) {
            String said = String.join("\n", JavaProgram.run(sources.resolve("output.txt"),
                    "-cp", System.getProperty("java.class.path"), program.toString(), cluster.clientFile().toString()));
            assertTrue(said.contains("the static initializer of Boom threw java.lang.IllegalStateException: not on an"
                    + " engine on this JVM"), said);
        }
    }
}
