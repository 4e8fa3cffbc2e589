package org.jparallel.repl;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This JVM's own class path, grown by {@code %jars}. JShell adds an entry to its session's loader only, so code
 * outside the cells (the cluster client decoding a result, an engine running a lambda shipped from a notebook)
 * would not see the entry's classes. Appended to the application class loader, which JShell's loader asks
 * first, each class of the entry exists once, for cells and for everything else.
 *
 * <p>The application class loader appends entries for {@code java.lang.instrument} agents; its method is
 * reached by reflection, so the JVM needs {@code --add-opens java.base/jdk.internal.loader=ALL-UNNAMED}
 * (engines get it, the kernel jar's manifest has it). Without it the entry serves cells only.
 */
final class HostClassPath {
    private static final Logger LOG = Logger.getLogger(HostClassPath.class.getName());
    static final String OPEN_PACKAGE = "--add-opens java.base/jdk.internal.loader=ALL-UNNAMED";

    private HostClassPath() {
    }

    /**
     * Appends {@code entry} (a jar or a folder of classes) to the application class path, and to
     * {@code java.class.path}, so that sessions opened later (an engine's after a clear) compile against it too.
     *
     * @return whether it was appended; false when this JVM does not let us (see the class comment)
     */
    static boolean append(Path entry) {
        ClassLoader application = ClassLoader.getSystemClassLoader();
        try {
            Method append = application.getClass().getDeclaredMethod("appendToClassPathForInstrumentation",
                    String.class);
            append.setAccessible(true);
            append.invoke(application, entry.toString());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, entry + " serves JShell cells only: the application class loader cannot be "
                    + "appended to (" + e + "); run the JVM with " + OPEN_PACKAGE, e);
            return false;
        }
        String classPath = System.getProperty("java.class.path", "");
        System.setProperty("java.class.path", classPath.isEmpty() ? entry.toString()
                : classPath + File.pathSeparator + entry);
        return true;
    }
}
