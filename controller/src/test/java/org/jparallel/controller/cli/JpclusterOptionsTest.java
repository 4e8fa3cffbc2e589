package org.jparallel.controller.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.controller.launch.EngineHosts;
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
    void withoutACommandEveryCommandIsNamed() {
        assertEquals(2, jpcluster());
        assertTrue(err.toString().contains("name a command: start, stop, restart, list, engines or engine"),
                err.toString());
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
        SshTarget node7 = new SshTarget("me@node7", List.of("ssh", "-p", "2222"), "/opt/jdk/bin/java", "/opt/jp.jar");
        assertEquals(new EngineHosts(0, List.of(new EngineHosts.Share(node7, 2))), engines.sites.engineHosts(2));
    }

    @Test
    void sshAloneTakesTheDefaults() {
        EnginesCommand engines = new EnginesCommand(new ClusterLauncher(home));
        new CommandLine(engines).parseArgs("-n", "2", "--ssh", "node7");
        assertEquals(List.of(new EngineHosts.Share(SshTarget.of("node7"), 2)), engines.sites.engineHosts(2).remote());
    }

    @Test
    void repeatedSshSpreadsTheEnginesOverTheHosts() {
        StartCommand start = new StartCommand(new ClusterLauncher(home));
        new CommandLine(start).parseArgs("-n", "5", "--ssh", "nodeA", "--ssh", "nodeB");
        assertEquals("3 on nodeA, 2 on nodeB", start.sites.engineHosts(start.engines).toString());
    }

    @Test
    void countsPerHostNeedNoEngineCount() {
        StartCommand start = new StartCommand(new ClusterLauncher(home));
        new CommandLine(start).parseArgs("--ssh", "nodeA=2", "--ssh", "nodeB=6");
        assertEquals("2 on nodeA, 6 on nodeB", start.sites.engineHosts(start.engines).toString());
    }

    @Test
    void countsThatDisagreeWithTheEngineCountAreRefused() {
        assertEquals(2, jpcluster("start", "-n", "4", "--ssh", "nodeA=2", "--ssh", "nodeB=6"), err.toString());
        assertTrue(err.toString().contains("-n 4 but the hosts' counts add up to 8"), err.toString());
        assertTrue(err.toString().contains("Usage: jpcluster start"), err.toString());
    }

    @Test
    void aSlurmStartWithoutAnEngineCountSaysItIsMissing() {
        assertEquals(2, jpcluster("start", "--slurm"), err.toString());
        assertTrue(err.toString().contains("-n is missing: how many engines should Slurm start?"), err.toString());
    }
}
