package org.jparallel.client.values;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jparallel.display.Display;

/**
 * The classes one received message carries, resolved: each origin's classes in that origin's
 * current loader (one generation for the whole message), and classes the home encoder sent as
 * the home session's own classes.
 */
final class ReceivedClasses implements ResolvingObjectInputStream.ClassTable {

    private final HeaderFrame header;
    private final SenderLoaders loaders;
    private final ValueEncoder home;
    private final StatelessLambdas lambdas;
    private final Display display;
    private final Map<Integer, ShippedClassLoader> byOrigin = new HashMap<>();
    /** The first class a stream of this message could not find, or null. */
    private String firstMissing;

    /** @param display what a display sent here stands for, or null */
    ReceivedClasses(HeaderFrame header, SenderLoaders loaders, ValueEncoder home, StatelessLambdas lambdas,
                    Display display) {
        this.header = header;
        this.loaders = loaders;
        this.home = home;
        this.lambdas = lambdas;
        this.display = display;
        Map<Integer, Map<String, byte[]>> grouped = new LinkedHashMap<>();
        for (HeaderFrame.ShippedClass shipped : header.classes()) {
            grouped.computeIfAbsent(shipped.origin(), k -> new HashMap<>()).put(shipped.name(), shipped.bytes());
        }
        grouped.forEach((origin, classes) ->
                byOrigin.put(origin, loaders.loaderFor(header.origins().get(origin), classes)));
    }

    @Override
    public Class<?> resolve(int index, String descriptorName) throws ClassNotFoundException {
        if (index >= header.classes().size()) {
            throw new UndecodableValueException("class " + descriptorName + " refers to carried class " + index
                    + " of " + header.classes().size());
        }
        HeaderFrame.ShippedClass shipped = header.classes().get(index);
        if (isHome(shipped.origin())) {
            Class<?> own = home.sentClass(shipped.name());
            if (own != null) {
                for (int i = 0; descriptorName.charAt(i) == '['; i++) {
                    own = own.arrayType();
                }
                return own;
            }
        }
        return Class.forName(descriptorName, false, byOrigin.get(shipped.origin()));
    }

    @Override
    public ClassLoader parent() {
        return loaders.parent();
    }

    @Override
    public Display display() {
        return display;
    }

    @Override
    public void missing(String className) {
        if (firstMissing == null) {
            firstMissing = className;
        }
    }

    /** Sets the sender's cell variables that the carried code reads; never those of the home session. */
    void applyStatics(byte[] frame) {
        ShippedClassLoader loader = byOrigin.get(0);
        if (isHome(0)) {
            return;
        }
        if (loader == null) {
            throw new UndecodableValueException("static field values came without the classes that hold them");
        }
        try (ResolvingObjectInputStream in = new ResolvingObjectInputStream(new ByteArrayInputStream(frame), this)) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String className = in.readUTF();
                String field = in.readUTF();
                Object value = in.readObject();
                StaticFields.set(Class.forName(className, false, loader), field, value);
            }
        } catch (IOException | ClassNotFoundException | LinkageError e) {
            throw failure("the variables the code reads", e);
        }
    }

    /** One serialized entry, named by {@code label} in errors. */
    Object deserialize(byte[] frame, String label) {
        StatelessLambdas.Key key = lambdaKey(frame);
        Object known = key == null ? null : lambdas.get(key);
        if (known != null) {
            return known;
        }
        try (ResolvingObjectInputStream in = new ResolvingObjectInputStream(new ByteArrayInputStream(frame), this)) {
            Object value = in.readObject();
            if (key != null) {
                lambdas.offer(key, value);
            }
            return value;
        } catch (IOException | ClassNotFoundException | LinkageError e) {
            throw failure(label, e);
        }
    }

    /**
     * What a frame decodes to depends on its bytes and on where each carried class it names resolves; null
     * when a carried class is the home session's own, which {@link #resolve} looks up anew each time.
     */
    private StatelessLambdas.Key lambdaKey(byte[] frame) {
        if (!StatelessLambdas.mayKeep(frame)) {
            return null;
        }
        List<ClassLoader> tableLoaders = new ArrayList<>(header.classes().size());
        for (HeaderFrame.ShippedClass shipped : header.classes()) {
            if (isHome(shipped.origin())) {
                return null;
            }
            tableLoaders.add(byOrigin.get(shipped.origin()));
        }
        return StatelessLambdas.key(frame, tableLoaders);
    }

    private boolean isHome(int origin) {
        return home != null && header.origins().get(origin).equals(home.id());
    }

    private UndecodableValueException failure(String label, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClassNotFoundException && cause.getMessage() != null) {
                return new MissingClassException(label, cause.getMessage(), e);
            }
            if (cause instanceof UnsupportedClassVersionError newer) {
                return new UndecodableValueException("cannot decode " + label + ": its classes come from a JVM of a"
                        + " newer Java than this one's, Java " + Runtime.version().feature() + " (" + newer.getMessage()
                        + "); run the notebook and the engines on the same JDK, or this side on the newer one", e);
            }
            if (cause instanceof ExceptionInInitializerError failed) {
                return initializerFailed(label, failed, e);
            }
            if (cause instanceof NoClassDefFoundError && cause.getMessage() != null
                    && !cause.getMessage().startsWith("Could not initialize")) {
                return new MissingClassException(label, cause.getMessage().replace('/', '.'), e);
            }
        }
        if (e instanceof UndecodableValueException undecodable) {
            return undecodable;
        }
        if (firstMissing != null) {
            return new MissingClassException(label, firstMissing, e);
        }
        return new UndecodableValueException("cannot decode " + label + ": " + e, e);
    }

    /**
     * A shipped class is initialized here as it is used, and its static initializer runs here: a program's main
     * class whose {@code static final Client rc = Client.connect()} connects again from every engine, or whose
     * {@code Cluster.start} fails there. The error names the class and what its initializer threw.
     */
    private static UndecodableValueException initializerFailed(String label, ExceptionInInitializerError failed,
            Throwable e) {
        Throwable thrown = failed.getCause() == null ? failed : failed.getCause();
        String initialized = Arrays.stream(thrown.getStackTrace())
                .filter(frame -> frame.getMethodName().equals("<clinit>"))
                .map(StackTraceElement::getClassName).reduce((inner, outer) -> outer).orElse("a class it uses");
        return new UndecodableValueException("cannot decode " + label + ": the static initializer of " + initialized
                + " threw " + thrown + " on this JVM; the classes a function uses are initialized again where it"
                + " runs, their static fields' initializers included: set up what only the sender should (a Client,"
                + " a Cluster, files) in its main method, not in a static field", e);
    }
}
