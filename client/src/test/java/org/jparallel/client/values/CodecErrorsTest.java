package org.jparallel.client.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What users see when a value cannot be sent or received. */
class CodecErrorsTest {

    private final ValueEncoder encoder = new ValueEncoder(ClassBytes.none());

    @Test
    void unserializableArgumentIsNamedWithItsPath() {
        UnserializableValueException e = assertThrows(UnserializableValueException.class,
                () -> encoder.encodeCall(new Holder("f"), 1, new Holder(new Thread())));
        assertEquals("args[1].field: java.lang.Thread is not serializable (make it Serializable or transient, or"
                + " send something else)", e.getMessage());
        assertEquals("java.lang.Thread", e.className());
    }

    @Test
    void aStreamAnIteratorAndAMapsViewAreNamedWithWhatToSendInstead() {
        Map<String, Integer> map = new java.util.HashMap<>(Map.of("a", 1));
        assertTrue(assertThrows(UnserializableValueException.class, () -> encoder.encode(new Holder(Stream.of(1))))
                .getMessage().startsWith("value.field: a stream, which runs where it was made: collect what it gives"
                        + " first"));
        assertTrue(assertThrows(UnserializableValueException.class,
                () -> encoder.encode(new Holder(List.of(1).iterator()))).getMessage().contains("an iterator"));
        assertTrue(assertThrows(UnserializableValueException.class, () -> encoder.encode(new Holder(map.keySet())))
                .getMessage().contains("copy it, as in new ArrayList<>(map.keySet())"));
    }

    @Test
    void unserializableElementInsideAListIsNamedByIndex() {
        List<Object> list = new ArrayList<>(List.of(new Holder(1), new Holder(2)));
        list.add(new Holder(List.of(new Object())));
        UnserializableValueException e = assertThrows(UnserializableValueException.class, () -> encoder.encode(list));
        assertEquals("value[2].field[0]", e.path());
        assertEquals("java.lang.Object", e.className());
    }

    @Test
    void unserializableNamedValueIsNamedByItsName() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("ok", 1);
        values.put("lock", new Holder(new Object()));
        UnserializableValueException e = assertThrows(UnserializableValueException.class,
                () -> encoder.encodeNamed(values));
        assertEquals("lock.field", e.path());
    }

    @Test
    void valueOfAClassMissingOnTheReceiverNamesIt() {
        List<byte[]> frames = encoder.encode(new Sample(3));
        ValueDecoder withoutTestClasses = new ValueDecoder(ClassLoader.getPlatformClassLoader());
        MissingClassException e = assertThrows(MissingClassException.class, () -> withoutTestClasses.decode(frames));
        assertEquals(Sample.class.getName(), e.className());
        assertTrue(e.getMessage().startsWith("cannot decode value: class org.jparallel.client.values.Sample is"
                + " missing on this JVM"), e.getMessage());
    }

    @Test
    void serializableValueOfTheClassPathRoundTripsWithoutJShell() {
        ValueDecoder decoder = new ValueDecoder(getClass().getClassLoader());
        assertEquals(new Holder(new Sample(5)), decoder.decode(encoder.encode(new Holder(new Sample(5)))));
    }

    @Test
    void callAndNamedValuesKeepTheirOrder() {
        ValueDecoder decoder = new ValueDecoder(getClass().getClassLoader());
        DecodedCall call = decoder.decodeCall(encoder.encodeCall(new Holder("fn"), 1, null, "three"));
        assertEquals(new Holder("fn"), call.function());
        assertEquals(java.util.Arrays.asList(1, null, "three"), call.args());
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("b", 2.0);
        named.put("a", new Sample(1));
        assertEquals(named, decoder.decodeNamed(encoder.encodeNamed(named)));
        assertEquals(List.of("b", "a"), new ArrayList<>(decoder.decodeNamed(encoder.encodeNamed(named)).keySet()));
    }

    @Test
    void framesOfAValueAreNotACall() {
        ValueDecoder decoder = new ValueDecoder(getClass().getClassLoader());
        UndecodableValueException e = assertThrows(UndecodableValueException.class,
                () -> decoder.decodeCall(encoder.encode(1)));
        assertEquals("expected an encoded call but got an encoded value", e.getMessage());
    }

    @Test
    void framesNotWrittenByTheCodecAreRejected() {
        ValueDecoder decoder = new ValueDecoder(getClass().getClassLoader());
        UndecodableValueException e = assertThrows(UndecodableValueException.class,
                () -> decoder.decode(List.of("{\"json\": 1}".getBytes())));
        assertTrue(e.getMessage().contains("not an encoded value"), e.getMessage());
    }
}
