package org.jparallel.repl;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.logging.Logger;

/**
 * This JVM's {@link Instrumentation}, got by loading this class as an agent into the JVM itself, the first time a
 * session needs to redefine a cell's class in place (see {@link CellExecutionControl#redefine}): JShell's local
 * execution cannot otherwise, and replaces the class instead, dropping the variables that hold its objects.
 *
 * <p>The JVM must allow it: {@code -Djdk.attach.allowAttachSelf=true} (and, quiet on JDK 21+,
 * {@code -XX:+EnableDynamicAgentLoading}), as the kernelspec and the engines' launcher give. Without them, or without
 * the {@code jdk.attach} module, there is none, and JShell replaces classes as before. Attaching takes about 0.2 s,
 * once per JVM.
 *
 * <pre>{@code
 * ClassRedefinition.instrumentation().ifPresent(inst -> inst.redefineClasses(definitions));
 * }</pre>
 */
final class ClassRedefinition {
    private static final Logger LOG = Logger.getLogger(ClassRedefinition.class.getName());

    /**
     * Set by the JVM through {@link #agentmain}, which can only hand it to a static method: one per JVM, as the
     * instrumentation itself is.
     */
    private static volatile Instrumentation instrumentation;
    private static boolean tried;

    private ClassRedefinition() {
    }

    /** The agent's entry point, which the JVM calls as it loads this class as an agent. */
    public static void agentmain(String arguments, Instrumentation given) {
        instrumentation = given;
    }

    /** The JVM's instrumentation, attached at the first call; empty when this JVM does not allow it. */
    static synchronized Optional<Instrumentation> instrumentation() {
        if (instrumentation == null && !tried) {
            tried = true;
            try {
                attach();
            } catch (Exception | LinkageError e) {
                // one line: the JVM's reason is all there is to say (a trace would fill a kernel's console)
                LOG.info("cells' classes are replaced, not redefined in place: the JVM did not let itself be"
                        + " attached (" + e + "); start it with -Djdk.attach.allowAttachSelf=true");
            }
        }
        return Optional.ofNullable(instrumentation).filter(Instrumentation::isRedefineClassesSupported);
    }

    /**
     * Loads this class as an agent: a jar of a manifest only (the class itself comes from the class path, where the
     * system class loader finds it first), attached by this JVM's own pid.
     */
    private static void attach() throws Exception {
        Path jar = Files.createTempFile("jparallel-agent", ".jar");
        try {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().putValue("Agent-Class", ClassRedefinition.class.getName());
            manifest.getMainAttributes().putValue("Can-Redefine-Classes", "true");
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream empty = new JarOutputStream(out, manifest)) {
                empty.flush();
            }
            VirtualMachine self = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
            try {
                self.loadAgent(jar.toString());
            } finally {
                self.detach();
            }
        } finally {
            deleteQuietly(jar);
        }
    }

    private static void deleteQuietly(Path jar) {
        try {
            Files.deleteIfExists(jar);
        } catch (IOException e) {
            jar.toFile().deleteOnExit();
        }
    }
}
