package org.jparallel.client.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What streams return, and map entries, travel although Java serialization refuses them, wherever they sit. */
class JdkValuesTest {

    private final ValueEncoder encoder = new ValueEncoder(ClassBytes.none());
    private final ValueDecoder decoder = new ValueDecoder(getClass().getClassLoader());

    private Object roundTrip(Object value) {
        return decoder.decode(encoder.encode(value));
    }

    /** {@code value} after a trip inside a serialized record. */
    private Object arrivedInside(Object value) {
        return ((Holder) roundTrip(new Holder(value))).field();
    }

    @Test
    void optionalsInsideAValueArrive() {
        for (Object optional : List.of(Optional.of("found"), Optional.empty(), OptionalInt.of(3), OptionalInt.empty(),
                OptionalLong.of(-4L), OptionalLong.empty(), OptionalDouble.of(2.5), OptionalDouble.empty())) {
            assertEquals(new Holder(optional), roundTrip(new Holder(optional)));
        }
    }

    @Test
    void aListOfStreamResultsArrives() {
        List<Object> maxima = List.of(IntStream.of(3, 9).max(), DoubleStream.empty().average(), Optional.of(1));
        assertEquals(maxima, roundTrip(maxima));
    }

    @Test
    void summaryStatisticsArriveWithTheirFigures() {
        for (Object statistics : List.of(IntStream.of(4, -2, 7).summaryStatistics(),
                LongStream.of(Long.MAX_VALUE, 3).summaryStatistics(), DoubleStream.of(0.1, 0.2, 0.3).summaryStatistics(),
                new IntSummaryStatistics(), new DoubleSummaryStatistics())) {
            assertEquals(statistics.toString(), arrivedInside(statistics).toString());
        }
    }

    @Test
    void doubleStatisticsOfBothInfinitiesArrive() {
        DoubleSummaryStatistics statistics = DoubleStream.of(Double.POSITIVE_INFINITY, 1, Double.NEGATIVE_INFINITY)
                .summaryStatistics();
        assertEquals(statistics.toString(), arrivedInside(statistics).toString());
    }

    @Test
    void statisticsArriveReadyToAcceptMore() {
        LongSummaryStatistics back = (LongSummaryStatistics) arrivedInside(LongStream.of(1, 2).summaryStatistics());
        back.accept(6);
        assertEquals(3, back.getAverage());
    }

    @Test
    void mapEntriesArriveAsEntries() {
        Map<String, Integer> withNull = new HashMap<>();
        withNull.put("none", null);
        for (Map.Entry<String, Integer> entry : List.of(Map.entry("k", 1), new HashMap<>(Map.of("a", 2))
                .entrySet().iterator().next(), withNull.entrySet().iterator().next())) {
            assertEquals(new Holder(entry), roundTrip(new Holder(entry)));
        }
    }

    @Test
    void aLambdaCapturingAnOptionalAndStatisticsRuns() throws Exception {
        Optional<String> prefix = Optional.of("max ");
        IntSummaryStatistics statistics = IntStream.of(2, 8).summaryStatistics();
        SerialFn<Integer, String> f = x -> prefix.orElse("?") + (statistics.getMax() + x);
        DecodedCall call = decoder.decodeCall(encoder.encodeCall(f, 1));
        @SuppressWarnings("unchecked")
        SerialFn<Integer, String> back = (SerialFn<Integer, String>) call.function();
        assertEquals("max 9", back.apply((Integer) call.args().get(0)));
    }
}
