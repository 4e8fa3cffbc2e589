package org.jparallel.client;

import java.time.Duration;
import java.util.Objects;
import org.jparallel.client.values.ClassBytes;

/**
 * How a {@link Client} encodes and decodes values, and how long it waits for the controller.
 *
 * <p>A plain JVM needs none of this. A JShell session (the kernel) passes the bytecode of its snippet
 * classes, so lambdas and records typed in cells can run on engines, and its class loader, so values of
 * those classes coming back can be read.
 *
 * <pre>{@code
 * ClientOptions inKernel = ClientOptions.DEFAULT
 *         .withClassBytes(ClassBytes.of(session.classBytes()))
 *         .withClassLoader(sessionLoader);
 * Client rc = Client.connect("default", inKernel);
 * }</pre>
 *
 * @param classBytes     the bytecode of classes that exist only in this JVM's JShell session
 * @param classLoader    the loader values coming back are resolved in (null: the client's own)
 * @param requestTimeout how long to wait for the controller to answer a request to itself
 */
public record ClientOptions(ClassBytes classBytes, ClassLoader classLoader, Duration requestTimeout) {

    /** No JShell classes, the client's class loader, 10 s for the controller. */
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
