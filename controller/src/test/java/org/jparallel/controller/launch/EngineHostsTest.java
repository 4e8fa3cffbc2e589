package org.jparallel.controller.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineHostsTest {
    private static EngineHosts options(Integer n, String... hosts) {
        return EngineHosts.fromOptions(n, List.of(hosts), null, null, null);
    }

    private static String refusal(Integer n, String... hosts) {
        return assertThrows(IllegalArgumentException.class, () -> options(n, hosts)).getMessage();
    }

    @Test
    void withoutSshEveryEngineIsLocal() {
        assertEquals(EngineHosts.local(4), options(4));
        assertEquals("4 engines", options(4).toString());
    }

    @Test
    void theEngineCountSpreadsOverTheHostsFirstOnesTakingTheRest() {
        assertEquals("3 on a, 2 on b, 2 on c", options(7, "a", "b", "c").toString());
        assertEquals(7, options(7, "a", "b", "c").total());
    }

    @Test
    void aCountPerHostIsTakenAsGiven() {
        assertEquals("2 on a, 6 on me@b", options(null, "a=2", "me@b=6").toString());
        assertEquals("2 on a, 6 on me@b", options(8, "a=2", "me@b=6").toString());
    }

    @Test
    void hostsWithoutACountShareWhatTheCountedOnesLeave() {
        assertEquals("4 on a, 3 on b, 3 on c", options(10, "a=4", "b", "c").toString());
    }

    @Test
    void countsThatDoNotAddUpAreRefused() {
        assertTrue(refusal(4, "a=2", "b=6").startsWith("-n 4 but the hosts' counts add up to 8"));
        assertTrue(refusal(3, "a=2", "b", "c").startsWith("-n 3 leaves 1 for the 2 hosts without a count, after the 2"));
        assertTrue(refusal(1, "a", "b").startsWith("1 engine does not spread over 2 hosts"));
        assertTrue(refusal(null, "a=2", "b").startsWith("-n is missing: how many engines go on b?"));
    }

    @Test
    void aCountThatIsNotANumberOfEnginesIsRefused() {
        assertTrue(refusal(null, "a=two").contains("after = comes a number of engines"));
        assertTrue(refusal(null, "a=0").contains("after = comes a number of engines"));
    }

    @Test
    void slurmTakesEveryEngineWithItsOptionsAndTheNodesJava() {
        EngineHosts slurm = EngineHosts.fromOptions(3, List.of(), List.of("-p", "batch"), null, "/opt/java", null);
        assertEquals(new EngineHosts(0, List.of(new EngineHosts.Share(
                new SlurmTarget(List.of("-p", "batch"), "/opt/java", ""), 3))), slurm);
        assertEquals("3 on Slurm (srun -p batch)", slurm.toString());
    }

    @Test
    void slurmWithSshIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EngineHosts.fromOptions(2, List.of("a"),
                List.of(), null, null, null)).getMessage().startsWith("--slurm places the engines itself"));
    }

    @Test
    void sshCompanionsApplyToEveryHostAndNeedOne() {
        EngineHosts hosts = EngineHosts.fromOptions(2, List.of("a", "b"), List.of("ssh", "-p", "2222"), "/opt/java", null);
        assertTrue(hosts.remote().stream().map(share -> (SshTarget) share.site()).allMatch(host ->
                host.command().equals(List.of("ssh", "-p", "2222")) && host.java().equals("/opt/java")));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EngineHosts.fromOptions(2, List.of(), null, null, "/opt/jp.jar")).getMessage()
                .contains("go with --ssh HOST"));
    }

    @Test
    void withoutACountOrHostsEachProcessorOfThisHostGetsAnEngine() {
        assertEquals(Runtime.getRuntime().availableProcessors(),
                EngineHosts.fromOptions(null, List.of(), null, null, null).total());
    }
}
