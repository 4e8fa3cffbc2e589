package org.jparallel.client.values;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Values that travel without boxing or Java serialization. */
class FastPathTest {

    private final ValueEncoder encoder = new ValueEncoder(ClassBytes.none());
    private final ValueDecoder decoder = new ValueDecoder(getClass().getClassLoader());

    static Stream<Object> primitiveArrays() {
        int n = 40_000; // over the inline limit for every element size but byte and boolean
        double[] doubles = new double[n];
        long[] longs = new long[n];
        int[] ints = new int[n];
        float[] floats = new float[n];
        short[] shorts = new short[n];
        byte[] bytes = new byte[n * 2];
        char[] chars = new char[n];
        boolean[] booleans = new boolean[n * 2];
        for (int i = 0; i < n; i++) {
            doubles[i] = i * 0.5 - 7;
            longs[i] = Long.MAX_VALUE - i;
            ints[i] = -i;
            floats[i] = i / 3f;
            shorts[i] = (short) (i * 7);
            bytes[2 * i] = (byte) i;
            chars[i] = (char) (i + 'é');
            booleans[2 * i] = i % 3 == 0;
        }
        return Stream.of(doubles, longs, ints, floats, shorts, bytes, chars, booleans);
    }

    @ParameterizedTest
    @MethodSource("primitiveArrays")
    void primitiveArrayTravelsAsOneRawFrame(Object array) {
        List<byte[]> frames = encoder.encode(array);
        assertEquals(2, frames.size());
        Object back = decoder.decode(frames);
        assertEquals(array.getClass(), back.getClass());
        assertTrue(Arrays.deepEquals(new Object[] {array}, new Object[] {back}));
    }

    @Test
    void doublesAreLittleEndianInTheirFrame() {
        byte[] frame = encoder.encode(new double[70_000]).get(1);
        byte[] one = encoder.encode(fill(new double[70_000], 1.5)).get(1);
        assertEquals(70_000 * 8, frame.length);
        assertEquals(1.5, ByteBuffer.wrap(one).order(ByteOrder.LITTLE_ENDIAN).getDouble(8 * 69_999));
    }

    @Test
    void scalarsAndStringsRoundTripInTheHeaderAlone() {
        List<Object> values = Arrays.asList(null, "héllo ✓", true, false, (byte) -3, (short) 300, 42, -7L, 1.25f,
                Math.PI, 'x', Double.NaN, "");
        for (Object value : values) {
            List<byte[]> frames = encoder.encode(value);
            assertEquals(1, frames.size(), String.valueOf(value));
            assertEquals(value, decoder.decode(frames));
        }
    }

    @Test
    void resultReferencesOfACallTravelInTheHeaderAlone() {
        Object noop = (SerialFn<Object, Object>) x -> x;
        int framesOfFunction = encoder.encodeCall(noop).size();
        List<byte[]> frames = encoder.encodeCall(noop, new ResultRef("task-b"), new ResultRef("task-c"));
        assertEquals(framesOfFunction, frames.size());
        assertEquals(List.of(new ResultRef("task-b"), new ResultRef("task-c")), decoder.decodeCall(frames).args());
    }

    @Test
    void variableReferencesOfACallTravelInTheHeaderAlone() {
        Object noop = (SerialFn<Object, Object>) x -> x;
        int framesOfFunction = encoder.encodeCall(noop).size();
        List<byte[]> frames = encoder.encodeCall(noop, new VariableRef("x"), 7);
        assertEquals(framesOfFunction, frames.size());
        assertEquals(List.of(new VariableRef("x"), 7), decoder.decodeCall(frames).args());
    }

    @Test
    void listsMapsAndArraysOfFastValuesKeepTheirContents() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("xs", new double[] {1, 2, 3});
        map.put("names", List.of("a", "b"));
        map.put("nothing", null);
        map.put("matrix", new int[][] {{1, 2}, {3}});
        List<Object> value = new ArrayList<>(List.of(1, 2.5, "three", map, Map.of(4, 'c')));
        List<byte[]> frames = encoder.encode(value);
        assertEquals(1, frames.size());
        @SuppressWarnings("unchecked")
        List<Object> back = (List<Object>) decoder.decode(frames);
        assertEquals(value.subList(0, 3), back.subList(0, 3));
        @SuppressWarnings("unchecked")
        Map<String, Object> backMap = (Map<String, Object>) back.get(3);
        assertEquals(List.of("xs", "names", "nothing", "matrix"), new ArrayList<>(backMap.keySet()));
        assertArrayEquals(new double[] {1, 2, 3}, (double[]) backMap.get("xs"));
        assertArrayEquals(new int[][] {{1, 2}, {3}}, (int[][]) backMap.get("matrix"));
        assertEquals(Map.of(4, 'c'), back.get(4));
    }

    @Test
    void aListHeldTwiceArrivesAsOneList() {
        List<Integer> row = new ArrayList<>(List.of(1));
        List<?> back = (List<?>) decoder.decode(encoder.encode(new ArrayList<>(List.of(row, row))));
        assertSame(back.get(0), back.get(1));
    }

    @Test
    void anArrayHeldTwiceArrivesAsOneArray() {
        int[] row = {1, 2};
        int[][] back = (int[][]) decoder.decode(encoder.encode(new int[][] {row, row}));
        assertSame(back[0], back[1]);
    }

    @Test
    void listsOfDistinctListsStayOnTheFastPath() {
        List<List<Integer>> rows = List.of(new ArrayList<>(List.of(1)), new ArrayList<>(List.of(1)));
        List<byte[]> frames = encoder.encode(rows);
        assertEquals(1, frames.size());
        assertEquals(rows, decoder.decode(frames));
    }

    @Test
    void optionalsTravelThoughJavaSerializationRefusesThem() {
        for (Object value : List.of(Optional.empty(), Optional.of("found"), Optional.of(List.of(1, 2)),
                List.of(Optional.of(3), Optional.empty()))) {
            List<byte[]> frames = encoder.encode(value);
            assertEquals(1, frames.size(), String.valueOf(value));
            assertEquals(value, decoder.decode(frames));
        }
    }

    @Test
    void anOptionalOfASerializableValueTravelsWithTheValueSerialized() {
        assertEquals(Optional.of(new Sample(4)), decoder.decode(encoder.encode(Optional.of(new Sample(4)))));
    }

    static Stream<List<?>> boxedNumberLists() {
        return Stream.of(
                Stream.iterate(-50_000, i -> i + 1).limit(100_000).toList(),
                Stream.iterate(Long.MAX_VALUE, i -> i - 3).limit(100_000).toList(),
                Stream.iterate(0.25, d -> d * -1.0001).limit(100_000).toList());
    }

    @ParameterizedTest
    @MethodSource("boxedNumberLists")
    void aListOfOneBoxedNumberTypeTravelsAsOneRawFrame(List<?> numbers) {
        List<byte[]> frames = encoder.encode(numbers);
        assertEquals(2, frames.size());
        int width = numbers.get(0) instanceof Integer ? 4 : 8;
        assertEquals(numbers.size() * width, frames.get(1).length);
        Object back = decoder.decode(frames);
        assertEquals(ArrayList.class, back.getClass());
        assertEquals(numbers, back);
    }

    @Test
    void aListWithANullOrMixedNumbersKeepsEachElementsType() {
        List<Object> mixed = new ArrayList<>(Stream.iterate(0, i -> i + 1).limit(20).toList());
        mixed.set(5, 5L);
        List<Object> withNull = new ArrayList<>(Stream.iterate(0, i -> i + 1).limit(20).toList());
        withNull.set(7, null);
        assertEquals(mixed, decoder.decode(encoder.encode(mixed)));
        assertEquals(withNull, decoder.decode(encoder.encode(withNull)));
    }

    @Test
    void aScatteredMillionIntegersTravelInFourMegabytes() {
        List<Integer> range = new ArrayList<>(org.jparallel.client.Parallel.range(1_000_000)); // as scatter cuts it
        List<byte[]> frames = encoder.encode(range);
        assertTrue(frames.stream().mapToInt(f -> f.length).sum() < 4_000_100);
        assertEquals(range, decoder.decode(frames));
    }

    @Test
    void bigStringTravelsInAFrameOfItsOwn() {
        String big = "ab".repeat(100_000);
        List<byte[]> frames = encoder.encode(big);
        assertEquals(2, frames.size());
        assertEquals(big, decoder.decode(frames));
    }

    @Test
    void tenMillionDoublesTravelAsOne80MegabyteFrame() {
        double[] data = new double[10_000_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 1e-3;
        }
        long start = System.nanoTime();
        List<byte[]> frames = encoder.encode(data);
        long encoded = System.nanoTime();
        double[] back = (double[]) decoder.decode(frames);
        long decoded = System.nanoTime();
        System.out.printf("80 MB double[]: encode %d ms, decode %d ms%n",
                (encoded - start) / 1_000_000, (decoded - encoded) / 1_000_000);
        assertEquals(2, frames.size());
        assertEquals(80_000_000, frames.get(1).length);
        assertTrue(frames.get(0).length < 100, "header of " + frames.get(0).length + " bytes");
        assertArrayEquals(data, back);
    }

    @Test
    void listOfNonFastValuesGoesThroughSerialization() {
        List<Object> value = List.of(1, new Holder("x"));
        List<byte[]> frames = encoder.encode(value);
        assertEquals(2, frames.size());
        assertEquals(value, decoder.decode(frames));
        assertFalse(frames.get(0).length > 200);
    }

    private static double[] fill(double[] array, double value) {
        Arrays.fill(array, value);
        return array;
    }
    static Stream<Object> collectionsCellsCanNameByTheirClass() {
        return Stream.of(new java.util.LinkedList<>(List.of("a", "b")), new java.util.Vector<>(List.of(1, 2)),
                new java.util.concurrent.CopyOnWriteArrayList<>(List.of(1.5)),
                new java.util.concurrent.ConcurrentHashMap<>(Map.of("k", 1)), new java.util.Hashtable<>(Map.of(1, 2)),
                java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(Map.of(2, "b", 1, "a"))));
    }

    @ParameterizedTest
    @MethodSource("collectionsCellsCanNameByTheirClass")
    void aListOrMapOfAClassCellsCanNameArrivesAsThatClass(Object collection) {
        Object back = decoder.decode(encoder.encode(collection));

        assertEquals(collection.getClass(), back.getClass());
        assertEquals(collection, back);
    }

    @Test
    void listsAndMapsCellsNameOnlyByTheirInterfaceArriveAsArrayListAndLinkedHashMap() {
        assertEquals(ArrayList.class, decoder.decode(encoder.encode(List.of(1, 2))).getClass());
        assertEquals(ArrayList.class, decoder.decode(encoder.encode(Arrays.asList("a", "b"))).getClass());
        assertEquals(LinkedHashMap.class, decoder.decode(encoder.encode(new java.util.HashMap<>(Map.of(1, 2)))).getClass());
    }
}
