package org.jparallel.repl;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where JShell looks for Javadoc in this JVM: the JDK's {@code src.zip}, as it does by itself, and the source
 * folders that jars on the class path carry at {@value #RESOURCE} (jparallel's client API and {@code Cluster}),
 * so that a notebook's inspector shows the documentation and examples of the cluster API, not only its
 * signatures.
 *
 * <p>JShell reads doc comments from source files only, and takes its source roots from {@code src.zip} unless a
 * private static list of its own, there for its tests, names others. This sets that list, which needs
 * {@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED} (the kernel jar's manifest has it); without it, or on a
 * JDK whose JShell is built otherwise, nothing changes. The roots are found at the first inspection, not here,
 * so a kernel's start pays nothing for them.
 *
 * <pre>{@code
 * JavadocSources.addToThisJvm(Kernel.class.getClassLoader());   // before the first session documents anything
 * }</pre>
 */
public final class JavadocSources {
    /**
     * The folder of a jar (or class folder) that holds its API's {@code .java} files, by package. A jar needs an entry
     * for the folder itself, as Maven's jars have, for a class loader to find it.
     */
    public static final String RESOURCE = "META-INF/jparallel/sources";

    private static final Logger LOG = Logger.getLogger(JavadocSources.class.getName());

    private JavadocSources() {
    }

    /**
     * Makes every JShell session of this JVM read Javadoc from the JDK's sources and from the {@value #RESOURCE}
     * folders the loader sees.
     *
     * @return whether JShell took the list
     */
    public static boolean addToThisJvm(ClassLoader loader) {
        try {
            var field = Class.forName("jdk.jshell.SourceCodeAnalysisImpl").getDeclaredField("availableSourcesOverride");
            field.setAccessible(true);
            field.set(null, new FoundOnFirstUse(loader));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "JShell documents from the JDK's sources only", e);
            return false;
        }
    }

    /** The JDK's source roots, as JShell finds them, then the loader's {@value #RESOURCE} folders. */
    static List<Path> roots(ClassLoader loader) {
        List<Path> roots = new ArrayList<>(jdkSources());
        try {
            for (URL url : Collections.list(loader.getResources(RESOURCE))) {
                Path folder = folder(url.toURI());
                if (Files.isDirectory(folder)) {
                    roots.add(folder);
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.log(Level.WARNING, "the cluster API's sources could not be read; its Javadoc will not show", e);
        }
        return roots;
    }

    private static Path folder(URI uri) throws IOException {
        if (uri.getScheme().equals("jar")) {
            try {
                FileSystems.newFileSystem(uri, java.util.Map.of()); // kept open: JShell reads it whenever asked
            } catch (FileSystemAlreadyExistsException e) {
                // opened before, by us or by the class path's own reader: Path.of finds it
            }
        }
        return Path.of(uri);
    }

    /** What JShell's own search finds: {@code lib/src.zip} of this JDK, by module folder when it has them. */
    private static List<Path> jdkSources() {
        Path home = Path.of(System.getProperty("java.home"));
        Path srcZip = home.resolve("lib").resolve("src.zip");
        if (!Files.isReadable(srcZip)) {
            srcZip = home.getParent().resolve("src.zip");
        }
        if (!Files.isReadable(srcZip)) {
            return List.of();
        }
        try {
            Path root = FileSystems.newFileSystem(srcZip).getRootDirectories().iterator().next();
            if (Files.exists(root.resolve("java/lang/Object.java"))) {
                return List.of(srcZip);
            }
            List<Path> modules = new ArrayList<>();
            try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
                folders.forEach(modules::add);
            }
            return modules;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "no JDK sources in " + srcZip, e);
            return List.of();
        }
    }

    /** The roots, looked for when JShell first reads the list. */
    private static final class FoundOnFirstUse extends AbstractList<Path> {
        private final ClassLoader loader;
        private List<Path> roots;

        FoundOnFirstUse(ClassLoader loader) {
            this.loader = loader;
        }

        private synchronized List<Path> roots() {
            if (roots == null) {
                roots = List.copyOf(JavadocSources.roots(loader));
            }
            return roots;
        }

        @Override
        public Path get(int index) {
            return roots().get(index);
        }

        @Override
        public int size() {
            return roots().size();
        }
    }
}
