package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.jparallel.controller.launch.ClusterOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java program run from its compiled classes in a folder ({@code java -cp target/classes demo.Squares}, as an
 * IDE or {@code mvn exec:java} runs it): its lambdas, the methods they call and its records reach the engines
 * without the program saying how, and engines that have the folder on their class path use their own classes.
 */
class ClassFolderProgramTest {
    static final String PROGRAM = """
            package demo;

            import java.nio.file.Path;
            import java.time.Duration;
            import java.util.Map;
            import org.jparallel.client.Client;
            import org.jparallel.client.Parallel;

            public class Squares {
                public record Point(int x, int y) implements java.io.Serializable {
                }

                static int square(int x) {
                    return x * x;
                }

                public static void main(String[] args) throws Exception {
                    try (Client rc = Client.connect(Path.of(args[0]))) {
                        rc.waitForEngines(1, Duration.ofSeconds(30));
                        if (args[1].equals("map")) {
                            System.out.println(rc.all().mapSync(x -> square(x), Parallel.range(5)));
                            System.out.println(rc.loadBalancedView().applySync(() -> new Point(3, 4)));
                        } else {
                            rc.engine(0).pushSync(Map.of("p", new Point(3, 4)));
                            rc.engine(0).executeSync("int sum = ((demo.Squares.Point) p).x() + ((demo.Squares.Point) p).y();");
                            System.out.println((int) rc.engine(0).pullSync("sum"));
                        }
                    }
                }
            }
            """;

    @TempDir
    Path home;
    @TempDir
    Path classes;

    @BeforeEach
    void compile() throws Exception {
        Path source = Files.writeString(classes.resolve("Squares.java"), PROGRAM);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString()));
    }

    @Test
    void itsLambdasAndRecordsRunOnEnginesThatLackItsClasses() throws Exception {
        try (ItCluster cluster = new ItCluster(home, 2)) {
            assertEquals(List.of("[0, 1, 4, 9, 16]", "Point[x=3, y=4]"), run(cluster, "map"));
        }
    }

    @Test
    void enginesWithItsClassFolderUseTheirOwnClassesForItsValues() throws Exception {
        ClusterOptions options = ClusterOptions.defaults().withEngineJvmOptions(List.of("-cp", classes.toString()));
        try (ItCluster cluster = new ItCluster(home, 1, options)) {
            assertEquals(List.of("7"), run(cluster, "push"));
        }
    }

    private List<String> run(ItCluster cluster, String mode) throws Exception {
        String classPath = System.getProperty("java.class.path") + File.pathSeparator + classes;
        return JavaProgram.run(home.resolve("output-" + mode + ".txt"), "-cp", classPath, "demo.Squares",
                cluster.clientFile().toString(), mode);
    }
}
