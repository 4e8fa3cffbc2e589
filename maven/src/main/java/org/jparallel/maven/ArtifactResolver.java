package org.jparallel.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.transfer.TransferResource;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Finds artifacts and everything they need at run time, as Maven builds a class path: through their POMs, from the
 * local repository when it has them, else from the remote repositories (Maven Central, then those added), into the
 * local repository. Maven's own resolver does the work, wired as Maven 3 wires it.
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
    /** Not the resolver's objects: a kernel makes a resolver at start, and loads the resolver at first use. */
    private final List<Repository> repositories = new ArrayList<>();

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
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            collect.addDependency(new Dependency(artifact(coordinate), JavaScopes.RUNTIME));
        }
        MavenSettings settings = settings();
        Path local = localRepository != null ? localRepository
                : settings.localRepository().orElse(Path.of(System.getProperty("user.home"), ".m2", "repository"));
        // A system per call, shut down after it: a notebook resolves seldom, and nothing then lingers in the JVM
        RepositorySystem system = new RepositorySystemSupplier().get();
        try (CloseableSession session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(local)
                .setOffline(settings.offline())
                .setMirrorSelector(settings.mirrors())
                .setProxySelector(settings.proxies())
                .setAuthenticationSelector(settings.servers())
                .setSystemProperties(System.getProperties())
                .setConfigProperties(Map.of(ConfigurationProperties.CONNECT_TIMEOUT, 10_000,
                        ConfigurationProperties.REQUEST_TIMEOUT, 120_000))
                .setTransferListener(new DownloadReport(downloads))
                .build()) {
            // through the settings: a mirror in place of a repository, a proxy and credentials to reach it
            collect.setRepositories(system.newResolutionRepositories(session, remoteRepositories()));
            List<Path> files = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(session,
                    new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME)))
                    .getArtifactResults()) {
                files.add(result.getArtifact().getPath());
            }
            return files;
        } catch (DependencyResolutionException e) {
            throw new ResolutionException(e);
        } finally {
            system.shutdown();
        }
    }

    /** Says what was downloaded; checksums and metadata files go unsaid. */
    private static final class DownloadReport extends AbstractTransferListener {
        private final Consumer<String> downloads;

        DownloadReport(Consumer<String> downloads) {
            this.downloads = downloads;
        }

        @Override
        public void transferSucceeded(TransferEvent event) {
            TransferResource resource = event.getResource();
            String name = resource.getResourceName();
            if (event.getRequestType() == TransferEvent.RequestType.GET && (name.endsWith(".jar") || name.endsWith(".pom"))) {
                downloads.accept(name.substring(name.lastIndexOf('/') + 1) + " (" + size(event.getTransferredBytes())
                        + ") from " + resource.getRepositoryUrl());
            }
        }

        private static String size(long bytes) {
            return bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " kB" : String.format("%.1f MB", bytes / 1048576.0);
        }
    }

    private List<RemoteRepository> remoteRepositories() {
        return repositories.stream().map(r -> new RemoteRepository.Builder(r.id(), "default", r.url()).build()).toList();
    }

    private MavenSettings settings() throws ResolutionException {
        if (settingsFile == null) {
            return MavenSettings.NONE;
        }
        try {
            return MavenSettings.read(settingsFile);
        } catch (IllegalArgumentException e) {
            throw new ResolutionException(e);
        }
    }

    private static DefaultArtifact artifact(String coordinate) {
        try {
            return new DefaultArtifact(coordinate.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + coordinate + "' is not an artifact's coordinates:"
                    + " give group:artifact:version, e.g. com.google.guava:guava:33.4.0-jre");
        }
    }
}
