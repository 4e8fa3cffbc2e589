package org.jparallel.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RepositoryJarTest {
    private static final Path REPO = Path.of("/home/u/.m2/repository");

    @Test
    void twoVersionsOfAnArtifactShareItsFolder() {
        RepositoryJar old = RepositoryJar.of(REPO.resolve("com/google/guava/guava/32.0-jre/guava-32.0-jre.jar")).orElseThrow();
        RepositoryJar next = RepositoryJar.of(REPO.resolve("com/google/guava/guava/33.1-jre/guava-33.1-jre.jar")).orElseThrow();
        assertEquals(old.artifactFolder(), next.artifactFolder());
        assertEquals("guava", next.artifact());
        assertEquals("33.1-jre", next.version());
    }

    @Test
    void aClassifiedJarIsAnArtifactOfItsOwn() {
        RepositoryJar plain = RepositoryJar.of(REPO.resolve("org/x/lib/1.0/lib-1.0.jar")).orElseThrow();
        RepositoryJar linux = RepositoryJar.of(REPO.resolve("org/x/lib/1.0/lib-1.0-linux-x86_64.jar")).orElseThrow();
        assertNotEquals(plain.artifactFolder(), linux.artifactFolder());
    }

    @Test
    void aJarOutsideTheRepositoryLayoutIsNone() {
        assertTrue(RepositoryJar.of(Path.of("/opt/libs/tool.jar")).isEmpty());
        assertTrue(RepositoryJar.of(Path.of("tool.jar")).isEmpty());
    }
}
