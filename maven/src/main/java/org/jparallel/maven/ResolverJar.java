package org.jparallel.maven;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where Maven's resolver comes from: a jar of its own (the {@code maven-resolver} module, with its libraries)
 * carried inside jparallel's jar at {@value #RESOURCE}, copied out once into the user's cache folder and loaded in
 * a class loader of its own when a JVM first resolves. Kept apart, the resolver's 2,700 classes are not entries of the jar that every engine's JShell
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
                backend = isolated(own);
            }
            return (ResolverBackend) backend.getConstructor(Path.class, Path.class)
                    .newInstance(localRepository, settingsFile);
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            throw new ResolutionException(new IllegalStateException("Maven's resolver did not load: " + e, e));
        }
    }

    /**
     * The backend class, from a copy of the resolver's jar in the user's cache folder ({@code $XDG_CACHE_HOME}, else
     * {@code ~/.cache}), named by its content's hash: written once, shared by the kernel and the engines of the host,
     * and never left behind per JVM (engines are often killed, and the resolver reads its own resources, the super
     * POM among them, through the file's name for as long as it runs).
     */
    private static Class<?> isolated(ClassLoader parent) throws IOException, ClassNotFoundException {
        URL resource = parent.getResource(RESOURCE);
        if (resource == null) {
            throw new IOException(RESOURCE + " is not in jparallel's jar (the kernel module's build puts it there)");
        }
        byte[] bytes;
        try (InputStream in = resource.openStream()) {
            bytes = in.readAllBytes();
        }
        Path jar = cacheFolder().resolve("maven-resolver-" + sha256(bytes).substring(0, 16) + ".jar");
        if (!Files.isRegularFile(jar) || Files.size(jar) != bytes.length) {
            Files.createDirectories(jar.getParent());
            Path written = Files.createTempFile(jar.getParent(), "maven-resolver-", ".tmp");
            Files.write(written, bytes);
            Files.move(written, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return Class.forName(BACKEND, true, new URLClassLoader("maven-resolver", new URL[] {jar.toUri().toURL()},
                parent));
    }

    private static Path cacheFolder() {
        String cache = System.getenv("XDG_CACHE_HOME");
        return (cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("jparallel");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }
}
