package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jparallel.client.Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that reads more slowly than its engines print (here a program stopped with SIGSTOP, as a notebook whose
 * kernel stalls) loses output past what the controller holds for it, and is told so in the result that lost it,
 * before its reply: not in whatever output comes next.
 */
class SlowClientOutputTest {
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(1).withSessionsOpen();
    final Client rc = cluster.client();

    @Test
    void outputDroppedWhileTheClientStalledIsToldInTheSameResult(@TempDir Path sources) throws Exception {
        Path program = Files.writeString(sources.resolve("Flooded.java"), """
                import java.nio.file.Path;
                import java.time.Duration;
                import org.jparallel.client.*;

                public class Flooded {
                    public static void main(String[] args) throws Exception {
                        Client rc = Client.connect(Path.of(args[0]));
                        var flood = rc.engine(0).execute("String line = \\"x\\".repeat(1000);"
                                + " for (int i = 0; i < 100_000; i++) System.out.println(line);");
                        StringBuilder told = new StringBuilder(); // as a notebook shows it: the result keeps 16 MB
                        flood.onOutput(output -> {
                            if (output.kind() == EngineOutput.Kind.STDERR) {
                                told.append(output.text());
                            }
                        });
                        System.out.println("sent");
                        flood.get(Duration.ofSeconds(120));
                        System.out.println(told.toString().matches("\\\\[jparallel: [0-9.]+ MB of output dropped: .*\\\\s")
                                ? "told" : "not told: " + told);
                        System.exit(0);
                    }
                }
                """);
        Process flooded = JavaProgram.start("-cp", System.getProperty("java.class.path"), program.toString(),
                cluster.clientFile().toString());
        try (var output = new BufferedReader(new InputStreamReader(flooded.getInputStream()))) {
            assertEquals("sent", output.readLine());
            signal("STOP", flooded.pid());
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (rc.queueStatus().engines().get(0).queue() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10); // until the engine has it
            }
            while (rc.queueStatus().engines().get(0).queue() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100); // the engine prints its 100 MB; the controller keeps 32 MB for the client
            }
            signal("CONT", flooded.pid());

            assertEquals("told", output.readLine());
        } finally {
            flooded.destroyForcibly().waitFor();
        }
    }

    private static void signal(String name, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).start().waitFor());
    }
}
