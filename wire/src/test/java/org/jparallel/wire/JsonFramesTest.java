package org.jparallel.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFramesTest {

    private static JsonObject parse(String json) throws MalformedMessageException {
        return JsonFrames.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String write(JsonObject object) {
        return new String(JsonFrames.write(object), StandardCharsets.UTF_8);
    }

    @Test
    void jupyterHeaderReadsAsGsonReadsIt() throws Exception {
        String header = "{\"msg_id\": \"a1_2\", \"session\": \"s\", \"username\": \"u\", \"date\": "
                + "\"2026-11-25T20:55:41.062113Z\", \"msg_type\": \"execute_request\", \"version\": \"5.3\"}";
        assertEquals(JsonParser.parseString(header), parse(header));
    }

    @Test
    void nestedValuesOfEveryKindReadAsGsonReadsThem() throws Exception {
        String json = " {\"a\":[1,-2.5e3,0,true,false,null,{},[]],\"b\":{\"c\":\"d\"},\"e\":-0.0,"
                + "\"f\":12345678901234567890}\n";
        assertEquals(JsonParser.parseString(json), parse(json));
    }

    @Test
    void numbersKeepTheirText() throws Exception {
        String numbers = "{\"n\":[1.0,1e5,-0,12345678901234567890,2.50]}";
        assertEquals(numbers, write(parse(numbers)));
    }

    @Test
    void pythonsNanAndInfinitiesRead() throws Exception {
        JsonObject object = parse("{\"a\": NaN, \"b\": Infinity, \"c\": -Infinity}");
        assertTrue(Double.isNaN(object.get("a").getAsDouble()));
        assertEquals(Double.POSITIVE_INFINITY, object.get("b").getAsDouble());
        assertEquals(Double.NEGATIVE_INFINITY, object.get("c").getAsDouble());
        assertEquals("{\"a\":NaN,\"b\":Infinity,\"c\":-Infinity}", write(object));
    }

    @Test
    void escapesAndUnicodeRead() throws Exception {
        JsonObject object = parse("{\"s\": \"q\\\"b\\\\s\\/n\\n\\t\\u00e9\\ud83d\\ude00 é 😀\"}");
        assertEquals("q\"b\\s/n\n\té😀 é 😀", object.get("s").getAsString());
    }

    @Test
    void stringsWrittenReadBackTheSame() throws Exception {
        String s = "plain \" \\ \n \r \t \b \f \u0001 \u007f é ∑ 😀 \u2028 \ud800 end";
        JsonObject object = new JsonObject();
        object.addProperty(s, s);
        JsonObject back = parse(write(object));
        assertEquals(s, back.get(s).getAsString());
        assertEquals(object, JsonParser.parseString(write(object)));
    }

    @Test
    void randomTreesSurviveBothWaysAndGsonAgrees() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            JsonObject tree = randomObject(random, 0);
            byte[] ours = JsonFrames.write(tree);
            assertEquals(tree, JsonFrames.parse(ours));
            assertEquals(tree, JsonParser.parseString(new String(ours, StandardCharsets.UTF_8)));
            assertEquals(tree, JsonFrames.parse(tree.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void writtenFrameIsCompactUtf8() {
        JsonObject object = new JsonObject();
        object.addProperty("k", "é");
        object.add("a", new JsonArray());
        assertArrayEquals("{\"k\":\"é\",\"a\":[]}".getBytes(StandardCharsets.UTF_8), JsonFrames.write(object));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"s\"", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":1} x", "{a:1}",
            "{\"a\":'b'}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}", "{\"a\":1e}", "{\"a\":tru}", "{\"a\":\"\\x\"}",
            "{\"a\":\"\\u12\"}", "{\"a\":\"cut", "{\"a\":\"tab\there\"}", "{\"a\":[1 2]}", "{\"a\":1 \"b\":2}"})
    void malformedFrameIsRefusedWhetherReadWholeOrScannedForNames(String json) {
        byte[] frame = json.getBytes(StandardCharsets.UTF_8);
        assertThrows(MalformedMessageException.class, () -> parse(json));
        assertThrows(MalformedMessageException.class, () -> JsonFrames.strings(frame, "a"));
        assertThrows(MalformedMessageException.class, () -> JsonFrames.strings(frame, "other"));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedNotOverflowed() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> parse(deep));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
        MalformedMessageException scanned = assertThrows(MalformedMessageException.class,
                () -> JsonFrames.strings(deep.getBytes(StandardCharsets.UTF_8), "b"));
        assertTrue(scanned.getMessage().contains("nested deeper"), scanned.getMessage());
    }

    @Test
    void namedStringsAreReadAndTheRestSkipped() throws Exception {
        String header = "{\"date\": \"2026-11-26T09:00:00Z\", \"nested\": {\"msg_id\": \"inner\", \"a\": [1, {}, \"x\"]},"
                + " \"msg_id\": \"a1\\\"b\", \"n\": -1.5e3, \"msg_type\": \"apply_reply\", \"t\": true}";
        String[] found = JsonFrames.strings(header.getBytes(StandardCharsets.UTF_8), "msg_id", "msg_type", "n", "gone");
        assertArrayEquals(new String[] {"a1\"b", "apply_reply", null, null}, found);
    }

    @Test
    void namedStringsAgreeWithTheWholeDictOnRandomDicts() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 300; i++) {
            JsonObject object = randomObject(random, 0);
            String[] names = object.keySet().toArray(String[]::new);
            String[] found = JsonFrames.strings(JsonFrames.write(object), names);
            for (int k = 0; k < names.length; k++) {
                JsonElement value = object.get(names[k]);
                boolean string = value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
                boolean matchable = names[k].chars().allMatch(c -> c >= 0x20 && c < 0x80 && c != '"' && c != '\\');
                assertEquals(string && matchable ? value.getAsString() : null, found[k], names[k] + " in " + object);
            }
        }
    }

    private static JsonObject randomObject(Random random, int depth) {
        JsonObject object = new JsonObject();
        int size = random.nextInt(depth > 2 ? 2 : 6);
        for (int i = 0; i < size; i++) {
            object.add(randomString(random), randomValue(random, depth + 1));
        }
        return object;
    }

    private static JsonElement randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 3 ? 5 : 7)) {
            case 0:
                return JsonNull.INSTANCE;
            case 1:
                return new JsonPrimitive(random.nextBoolean());
            case 2:
                return new JsonPrimitive(random.nextInt() / 7);
            case 3:
                return new JsonPrimitive(random.nextDouble() * 1e6);
            case 4:
                return new JsonPrimitive(randomString(random));
            case 5: {
                JsonArray array = new JsonArray();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                return array;
            }
            default:
                return randomObject(random, depth);
        }
    }

    private static String randomString(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int kind = random.nextInt(10);
            s.appendCodePoint(kind < 6 ? 0x20 + random.nextInt(0x5f) : kind < 7 ? random.nextInt(0x20)
                    : kind < 8 ? 0xa0 + random.nextInt(0x700) : kind < 9 ? 0x4e00 + random.nextInt(0x100)
                    : 0x1f600 + random.nextInt(0x40));
        }
        return s.toString();
    }
}
