package org.jparallel.client.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jparallel.client.AsyncResult;
import org.jparallel.client.Client;
import org.jparallel.client.ClusterConnection;
import org.jparallel.client.EngineView;
import org.jparallel.client.Parallel;
import org.jparallel.wire.HmacSigner;
import org.jparallel.wire.bulk.BulkFetcher;
import org.jparallel.wire.bulk.BulkRef;
import org.jparallel.wire.bulk.BulkTransferException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Big values between JVMs go on the bulk channel, small ones on ZeroMQ; nobody without the key gets in. */
class BulkTransferTest {
    static final int TEN_MILLION = 10_000_000;
    @RegisterExtension
    static final SharedCluster cluster = SharedCluster.engines(2).withSessionsOpen();
    final Client rc = cluster.client();
    final EngineView e0 = rc.engine(0);

    /** All engine logs, once {@code expected} shows in them (engines log after answering), or as they are. */
    private String engineLogs(String expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String logs = readLogs();
        while (!logs.contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            logs = readLogs();
        }
        return logs;
    }

    private String readLogs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> logs = Files.list(cluster.home().resolve("profile_" + ItCluster.PROFILE).resolve("log"))) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("engine")).sorted().toList()) {
                all.append(Files.readString(log));
            }
        }
        return all.toString();
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void pushAndPullOfTenMillionDoublesGoOnTheBulkChannelAndArriveEqual() throws Exception {
        double[] a = new Random(1).doubles(TEN_MILLION).toArray();
        int fetchedBefore = count(readLogs(), "fetched 80000000 bytes");
        int sentBefore = count(readLogs(), "sent 80000000 bytes");
        e0.pushSync(Map.of("a", a));
        double[] back = e0.pullSync("a");
        assertArrayEquals(a, back);
        assertEquals(fetchedBefore + 1, count(engineLogs("fetched 80000000 bytes"), "fetched 80000000 bytes"),
                "the engine fetched the pushed array on the bulk channel");
        assertTrue(count(engineLogs("sent 80000000 bytes"), "sent 80000000 bytes") > sentBefore,
                "the engine sent the pulled array on the bulk channel");
    }

    @Test
    void smallValuesStillRideZeroMq() throws Exception {
        double[] small = new Random(2).doubles(1000).toArray();
        int before = count(readLogs(), "bulk channel: ");
        e0.pushSync(Map.of("small", small));
        assertArrayEquals(small, e0.<double[]>pullSync("small"));
        Thread.sleep(200);
        assertEquals(before, count(readLogs(), "bulk channel: "));
    }

    @Test
    void aMillionDoubleResultGoesFromEngineToEngineAsAnArgument() throws Exception {
        AsyncResult<double[]> held = e0.apply(() -> {
            double[] v = new double[1_000_000];
            java.util.Arrays.fill(v, 0.5);
            return v;
        });
        AsyncResult<Integer> elsewhere = rc.engine(1).apply(() -> 1);
        int fetchedBefore = count(readLogs(), "fetched 8000000 bytes");
        AsyncResult<Double> sum = rc.loadBalancedView().withFlags(Parallel.follow(elsewhere))
                .apply((double[] v) -> java.util.Arrays.stream(v).sum(), held);
        assertEquals(500_000.0, sum.get(Duration.ofSeconds(60)));
        assertEquals(java.util.List.of(1), sum.engineIds());
        assertEquals(fetchedBefore + 1, count(engineLogs("fetched 8000000 bytes"), "fetched 8000000 bytes"),
                "engine 1 fetched the value from engine 0 on the bulk channel");
    }

    @Test
    void aForgedTokenIsRefusedAndLoggedAndTheEngineKeepsServing() throws Exception {
        Matcher listening = Pattern.compile("bulk channel listening on ([0-9.]+):(\\d+)").matcher(readLogs());
        assertTrue(listening.find());
        ClusterConnection info = ClusterConnection.read(cluster.clientFile(), ItCluster.PROFILE);
        BulkRef forged = new BulkRef(listening.group(1), Integer.parseInt(listening.group(2)), "", new byte[16], 8);
        int refusedBefore = count(readLogs(), "refused a fetch");
        for (String key : new String[] {info.key(), "not the cluster key"}) {
            BulkFetcher fetcher = new BulkFetcher(HmacSigner.create(info.signatureScheme(), key), null, Level.FINE);
            assertThrows(BulkTransferException.class, () -> fetcher.fetch(forged, (offset, chunk) -> { }));
        }
        String logs = engineLogs("its proof was not made with the cluster key");
        assertEquals(refusedBefore + 2, count(logs, "refused a fetch"), logs);
        double[] a = new Random(3).doubles(TEN_MILLION / 10).toArray();
        e0.pushSync(Map.of("b", a));
        assertArrayEquals(a, e0.<double[]>pullSync("b"));
    }

    @Test
    void aPulledArrayIsSentOnceSoReadingItsRecordAgainIsRefused() throws Exception {
        double[] a = new Random(4).doubles(TEN_MILLION / 10).toArray();
        e0.pushSync(Map.of("c", a));
        AsyncResult<double[]> pulled = e0.pull("c");
        assertArrayEquals(a, pulled.get());
        AsyncResult<Object> again = rc.getResult(pulled.msgIds().get(0));
        BulkTransferException e = assertThrows(BulkTransferException.class, again::get);
        assertTrue(e.getMessage().contains("no longer offers it"), e.getMessage());
        assertTrue(engineLogs("no value is on offer").contains("no value is on offer"));
    }

    @Test
    void aPulledArrayKeepsItsValueWhenTheEngineChangesItBeforeTheClientReadsIt() {
        double[] a = new Random(5).doubles(TEN_MILLION / 10).toArray();
        e0.pushSync(Map.of("d", a));
        AsyncResult<double[]> pulled = e0.pull("d");
        e0.executeSync("d[0] = -1.0;");
        assertArrayEquals(a, pulled.get());
        assertEquals(-1.0, e0.<double[]>pullSync("d")[0]);
    }
}
