package org.jparallel.maven;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where Maven's resolver comes from: a jar of its own (the {@code maven-resolver} module, with its libraries)
 * carried inside jparallel's jar at {@value #RESOURCE}, copied out and loaded in a class loader of its own when a
 * JVM first resolves. Kept apart, the resolver's 2,700 classes are not entries of the jar that every engine's JShell
 * indexes (a bigger index grew each idle engine by 4–9 MB), and cells never see its libraries (httpclient, SLF4J,
 * plexus) beside their own.
 */
final class ResolverJar {
    static final String RESOURCE = "META-INF/jparallel/maven-resolver.jar";
    static final String BACKEND = "org.jparallel.maven.resolver.MavenResolution";

    private ResolverJar() {
    }

    /**
     * A resolver for this local repository and settings file (either null for the defaults).
     *
     * @throws ResolutionException when the resolver's jar is missing or does not load
     */
    static ResolverBackend load(Path localRepository, Path settingsFile) throws ResolutionException {
        ClassLoader own = ResolverJar.class.getClassLoader();
        try {
            Class<?> backend;
            try {
                backend = Class.forName(BACKEND, true, own); // on the class path already: the module's own tests
            } catch (ClassNotFoundException inTheJar) {
                backend = Class.forName(BACKEND, true, isolated(own));
            }
            return (ResolverBackend) backend.getConstructor(Path.class, Path.class)
                    .newInstance(localRepository, settingsFile);
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            throw new ResolutionException(new IllegalStateException("Maven's resolver did not load: " + e, e));
        }
    }

    private static ClassLoader isolated(ClassLoader parent) throws IOException {
        URL resource = parent.getResource(RESOURCE);
        if (resource == null) {
            throw new IOException(RESOURCE + " is not in jparallel's jar (the kernel module's build puts it there)");
        }
        Path jar = Files.createTempFile("jparallel-maven-resolver-", ".jar");
        jar.toFile().deleteOnExit();
        try (InputStream in = resource.openStream()) {
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        return new URLClassLoader("maven-resolver", new URL[] {jar.toUri().toURL()}, parent);
    }
}
