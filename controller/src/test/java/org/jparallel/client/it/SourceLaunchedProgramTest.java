package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
