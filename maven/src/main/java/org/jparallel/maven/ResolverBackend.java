package org.jparallel.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * What resolves artifacts for {@link ArtifactResolver}: Maven's resolver, in a jar and a class loader of its own
 * ({@link ResolverJar}), whose classes this module does not reference.
 */
public interface ResolverBackend {
    /**
     * The files of these artifacts and of their run-time dependencies, nearest first.
     *
     * @param coordinates  {@code group:artifact[:extension[:classifier]]:version}
     * @param repositories {@code ID::URL} of each remote repository, in the order they are asked
     * @param downloads    told each file downloaded, as it arrives
     * @throws IllegalArgumentException when a coordinate is not of that form
     * @throws ResolutionException      when an artifact or a POM cannot be found or read
     */
    List<Path> resolve(List<String> coordinates, List<String> repositories, Consumer<String> downloads)
            throws ResolutionException;
}
