package org.jparallel.maven;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A jar where Maven's repository layout puts it, {@code …/ARTIFACT/VERSION/ARTIFACT-VERSION[-CLASSIFIER].jar}:
 * the folder of all its versions, and its version.
 *
 * @param artifactFolder the folder holding every version of the artifact (with the classifier, if any, so that
 *                       {@code -sources} or a platform jar is an artifact of its own)
 */
record RepositoryJar(Path artifactFolder, String artifact, String version) {

    static Optional<RepositoryJar> of(Path jar) {
        Path versionFolder = jar.toAbsolutePath().getParent();
        Path artifactFolder = versionFolder == null ? null : versionFolder.getParent();
        if (artifactFolder == null || artifactFolder.getFileName() == null) {
            return Optional.empty();
        }
        String artifact = artifactFolder.getFileName().toString();
        String version = versionFolder.getFileName().toString();
        String file = jar.getFileName().toString();
        String stem = artifact + "-" + version;
        if (!file.startsWith(stem) || !file.endsWith(".jar")) {
            return Optional.empty();
        }
        String classifier = file.substring(stem.length(), file.length() - ".jar".length());
        return Optional.of(new RepositoryJar(artifactFolder.resolve(classifier), artifact, version));
    }
}
