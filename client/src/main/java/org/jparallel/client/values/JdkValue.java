package org.jparallel.client.values;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.DoubleSummaryStatistics;
import java.util.IntSummaryStatistics;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A value of one of the JDK's value types that Java serialization refuses, in serializable form: what streams give
 * ({@code findFirst()}, {@code max()}, {@code average()}, {@code summaryStatistics()}) and {@code Map.entry(k, v)}.
 * They travel as their state and are rebuilt by the JDK's public factories, wherever they sit: in a result, in a
 * record's component, captured by a lambda.
 *
 * <p>A {@code DoubleSummaryStatistics} arrives with the same count, minimum, maximum, sum and average; the
 * compensation terms of its summation are folded into the sum, so adding more values to it afterwards may round
 * differently than on the sender.
 *
 * @param kind which JDK type it is
 * @param state what rebuilds it: the content of an optional (none for an empty one), a statistic's count, minimum,
 *              maximum and sum, an entry's key and value
 */
record JdkValue(Kind kind, Object[] state) implements Serializable {

    private static final long serialVersionUID = 1L;

    enum Kind {
        OPTIONAL, OPTIONAL_INT, OPTIONAL_LONG, OPTIONAL_DOUBLE,
        INT_STATISTICS, LONG_STATISTICS, DOUBLE_STATISTICS,
        /** {@code Map.entry(k, v)}'s class, and the entries a map hands out, none of which is Serializable. */
        MAP_ENTRY
    }

    /** Whether values of {@code type} travel as a {@code JdkValue}. */
    static boolean travels(Class<?> type) {
        return kindOf(type) != null;
    }

    /** {@code value} in serializable form, or {@code value} itself when it is not one of these types. */
    static Object replace(Object value) {
        Kind kind = kindOf(value.getClass());
        return kind == null ? value : new JdkValue(kind, stateOf(kind, value));
    }

    private static Kind kindOf(Class<?> type) {
        if (type == Optional.class) {
            return Kind.OPTIONAL;
        } else if (type == OptionalInt.class) {
            return Kind.OPTIONAL_INT;
        } else if (type == OptionalLong.class) {
            return Kind.OPTIONAL_LONG;
        } else if (type == OptionalDouble.class) {
            return Kind.OPTIONAL_DOUBLE;
        } else if (type == IntSummaryStatistics.class) {
            return Kind.INT_STATISTICS;
        } else if (type == LongSummaryStatistics.class) {
            return Kind.LONG_STATISTICS;
        } else if (type == DoubleSummaryStatistics.class) {
            return Kind.DOUBLE_STATISTICS;
        } else if (Map.Entry.class.isAssignableFrom(type) && !Serializable.class.isAssignableFrom(type)
                && type.getPackageName().equals("java.util")) {
            return Kind.MAP_ENTRY;
        }
        return null;
    }

    private static Object[] stateOf(Kind kind, Object value) {
        return switch (kind) {
            case OPTIONAL -> ((Optional<?>) value).map(v -> new Object[] {v}).orElse(new Object[0]);
            case OPTIONAL_INT -> {
                OptionalInt o = (OptionalInt) value;
                yield o.isPresent() ? new Object[] {o.getAsInt()} : new Object[0];
            }
            case OPTIONAL_LONG -> {
                OptionalLong o = (OptionalLong) value;
                yield o.isPresent() ? new Object[] {o.getAsLong()} : new Object[0];
            }
            case OPTIONAL_DOUBLE -> {
                OptionalDouble o = (OptionalDouble) value;
                yield o.isPresent() ? new Object[] {o.getAsDouble()} : new Object[0];
            }
            case INT_STATISTICS -> {
                IntSummaryStatistics s = (IntSummaryStatistics) value;
                yield new Object[] {s.getCount(), s.getMin(), s.getMax(), s.getSum()};
            }
            case LONG_STATISTICS -> {
                LongSummaryStatistics s = (LongSummaryStatistics) value;
                yield new Object[] {s.getCount(), s.getMin(), s.getMax(), s.getSum()};
            }
            case DOUBLE_STATISTICS -> {
                DoubleSummaryStatistics s = (DoubleSummaryStatistics) value;
                yield new Object[] {s.getCount(), s.getMin(), s.getMax(), s.getSum()};
            }
            case MAP_ENTRY -> {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) value;
                yield new Object[] {e.getKey(), e.getValue()};
            }
        };
    }

    /** The value rebuilt: an entry of a map arrives as {@code Map.entry(k, v)}, or a plain entry if it holds null. */
    Object create() {
        boolean present = state.length > 0;
        return switch (kind) {
            case OPTIONAL -> present ? Optional.ofNullable(state[0]) : Optional.empty();
            case OPTIONAL_INT -> present ? OptionalInt.of((Integer) state[0]) : OptionalInt.empty();
            case OPTIONAL_LONG -> present ? OptionalLong.of((Long) state[0]) : OptionalLong.empty();
            case OPTIONAL_DOUBLE -> present ? OptionalDouble.of((Double) state[0]) : OptionalDouble.empty();
            case INT_STATISTICS -> new IntSummaryStatistics((Long) state[0], (Integer) state[1], (Integer) state[2],
                    (Long) state[3]);
            case LONG_STATISTICS -> new LongSummaryStatistics((Long) state[0], (Long) state[1], (Long) state[2],
                    (Long) state[3]);
            case DOUBLE_STATISTICS -> doubleStatistics((Long) state[0], (Double) state[1], (Double) state[2],
                    (Double) state[3]);
            case MAP_ENTRY -> state[0] != null && state[1] != null ? Map.entry(state[0], state[1])
                    : new AbstractMap.SimpleImmutableEntry<>(state[0], state[1]);
        };
    }

    /**
     * The statistics of {@code count} values. The JDK's constructor refuses a NaN sum beside a minimum and maximum
     * that are not NaN, which only both infinities give: they are accepted last, as they once were.
     */
    private static DoubleSummaryStatistics doubleStatistics(long count, double min, double max, double sum) {
        if (count < 2 || !Double.isNaN(sum) || Double.isNaN(min) || Double.isNaN(max)) {
            return new DoubleSummaryStatistics(count, min, max, sum);
        }
        DoubleSummaryStatistics statistics = new DoubleSummaryStatistics(count - 2, min, max, 0);
        statistics.accept(Double.NEGATIVE_INFINITY);
        statistics.accept(Double.POSITIVE_INFINITY);
        return statistics;
    }
}
