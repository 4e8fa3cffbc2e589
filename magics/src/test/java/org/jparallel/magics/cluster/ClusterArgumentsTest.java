package org.jparallel.magics.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jparallel.controller.launch.ClusterOptions;
import org.jparallel.controller.launch.EngineHosts;
import org.jparallel.controller.launch.SshTarget;
import org.jparallel.magic.MagicUsageException;
import org.junit.jupiter.api.Test;

class ClusterArgumentsTest {
    @Test
    void startTakesEnginesAndProfile() throws Exception {
        ClusterArguments arguments = ClusterArguments.parse("start -n 4 --profile big", "default");
        assertEquals("start", arguments.action());
        assertEquals(EngineHosts.local(4), arguments.engines());
        assertEquals("big", arguments.profile());
        assertEquals(ClusterOptions.defaults(), arguments.options());
    }

    @Test
    void aCommentEndsTheLineAsInACell() throws Exception {
        ClusterArguments arguments = ClusterArguments.parse("start -n 4   // clusters started here stop with the kernel",
                "default");
        assertEquals(EngineHosts.local(4), arguments.engines());
    }

    @Test
    void enginesTakesHowManyToAdd() throws Exception {
        ClusterArguments arguments = ClusterArguments.parse("engines -n 2", "default");
        assertEquals("engines", arguments.action());
        assertEquals(EngineHosts.local(2), arguments.engines());
        assertEquals("default", arguments.profile());
    }

    @Test
    void sshPutsTheEnginesOnAnotherHost() throws Exception {
        ClusterArguments arguments = ClusterArguments.parse("engines -n 2 --ssh me@node7 --ssh-command 'ssh -p 2222'",
                "default");
        SshTarget host = (SshTarget) arguments.engines().remote().get(0).site();
        assertEquals("me@node7", host.host());
        assertEquals(List.of("ssh", "-p", "2222"), host.command());
        assertEquals(List.of(), ClusterArguments.parse("engines -n 2", "default").engines().remote());
    }

    @Test
    void sshTakesTheRemoteJavaAndJar() throws Exception {
        var host = (SshTarget) ClusterArguments.parse("start -n 2 --ssh node7 --remote-java /opt/jdk/bin/java"
                + " --remote-jar=/opt/jp.jar", "default").engines().remote().get(0).site();
        assertEquals("/opt/jdk/bin/java", host.java());
        assertEquals("/opt/jp.jar", host.jar());
    }

    @Test
    void severalSshHostsShareTheEngines() throws Exception {
        assertEquals("2 on nodeA, 2 on nodeB",
                ClusterArguments.parse("start -n 4 --ssh nodeA --ssh nodeB", "default").engines().toString());
        assertEquals("1 on nodeA, 3 on nodeB",
                ClusterArguments.parse("engines --ssh nodeA=1 --ssh nodeB=3", "default").engines().toString());
    }

    @Test
    void slurmTakesTheEnginesWithItsOptions() throws Exception {
        assertEquals("4 on Slurm (srun -p batch -t 60)", ClusterArguments.parse(
                "start -n 4 --slurm --slurm-options '-p batch -t 60'", "default").engines().toString());
        assertEquals("2 on Slurm", ClusterArguments.parse("engines --slurm -n 2", "default").engines().toString());
        assertThrows(MagicUsageException.class, () -> ClusterArguments.parse("start -n 2 --slurm-options -p", "default"));
    }

    @Test
    void noEngineCountLeavesItToTheAction() throws Exception {
        assertNull(ClusterArguments.parse("start --profile big", "default").engines());
    }

    @Test
    void sshCompanionsWithoutSshAreRefused() {
        MagicUsageException e = assertThrows(MagicUsageException.class,
                () -> ClusterArguments.parse("engines -n 2 --remote-jar /opt/jp.jar", "default"));
        assertEquals(true, e.getMessage().contains("go with --ssh HOST"), e.getMessage());
    }

    @Test
    void anOptionTheActionWouldIgnoreIsRefused() {
        MagicUsageException e = assertThrows(MagicUsageException.class,
                () -> ClusterArguments.parse("engines -n 2 --scheme lru", "default"));
        assertEquals("%cluster engines takes no --scheme", e.getMessage());
        assertThrows(MagicUsageException.class, () -> ClusterArguments.parse("stop -n 2", "default"));
        assertThrows(MagicUsageException.class, () -> ClusterArguments.parse("list --profile big", "default"));
    }

    @Test
    void startTakesTheOptionsOfJpclusterStart() throws Exception {
        ClusterOptions options = ClusterArguments.parse(
                "start -n 2 --scheme lru --hwm=0 --db sqlite --ip * --location node7.lan", "default").options();
        assertEquals("lru", options.scheme());
        assertEquals(0, options.highWaterMark());
        assertEquals("*", options.ip());
        assertEquals(List.of("-Djparallel.db=sqlite", "-Djparallel.location=node7.lan"), options.controllerJvmOptions());
    }

    @Test
    void quotedEngineJvmOptionsStayTogether() throws Exception {
        ClusterOptions options = ClusterArguments.parse(
                "start -n 2 --engine-jvm-options \"-Xmx2g -Dgreeting='hello world'\"", "default").options();
        assertEquals(List.of("-Xmx2g", "-Dgreeting=hello world"), options.engineJvmOptions());
    }

    @Test
    void anUnknownSchemeNamesTheKnownOnes() {
        MagicUsageException e = assertThrows(MagicUsageException.class,
                () -> ClusterArguments.parse("start -n 2 --scheme fastest", "default"));
        assertEquals(true, e.getMessage().contains("leastload"), e.getMessage());
    }

    @Test
    void anOptionWithoutItsValueSaysSo() {
        MagicUsageException e = assertThrows(MagicUsageException.class,
                () -> ClusterArguments.parse("start -n 2 --hwm", "default"));
        assertEquals("--hwm needs a value", e.getMessage());
    }

    @Test
    void anOpenQuoteSaysSo() {
        MagicUsageException e = assertThrows(MagicUsageException.class,
                () -> ClusterArguments.parse("start -n 2 --engine-jvm-options \"-Xmx2g", "default"));
        assertEquals(true, e.getMessage().startsWith("a quote (\") is not closed"), e.getMessage());
    }

    @Test
    void unknownOptionsAreRefused() {
        MagicUsageException e = assertThrows(MagicUsageException.class,
                () -> ClusterArguments.parse("start -n 2 --turbo on", "default"));
        assertEquals("unknown option --turbo", e.getMessage());
    }

    @Test
    void unknownFlagIsNamedAsUnknownNotAsMissingItsValue() {
        MagicUsageException e = assertThrows(MagicUsageException.class,
                () -> ClusterArguments.parse("stop --bogus", "default"));
        assertEquals("unknown option --bogus", e.getMessage());
    }

    @Test
    void strayWordAfterAnActionIsUnexpected() {
        MagicUsageException e = assertThrows(MagicUsageException.class,
                () -> ClusterArguments.parse("list extra", "default"));
        assertEquals("unexpected 'extra'", e.getMessage());
    }
}
