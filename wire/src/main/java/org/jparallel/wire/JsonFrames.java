package org.jparallel.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The JSON dicts of message frames, read from and written to UTF-8 bytes straight into Gson's tree types.
 *
 * <p>Every message crosses this four times on each side, so it is written for that: no character stream, no
 * type adapters. Profiles of the cluster had Gson's reader, writer and adapters at 15-25% of every process's
 * samples, and at a tenth of what an engine's JIT compiled in its first minute.
 *
 * <p>What it reads is JSON as Python's {@code json} module writes it: also {@code NaN}, {@code Infinity} and
 * {@code -Infinity}, which Gson's lenient parser took too. Numbers keep their text (a {@link LazilyParsedNumber},
 * as Gson's parser makes), so a number read and written again is unchanged.
 *
 * <pre>{@code
 * JsonObject header = JsonFrames.parse(frame);
 * byte[] again = JsonFrames.write(header);
 * }</pre>
 */
public final class JsonFrames {
    /** Deeper nesting is refused rather than risking the stack on a hostile frame. */
    static final int MAX_DEPTH = 256;

    private JsonFrames() {
    }

    /**
     * The dict in {@code utf8}.
     *
     * @throws MalformedMessageException when it is not one JSON object, saying where it goes wrong
     */
    public static JsonObject parse(byte[] utf8) throws MalformedMessageException {
        Reader reader = new Reader(utf8);
        reader.skipSpace();
        if (reader.peek() != '{') {
            throw reader.error("expected a JSON object");
        }
        JsonObject object = (JsonObject) reader.value(0);
        reader.skipSpace();
        if (reader.at < utf8.length) {
            throw reader.error("unexpected data after the object");
        }
        return object;
    }

    /**
     * The string members {@code names} of the dict in {@code utf8}, in that order (null for one that is absent or not
     * a string), read without building the dict: what the controller routes every message it relays by. The rest of
     * the dict is checked as {@link #parse} checks it, without keeping anything.
     *
     * <pre>{@code
     * String[] idAndType = JsonFrames.strings(headerFrame, "msg_id", "msg_type");
     * }</pre>
     *
     * @param names member names in ASCII without escapes (a name written with escapes in the frame is not matched)
     * @throws MalformedMessageException when it is not one JSON object, saying where it goes wrong
     */
    public static String[] strings(byte[] utf8, String... names) throws MalformedMessageException {
        Reader reader = new Reader(utf8);
        reader.skipSpace();
        if (reader.peek() != '{') {
            throw reader.error("expected a JSON object");
        }
        String[] found = reader.members(names);
        reader.skipSpace();
        if (reader.at < utf8.length) {
            throw reader.error("unexpected data after the object");
        }
        return found;
    }

    /** {@code object} as compact JSON in UTF-8. */
    public static byte[] write(JsonObject object) {
        Writer writer = new Writer();
        writer.value(object);
        return writer.bytes();
    }

    private static final class Reader {
        private final byte[] in;
        private int at;

        Reader(byte[] in) {
            this.in = in;
        }

        int peek() {
            return at < in.length ? in[at] : -1;
        }

        void skipSpace() {
            while (at < in.length && (in[at] == ' ' || in[at] == '\n' || in[at] == '\r' || in[at] == '\t')) {
                at++;
            }
        }

        MalformedMessageException error(String what) {
            return new MalformedMessageException("not valid JSON: " + what + " at byte " + at);
        }

        JsonElement value(int depth) throws MalformedMessageException {
            if (depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH);
            }
            skipSpace();
            int c = peek();
            switch (c) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"':
                    return new JsonPrimitive(string());
                case 't':
                    literal("true");
                    return new JsonPrimitive(true);
                case 'f':
                    literal("false");
                    return new JsonPrimitive(false);
                case 'n':
                    literal("null");
                    return JsonNull.INSTANCE;
                case 'N':
                    literal("NaN");
                    return new JsonPrimitive(Double.NaN);
                case 'I':
                    literal("Infinity");
                    return new JsonPrimitive(Double.POSITIVE_INFINITY);
                default:
                    if (c == '-' && at + 1 < in.length && in[at + 1] == 'I') {
                        at++;
                        literal("Infinity");
                        return new JsonPrimitive(Double.NEGATIVE_INFINITY);
                    }
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return new JsonPrimitive(new LazilyParsedNumber(number()));
                    }
                    throw error(c < 0 ? "the data ends where a value should be" : "unexpected character");
            }
        }

        private JsonObject object(int depth) throws MalformedMessageException {
            JsonObject object = new JsonObject();
            if (opensEmpty('}')) {
                return object;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a quoted name");
                }
                String name = string();
                skipSpace();
                expect(':');
                object.add(name, value(depth + 1));
                if (closes('}')) {
                    return object;
                }
            }
        }

        /** At an object's opening brace: the string values of the named members, the rest skipped. */
        String[] members(String[] names) throws MalformedMessageException {
            String[] found = new String[names.length];
            if (opensEmpty('}')) {
                return found;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a quoted name");
                }
                int named = nameIndex(names);
                skipSpace();
                expect(':');
                skipSpace();
                if (named >= 0 && peek() == '"') {
                    found[named] = string();
                } else {
                    skip(1);
                }
                if (closes('}')) {
                    return found;
                }
            }
        }

        /** Past a member's name: its index among {@code names}, or -1. */
        private int nameIndex(String[] names) throws MalformedMessageException {
            int start = at + 1;
            skipString();
            int end = at - 1;
            for (int i = 0; i < names.length; i++) {
                if (sameAscii(names[i], start, end)) {
                    return i;
                }
            }
            return -1;
        }

        private boolean sameAscii(String name, int start, int end) {
            if (name.length() != end - start) {
                return false;
            }
            for (int i = 0; i < name.length(); i++) {
                if (in[start + i] != name.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Checks one value and moves past it, keeping nothing. */
        private void skip(int depth) throws MalformedMessageException {
            if (depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH);
            }
            skipSpace();
            switch (peek()) {
                case '{' -> {
                    if (opensEmpty('}')) {
                        return;
                    }
                    do {
                        skipSpace();
                        if (peek() != '"') {
                            throw error("expected a quoted name");
                        }
                        skipString();
                        skipSpace();
                        expect(':');
                        skip(depth + 1);
                    } while (!closes('}'));
                }
                case '[' -> {
                    if (opensEmpty(']')) {
                        return;
                    }
                    do {
                        skip(depth + 1);
                    } while (!closes(']'));
                }
                case '"' -> skipString();
                default -> {
                    int c = peek();
                    boolean minusInfinity = c == '-' && at + 1 < in.length && in[at + 1] == 'I';
                    if ((c == '-' || (c >= '0' && c <= '9')) && !minusInfinity) {
                        numberEnd();
                    } else {
                        value(depth); // true, false, null, NaN, Infinity: shared or tiny
                    }
                }
            }
        }

        /** Moves past a quoted string, checking it as {@link #string} does. */
        private void skipString() throws MalformedMessageException {
            at++;
            while (at < in.length) {
                byte b = in[at];
                if (b == '"') {
                    at++;
                    return;
                }
                if (b >= 0 && b < 0x20) {
                    throw error("a control character inside a string");
                }
                at++;
                if (b == '\\') {
                    int c = peek();
                    at++;
                    switch (c) {
                        case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> { }
                        case 'u' -> hex4();
                        default -> {
                            at--;
                            throw error("an unknown escape");
                        }
                    }
                }
            }
            throw error("the data ends inside a string");
        }

        private JsonArray array(int depth) throws MalformedMessageException {
            JsonArray array = new JsonArray();
            if (opensEmpty(']')) {
                return array;
            }
            while (true) {
                array.add(value(depth + 1));
                if (closes(']')) {
                    return array;
                }
            }
        }

        /** At an opening bracket: true past the closing one when nothing stands between, false past the opening one. */
        private boolean opensEmpty(char close) {
            at++;
            skipSpace();
            if (peek() != close) {
                return false;
            }
            at++;
            return true;
        }

        /** After a member: true past the closing bracket, false past a comma (another member follows). */
        private boolean closes(char close) throws MalformedMessageException {
            skipSpace();
            int c = peek();
            if (c != close && c != ',') {
                throw error("expected , or " + close);
            }
            at++;
            return c == close;
        }

        private void expect(char c) throws MalformedMessageException {
            if (peek() != c) {
                throw error("expected " + c);
            }
            at++;
        }

        private void literal(String word) throws MalformedMessageException {
            for (int i = 0; i < word.length(); i++, at++) {
                if (peek() != word.charAt(i)) {
                    throw error("expected " + word);
                }
            }
        }

        /** The text of a number, checked against JSON's grammar. */
        private String number() throws MalformedMessageException {
            int start = at;
            numberEnd();
            return new String(in, start, at - start, StandardCharsets.ISO_8859_1);
        }

        /** Moves past a number, checking it against JSON's grammar. */
        private void numberEnd() throws MalformedMessageException {
            if (peek() == '-') {
                at++;
            }
            if (peek() == '0') {
                at++;
            } else if (!digits()) {
                throw error("a number without digits");
            }
            if (peek() == '.') {
                at++;
                if (!digits()) {
                    throw error("no digits after the decimal point");
                }
            }
            if (peek() == 'e' || peek() == 'E') {
                at++;
                if (peek() == '+' || peek() == '-') {
                    at++;
                }
                if (!digits()) {
                    throw error("no digits in the exponent");
                }
            }
        }

        private boolean digits() {
            int start = at;
            while (peek() >= '0' && peek() <= '9') {
                at++;
            }
            return at > start;
        }

        /** A quoted string; most have no escapes and are ASCII, which needs no decoding step. */
        private String string() throws MalformedMessageException {
            int start = ++at;
            boolean ascii = true;
            while (at < in.length) {
                byte b = in[at];
                if (b == '"') {
                    at++;
                    return new String(in, start, at - 1 - start,
                            ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                }
                if (b == '\\') {
                    return escapedString(start);
                }
                if (b >= 0 && b < 0x20) {
                    throw error("a control character inside a string");
                }
                ascii &= b >= 0;
                at++;
            }
            throw error("the data ends inside a string");
        }

        private String escapedString(int start) throws MalformedMessageException {
            StringBuilder out = new StringBuilder(at - start + 16);
            out.append(new String(in, start, at - start, StandardCharsets.UTF_8));
            while (at < in.length) {
                byte b = in[at];
                if (b == '"') {
                    at++;
                    return out.toString();
                }
                if (b >= 0 && b < 0x20) {
                    throw error("a control character inside a string");
                }
                if (b != '\\') {
                    int run = at;
                    while (at < in.length && in[at] != '"' && in[at] != '\\' && (in[at] < 0 || in[at] >= 0x20)) {
                        at++;
                    }
                    out.append(new String(in, run, at - run, StandardCharsets.UTF_8));
                    continue;
                }
                at++;
                int c = peek();
                at++;
                switch (c) {
                    case '"', '\\', '/' -> out.append((char) c);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> out.append(hex4());
                    default -> {
                        at--;
                        throw error("an unknown escape");
                    }
                }
            }
            throw error("the data ends inside a string");
        }

        private char hex4() throws MalformedMessageException {
            if (at + 4 > in.length) {
                throw error("a cut \\u escape");
            }
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int digit = Character.digit(in[at++], 16);
                if (digit < 0) {
                    throw error("a \\u escape that is not hexadecimal");
                }
                value = value * 16 + digit;
            }
            return (char) value;
        }
    }

    private static final class Writer {
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

        private byte[] out = new byte[256];
        private int size;

        byte[] bytes() {
            return Arrays.copyOf(out, size);
        }

        // Small methods on purpose: one value() with everything inlined took C2 seconds to compile (JFR).
        void value(JsonElement element) {
            if (element instanceof JsonObject object) {
                object(object);
            } else if (element instanceof JsonArray array) {
                array(array);
            } else if (element instanceof JsonPrimitive primitive) {
                primitive(primitive);
            } else {
                ascii("null");
            }
        }

        private void object(JsonObject object) {
            put('{');
            boolean first = true;
            for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
                if (!first) {
                    put(',');
                }
                first = false;
                string(entry.getKey());
                put(':');
                value(entry.getValue());
            }
            put('}');
        }

        private void array(JsonArray array) {
            put('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    put(',');
                }
                value(array.get(i));
            }
            put(']');
        }

        private void primitive(JsonPrimitive primitive) {
            if (primitive.isString()) {
                string(primitive.getAsString());
            } else if (primitive.isBoolean()) {
                ascii(primitive.getAsBoolean() ? "true" : "false");
            } else {
                ascii(primitive.getAsNumber().toString()); // NaN and Infinity too, as Python writes them
            }
        }

        /** A quoted string: printable ASCII goes as it is, the rest (rarer) through {@link #encoded}. */
        private void string(String s) {
            room(s.length() + 2);
            out[size++] = '"';
            int i = 0;
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                    break;
                }
                out[size++] = (byte) c;
            }
            if (i < s.length()) {
                encoded(s, i);
            }
            room(1);
            out[size++] = '"';
        }

        private void encoded(String s, int from) {
            for (int i = from; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                    room(1);
                    out[size++] = (byte) c;
                } else if (c < 0x80) {
                    escape(c);
                } else if (c == '\u2028' || c == '\u2029') {
                    unicodeEscape(c); // line separators that JavaScript reads as line ends
                } else if (c < 0x800) {
                    room(2);
                    out[size++] = (byte) (0xC0 | c >> 6);
                    out[size++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int code = Character.toCodePoint(c, s.charAt(++i));
                    room(4);
                    out[size++] = (byte) (0xF0 | code >> 18);
                    out[size++] = (byte) (0x80 | code >> 12 & 0x3F);
                    out[size++] = (byte) (0x80 | code >> 6 & 0x3F);
                    out[size++] = (byte) (0x80 | code & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    unicodeEscape(c); // a lone surrogate has no UTF-8 form; the escape keeps it
                } else {
                    room(3);
                    out[size++] = (byte) (0xE0 | c >> 12);
                    out[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                    out[size++] = (byte) (0x80 | c & 0x3F);
                }
            }
        }

        private void escape(char c) {
            switch (c) {
                case '"' -> ascii("\\\"");
                case '\\' -> ascii("\\\\");
                case '\n' -> ascii("\\n");
                case '\r' -> ascii("\\r");
                case '\t' -> ascii("\\t");
                case '\b' -> ascii("\\b");
                case '\f' -> ascii("\\f");
                default -> unicodeEscape(c);
            }
        }

        private void unicodeEscape(char c) {
            room(6);
            out[size++] = '\\';
            out[size++] = 'u';
            out[size++] = HEX[c >> 12 & 0xF];
            out[size++] = HEX[c >> 8 & 0xF];
            out[size++] = HEX[c >> 4 & 0xF];
            out[size++] = HEX[c & 0xF];
        }

        private void ascii(String s) {
            room(s.length());
            for (int i = 0; i < s.length(); i++) {
                out[size++] = (byte) s.charAt(i);
            }
        }

        private void put(char c) {
            room(1);
            out[size++] = (byte) c;
        }

        private void room(int more) {
            if (size + more > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
            }
        }
    }
}
