package org.jparallel.client.values;

import java.util.Map;
import java.util.Optional;

/**
 * Where a {@link ValueEncoder} finds the bytecode of classes the receiving JVM may lack, so that it can send
 * them along with the values that use them.
 *
 * <p>Without one ({@link #none()}), the encoder still ships the program's own classes: JShell's snippet
 * classes, the classes of a program run from its source file ({@code java Main.java}) and those of class folders
 * on the class path ({@code java -cp target/classes Main}), each with every such class its bytecode mentions;
 * not those of jars. A program that gives its own {@code ClassBytes} (to ship fewer classes, say) ships only what
 * that returns, besides JShell's.
 *
 * <pre>{@code
 * ValueEncoder inKernel = new ValueEncoder(ClassBytes.of(session.classBytes()));
 * ValueEncoder plain = new ValueEncoder(ClassBytes.none());   // the program's own classes only
 * }</pre>
 */
@FunctionalInterface
public interface ClassBytes {

    /** The class file of the class with this binary name (e.g. {@code REPL.$JShell$12}), if it is shipped. */
    Optional<byte[]> bytecode(String binaryName);

    /** Nothing beyond the program's own classes (see above). */
    static ClassBytes none() {
        return ProgramClassFiles.NONE_GIVEN;
    }

    /** Reads a live map, such as {@code JavaSession.classBytes()}, at each lookup. */
    static ClassBytes of(Map<String, byte[]> classes) {
        return name -> Optional.ofNullable(classes.get(name));
    }
}
