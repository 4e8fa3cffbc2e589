package org.jparallel.maven.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * A Maven repository in a folder, for tests that must not reach the network: artifacts of one class each, compiled
 * here, with POMs that declare their dependencies.
 */
final class FileRepository {
    private final Path root;

    FileRepository(Path root) {
        this.root = root;
    }

    String url() {
        return root.toUri().toString();
    }

    /**
     * Publishes {@code group:artifact:version} holding one class.
     *
     * @param source       the class's source (its package decides where it goes)
     * @param classPath    what it compiles against (the jars of its dependencies), or ""
     * @param dependencies the POM's {@code <dependency>} elements
     * @return the jar published
     */
    Path publish(String group, String artifact, String version, String source, String classPath, String dependencies)
            throws IOException {
        Path folder = root.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
        Files.createDirectories(folder);
        Path work = Files.createTempDirectory(root.getParent(), "build");
        Path file = work.resolve("Source.java");
        Files.writeString(file, source.replaceFirst("public (class|record|interface) (\\w+)", "public $1 $2"));
        String className = source.replaceAll("(?s).*public (?:class|record|interface) (\\w+).*", "$1");
        Path named = Files.move(file, work.resolve(className + ".java"));
        Path classes = work.resolve("classes");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", classPath, named.toString());
        assertEquals(0, status, "javac failed for " + artifact);
        Path jar = folder.resolve(artifact + "-" + version + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
        Path pom = folder.resolve(artifact + "-" + version + ".pom");
        Files.writeString(pom, """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <dependencies>%s</dependencies>
                </project>
                """.formatted(group, artifact, version, dependencies));
        writeChecksum(jar);
        writeChecksum(pom);
        return jar;
    }

    /** The SHA-1 file beside each file, as repositories have, which the resolver checks downloads against. */
    private static void writeChecksum(Path file) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file));
            Files.writeString(file.resolveSibling(file.getFileName() + ".sha1"), HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String dependency(String group, String artifact, String version, String scope) {
        return "<dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version><scope>%s</scope></dependency>"
                .formatted(group, artifact, version, scope);
    }
}
