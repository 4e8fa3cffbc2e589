package org.jparallel.controller.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.SshTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code jpcluster}'s options, read in this JVM: wrong ones are refused before any process starts. */
class JpclusterOptionsTest {
    @TempDir
    Path home;

    private final StringWriter err = new StringWriter();

    private int jpcluster(String... args) {
        CommandLine commandLine = JpclusterMain.commandLine(new ClusterLauncher(home));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void zeroEnginesPrintsUsageAndExits2() {
        for (String command : List.of("start", "engines", "engine")) {
            err.getBuffer().setLength(0);
            assertEquals(2, jpcluster(command, "-n", "0"), err.toString());
            assertTrue(err.toString().contains("needs 1 or more engines, not 0"), err.toString());
            assertTrue(err.toString().contains("Usage: jpcluster " + command), err.toString());
        }
    }

    @Test
    void aWordForTheEngineCountSaysItIsNotANumber() {
        assertEquals(2, jpcluster("start", "-n", "four"));
        assertTrue(err.toString().contains("'four' is not a number of engines"), err.toString());
    }

    @Test
    void sshCompanionsWithoutSshAreRefused() {
        assertEquals(2, jpcluster("engines", "-n", "2", "--remote-jar", "/opt/jp.jar"), err.toString());
        assertTrue(err.toString().contains("go with --ssh HOST"), err.toString());
        assertTrue(err.toString().contains("Usage: jpcluster engines"), err.toString());
    }

    @Test
    void sshOptionsMakeTheTarget() {
        EnginesCommand engines = new EnginesCommand(new ClusterLauncher(home));
        new CommandLine(engines).parseArgs("-n", "2", "--ssh", "me@node7", "--ssh-command", "ssh -p 2222",
                "--remote-java", "/opt/jdk/bin/java", "--remote-jar", "/opt/jp.jar");
        assertEquals(new SshTarget("me@node7", List.of("ssh", "-p", "2222"), "/opt/jdk/bin/java", "/opt/jp.jar"),
                engines.ssh.target());
    }

    @Test
    void sshAloneTakesTheDefaults() {
        EnginesCommand engines = new EnginesCommand(new ClusterLauncher(home));
        new CommandLine(engines).parseArgs("-n", "2", "--ssh", "node7");
        assertEquals(SshTarget.of("node7"), engines.ssh.target());
    }
}
