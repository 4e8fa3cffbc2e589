package org.jparallel.client.values;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jparallel.display.Display;
import org.jparallel.repl.DeclaredTypes;
import org.jparallel.wire.bulk.BulkFetcher;

/**
 * Turns frames written by a {@link ValueEncoder}, in this JVM or another, back into values.
 *
 * <p>Classes that came with the frames are defined in loaders of their own, one per sender
 * session (snippet class names repeat in every JShell session), reused across messages so that
 * each class is defined once; other classes come from {@code parent}. Cell variables the shipped
 * code reads are set to the sender's values before the values are returned.
 *
 * <pre>{@code
 * ValueDecoder decoder = new ValueDecoder(getClass().getClassLoader());
 * DecodedCall call = decoder.decodeCall(frames);
 * Object result = ((Fn<Object, Object>) call.function()).apply(call.args().get(0));
 * }</pre>
 *
 * <p>Thread-safe, but the static fields of one sender's classes are shared: two calls from the
 * same sender decoded at once, each with different cell variable values, see the later values.
 */
public final class ValueDecoder {

    private final SenderLoaders loaders;
    private final ValueEncoder home;
    private final BulkFetcher bulk;
    private final StatelessLambdas lambdas;
    private final Display display;

    /** A decoder whose received classes can see the classes of {@code parent}. */
    public ValueDecoder(ClassLoader parent) {
        this(parent, null, null);
    }

    /** Like {@link #ValueDecoder(ClassLoader)}, fetching arrays sent on the bulk channel with {@code bulk}. */
    public ValueDecoder(ClassLoader parent, BulkFetcher bulk) {
        this(parent, null, bulk);
    }

    /**
     * Like {@link #ValueDecoder(ClassLoader)}, where values whose classes {@code home} sent (a
     * record of this JVM's session that went to an engine and came back) decode to those very
     * classes, not to copies, so that cells can keep using them.
     */
    public ValueDecoder(ClassLoader parent, ValueEncoder home) {
        this(parent, home, null);
    }

    /**
     * Like {@link #ValueDecoder(ClassLoader, ValueEncoder)}, fetching arrays sent on the bulk channel with
     * {@code bulk} (null: such a message cannot be decoded).
     */
    public ValueDecoder(ClassLoader parent, ValueEncoder home, BulkFetcher bulk) {
        this(new SenderLoaders(Objects.requireNonNull(parent, "parent")), home, bulk, new StatelessLambdas(), null);
    }

    private ValueDecoder(SenderLoaders loaders, ValueEncoder home, BulkFetcher bulk, StatelessLambdas lambdas,
                         Display display) {
        this.loaders = loaders;
        this.home = home;
        this.bulk = bulk;
        this.lambdas = lambdas;
        this.display = display;
    }

    /**
     * This decoder, where a display the sender's code holds (the notebook's, read by a function that calls
     * {@code display(...)}) becomes {@code display}: an engine's, which shows it as output of the running task.
     * Without one, such a value cannot be decoded.
     */
    public ValueDecoder withDisplay(Display display) {
        return new ValueDecoder(loaders, home, bulk, lambdas, Objects.requireNonNull(display, "display"));
    }

    /** The value of frames from {@link ValueEncoder#encode}. */
    public Object decode(List<byte[]> frames) {
        return decodeEntries(frames, HeaderFrame.Kind.VALUE).values().iterator().next();
    }

    /**
     * Like {@link #decode(List)}, for a session whose cells declare {@code home}: a record the sender's cells
     * declared becomes the one of the same name and components declared here (in the value, its records'
     * components, and the elements of the JDK's collections and of arrays of records).
     */
    public Object decode(List<byte[]> frames, DeclaredTypes home) {
        return HomeTypes.convert(decode(frames), home);
    }

    /** The function and arguments of frames from {@link ValueEncoder#encodeCall}. */
    public DecodedCall decodeCall(List<byte[]> frames) {
        List<Object> entries = new ArrayList<>(decodeEntries(frames, HeaderFrame.Kind.CALL).values());
        if (entries.isEmpty()) {
            throw new UndecodableValueException("a call without a function");
        }
        return new DecodedCall(entries.get(0), entries.subList(1, entries.size()));
    }

    /**
     * {@code value}, a value of this JVM, with the records and enums of this JVM's cells made the sender's where the
     * sender of {@code function} declares them too: what a function from another session's cells can take (an
     * engine's variable passed by {@code Reference.to("pts")} to a lambda typed in the notebook).
     */
    public Object forFunction(Object value, Object function) {
        return HomeTypes.convert(value, SenderTypes.of(function));
    }

    /** The values by name, in the order sent, of frames from {@link ValueEncoder#encodeNamed}. */
    public Map<String, Object> decodeNamed(List<byte[]> frames) {
        return Collections.unmodifiableMap(decodeEntries(frames, HeaderFrame.Kind.NAMED));
    }

    /** Like {@link #decodeNamed(List)}, with the records of the sender's cells as in {@link #decode(List, DeclaredTypes)}. */
    public Map<String, Object> decodeNamed(List<byte[]> frames, DeclaredTypes home) {
        Map<String, Object> values = decodeEntries(frames, HeaderFrame.Kind.NAMED);
        values.replaceAll((name, value) -> HomeTypes.convert(value, home));
        return Collections.unmodifiableMap(values);
    }

    private Map<String, Object> decodeEntries(List<byte[]> frames, HeaderFrame.Kind expected) {
        if (frames.isEmpty()) {
            throw new UndecodableValueException("no frames to decode");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(frames.get(0)))) {
            HeaderFrame header = HeaderFrame.read(in);
            if (header.kind() != expected) {
                throw new UndecodableValueException("expected an encoded " + expected.name().toLowerCase()
                        + " but got an encoded " + header.kind().name().toLowerCase());
            }
            ReceivedClasses classes = new ReceivedClasses(header, loaders, home, lambdas, display);
            if (header.staticsFrame() >= 0) {
                classes.applyStatics(frame(frames, header.staticsFrame()));
            }
            TreeReader reader = new TreeReader(in, frames, classes::deserialize, bulk);
            int count = in.readInt();
            Map<String, Object> entries = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String label = in.readUTF();
                entries.put(label, reader.read(label));
            }
            if (expected == HeaderFrame.Kind.VALUE && entries.size() != 1) {
                throw new UndecodableValueException("an encoded value with " + entries.size() + " entries");
            }
            return entries;
        } catch (IOException e) {
            throw new UndecodableValueException("the header frame is cut: " + e.getMessage(), e);
        }
    }

    private static byte[] frame(List<byte[]> frames, int index) {
        if (index <= 0 || index >= frames.size()) {
            throw new UndecodableValueException("frame " + index + " referenced but the message has " + frames.size());
        }
        return frames.get(index);
    }
}
