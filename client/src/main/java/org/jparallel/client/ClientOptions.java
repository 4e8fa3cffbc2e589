package org.jparallel.client;

import java.time.Duration;
import java.util.Objects;
import org.jparallel.client.values.ClassBytes;

/**
 * How a {@link Client} encodes and decodes values, and how long it waits for the controller.
 *
 * <p>Most programs need none of this: the classes of JShell cells, of a program run from its source file
 * ({@code java Main.java}) and of class folders on the class path ({@code java -cp target/classes Main}) travel
 * with the values that use them, read from the loader that defined them. A program can say which classes to ship
 * instead ({@link #withClassBytes}), and which loader values coming back are resolved in.
 *
 * <pre>{@code
 * ClientOptions inKernel = ClientOptions.DEFAULT
 *         .withClassBytes(ClassBytes.of(session.classBytes()))
 *         .withClassLoader(sessionLoader);
 * Client rc = Client.connect("default", inKernel);
 * }</pre>
 *
 * @param classBytes     the bytecode of classes the engines lack, beyond JShell's ({@link ClassBytes#none()}:
 *                       the program's own, compiled in memory or kept in class folders)
 * @param classLoader    the loader values coming back are resolved in (null: the client's own)
 * @param requestTimeout how long to wait for the controller to answer a request to itself
 */
public record ClientOptions(ClassBytes classBytes, ClassLoader classLoader, Duration requestTimeout) {

    /** The program's own classes ship themselves, the client's class loader, 10 s for the controller. */
    public static final ClientOptions DEFAULT = new ClientOptions(ClassBytes.none(), null, Duration.ofSeconds(10));

    public ClientOptions {
        Objects.requireNonNull(classBytes, "classBytes: use ClassBytes.none()");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    public ClientOptions withClassBytes(ClassBytes newClassBytes) {
        return new ClientOptions(newClassBytes, classLoader, requestTimeout);
    }

    public ClientOptions withClassLoader(ClassLoader newClassLoader) {
        return new ClientOptions(classBytes, newClassLoader, requestTimeout);
    }

    public ClientOptions withRequestTimeout(Duration newTimeout) {
        return new ClientOptions(classBytes, classLoader, newTimeout);
    }

    ClassLoader loader() {
        return classLoader != null ? classLoader : Client.class.getClassLoader();
    }
}
