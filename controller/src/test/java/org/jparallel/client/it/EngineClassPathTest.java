package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.jparallel.client.Client;
import org.jparallel.controller.launch.ClusterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engines started with {@code -cp} among their JVM options see those classes beside their own. */
class EngineClassPathTest {
    @TempDir
    Path home;
    @TempDir
    Path classes;

    @Test
    void cellsOnTheEnginesUseClassesOfTheGivenClassPath() throws Exception {
        Path source = Files.writeString(classes.resolve("Greeter.java"), """
                package demo;

                public class Greeter {
                    public String hello(String name) {
                        return "hello, " + name;
                    }
                }
                """);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString()));
        ClusterOptions options = ClusterOptions.defaults().withEngineJvmOptions(List.of("-cp", classes.toString()));
        try (ItCluster cluster = new ItCluster(home, 1, options); Client rc = cluster.connect()) {
            rc.engine(0).executeSync("String greeting = new demo.Greeter().hello(\"engine\");");
            assertEquals("hello, engine", rc.engine(0).pullSync("greeting"));
        }
    }
}
