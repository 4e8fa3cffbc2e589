package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jar that carries its sources at {@value JavadocSources#RESOURCE} gets its Javadoc shown, as the kernel's jar does
 * for the client API. Sessions run in JVMs of their own: the sources are JShell's, for the whole JVM.
 */
class JavadocSourcesTest {
    private static final String SOURCE = """
            package demo;

            /** Says hello in several languages. */
            public class Greeting {
                /** The greeting in French. */
                public static String french() {
                    return "bonjour";
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aJarsSourcesGiveItsJavadoc() throws Exception {
        assertEquals("""
                added=true
                demo.Greeting: Says hello in several languages.
                String demo.Greeting.french(): The greeting in French.""", runChild(greetingJar(), true));
    }

    /** The control: without them JShell knows the signatures only, so the Javadoc above came from the jar. */
    @Test
    void withoutOpeningJShellNothingChanges() throws Exception {
        assertEquals("""
                added=false
                demo.Greeting: (none)
                String demo.Greeting.french(): (none)""", runChild(greetingJar(), false));
    }

    @Test
    void theJdksSourcesComeFirst() throws Exception {
        Path sources = Files.createDirectories(dir.resolve(JavadocSources.RESOURCE));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            List<Path> roots = JavadocSources.roots(loader);
            assertEquals(sources, roots.get(roots.size() - 1));
            Path srcZip = Path.of(System.getProperty("java.home"), "lib", "src.zip");
            if (Files.isReadable(srcZip)) {
                assertTrue(roots.stream().anyMatch(root -> root.toString().equals("/java.base")), roots.toString());
            }
        }
    }

    /** demo.Greeting compiled into a jar beside its source at {@value JavadocSources#RESOURCE}. */
    private Path greetingJar() throws IOException {
        Path source = dir.resolve("src/demo/Greeting.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        Path classes = dir.resolve("classes");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertEquals(0, status, "javac failed");
        Path jar = dir.resolve("greeting.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // folders have entries of their own, as in the jars Maven builds: the class loader finds the folder by its entry
            for (String folder : List.of("demo/", "META-INF/", "META-INF/jparallel/", JavadocSources.RESOURCE + "/",
                    JavadocSources.RESOURCE + "/demo/")) {
                add(out, folder, new byte[0]);
            }
            add(out, "demo/Greeting.class", Files.readAllBytes(classes.resolve("demo/Greeting.class")));
            add(out, JavadocSources.RESOURCE + "/demo/Greeting.java", SOURCE.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static String runChild(Path jar, boolean openJShell) throws IOException, InterruptedException {
        return ChildJvm.output(Child.class,
                openJShell ? List.of("--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED") : List.of(), jar.toString());
    }

    /** Adds the jar's sources, opens a session with the jar on its class path, prints what it documents. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Path jar = Path.of(args[0]);
            boolean added = JavadocSources.addToThisJvm(new URLClassLoader(new URL[] {jar.toUri().toURL()}, null));
            System.out.println("added=" + added);
            try (JShell shell = JShell.builder().executionEngine("local").build()) {
                shell.addToClasspath(jar.toString());
                SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
                for (String code : List.of("demo.Greeting", "demo.Greeting.french(")) {
                    System.out.println(analysis.documentation(code, code.length(), true).stream()
                            .map(doc -> doc.signature() + ": " + (doc.javadoc() == null ? "(none)" : doc.javadoc().strip()))
                            .collect(Collectors.joining("\n")));
                }
            }
            System.exit(0);
        }
    }
}
