package org.jparallel.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds artifacts and everything they need at run time, as Maven builds a class path: through their POMs, from the
 * local repository when it has them, else from the remote repositories (Maven Central, then those added), into the
 * local repository. Maven's own resolver does the work, wired as Maven 3 wires it, loaded apart at the first
 * resolution ({@link ResolverJar}).
 *
 * <pre>{@code
 * ArtifactResolver maven = ArtifactResolver.userDefault();   // ~/.m2/repository, Maven Central, ~/.m2/settings.xml
 * List<Path> jars = maven.resolve(List.of("com.google.guava:guava:33.4.0-jre"));
 * // [.../guava-33.4.0-jre.jar, .../failureaccess-1.0.2.jar, ...]
 * }</pre>
 */
public final class ArtifactResolver {
    /** Maven Central, as Maven's super POM names it. */
    public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    /** Null where the settings file, or Maven's default, says. */
    private final Path localRepository;
    /** Null for Maven's defaults. */
    private final Path settingsFile;
    private final List<Repository> repositories = new ArrayList<>();
    /** Loaded at the first resolution: a kernel makes a resolver at start, and most never resolve. */
    private ResolverBackend backend;

    /**
     * A resolver of Maven's defaults, whatever settings file the user has.
     *
     * @param localRepository where artifacts are looked for first and downloaded to, in Maven's layout
     * @param repositories    the remote repositories to ask, in order (see {@link #addRepository})
     */
    public ArtifactResolver(Path localRepository, List<String> repositories) {
        this(localRepository.toAbsolutePath(), null, repositories);
    }

    private ArtifactResolver(Path localRepository, Path settingsFile, List<String> repositories) {
        this.localRepository = localRepository;
        this.settingsFile = settingsFile;
        repositories.forEach(this::addRepository);
    }

    /**
     * The resolver Maven would be for this user: its {@code ~/.m2/settings.xml}, read at each resolution (mirrors,
     * proxies, servers' credentials, offline), the local repository of {@code -Dmaven.repo.local}, else the settings',
     * else {@code ~/.m2/repository}; Maven Central first.
     */
    public static ArtifactResolver userDefault() {
        return withSettings(Path.of(System.getProperty("user.home"), ".m2", "settings.xml"));
    }

    /** {@link #userDefault()} with another settings file (Maven's {@code -s}). */
    public static ArtifactResolver withSettings(Path settingsFile) {
        String local = System.getProperty("maven.repo.local");
        return new ArtifactResolver(local == null || local.isBlank() ? null : Path.of(local).toAbsolutePath(),
                settingsFile, List.of(CENTRAL));
    }

    /** The remote repositories' URLs, in the order they are asked: Maven Central first. */
    public synchronized List<String> repositories() {
        return repositories.stream().map(Repository::url).toList();
    }

    /**
     * Asks this repository too, after the others, from now on.
     *
     * @param repository an {@code https://}, {@code http://} or {@code file:} URL of a repository in Maven's layout,
     *                   or {@code ID::URL} (as Maven's {@code -DremoteRepositories}), whose id the settings' servers
     *                   (credentials) and mirrors know it by
     * @throws IllegalArgumentException for any other URL
     */
    public synchronized void addRepository(String repository) {
        int separator = repository.indexOf("::");
        String id = separator < 0 ? null : repository.substring(0, separator);
        String url = separator < 0 ? repository : repository.substring(separator + 2);
        if (!url.matches("(?i)(https?|file):.+") || (id != null && !id.matches("[\\w.-]+"))) {
            throw new IllegalArgumentException("a repository is an https://, http:// or file: URL, or ID::URL, not '"
                    + repository + "'");
        }
        String normalized = url.endsWith("/") ? url : url + "/";
        if (repositories().contains(normalized)) {
            return;
        }
        repositories.add(new Repository(id != null ? id : normalized.equals(CENTRAL) ? "central"
                : "repo" + repositories.size(), normalized));
    }

    /** A remote repository: ids name them in settings (mirrorOf, servers) and in the local repository's records. */
    private record Repository(String id, String url) {
    }

    /**
     * The files of these artifacts and of their run-time dependencies, nearest first as Maven orders a class path,
     * one version of each artifact (Maven's nearest-wins).
     *
     * @param coordinates {@code group:artifact:version}, or {@code group:artifact:extension[:classifier]:version}
     * @throws IllegalArgumentException when a coordinate is not of that form
     * @throws ResolutionException      when an artifact or a POM cannot be found or read; says which and where
     */
    public List<Path> resolve(List<String> coordinates) throws ResolutionException {
        return resolve(coordinates, downloaded -> { });
    }

    /**
     * {@link #resolve(List)}, telling each file downloaded (an artifact's jar, a POM) as it arrives.
     *
     * @param downloads told {@code "guava-33.4.0-jre.jar (3.1 MB) from https://repo.maven.apache.org/maven2/"}
     */
    public synchronized List<Path> resolve(List<String> coordinates, Consumer<String> downloads)
            throws ResolutionException {
        if (backend == null) {
            backend = ResolverJar.load(localRepository, settingsFile);
        }
        return backend.resolve(coordinates, repositories.stream().map(r -> r.id() + "::" + r.url()).toList(), downloads);
    }
}
