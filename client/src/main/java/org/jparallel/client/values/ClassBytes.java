package org.jparallel.client.values;

import java.util.Map;
import java.util.Optional;

/**
 * Where a {@link ValueEncoder} finds the bytecode of classes that exist only in this JVM's
 * JShell session, so that it can send them along with the values that use them.
 *
 * <pre>{@code
 * ValueEncoder inKernel = new ValueEncoder(ClassBytes.of(session.classBytes()));
 * ValueEncoder plain = new ValueEncoder(ClassBytes.none());   // no JShell: nothing to ship
 * }</pre>
 */
@FunctionalInterface
public interface ClassBytes {

    /** The class file of the class with this binary name (e.g. {@code REPL.$JShell$12}), if it is shipped. */
    Optional<byte[]> bytecode(String binaryName);

    /** For a JVM without JShell: every class is expected on the other side's class path. */
    static ClassBytes none() {
        return name -> Optional.empty();
    }

    /** Reads a live map, such as {@code JavaSession.classBytes()}, at each lookup. */
    static ClassBytes of(Map<String, byte[]> classes) {
        return name -> Optional.ofNullable(classes.get(name));
    }
}
