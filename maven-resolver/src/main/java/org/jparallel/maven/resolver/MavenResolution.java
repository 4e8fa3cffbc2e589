package org.jparallel.maven.resolver;

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
import org.jparallel.maven.ResolutionException;
import org.jparallel.maven.ResolverBackend;

/**
 * Maven's own resolver, wired as Maven 3 wires it (POMs, transitive run-time dependencies, nearest-wins, checksums,
 * the local repository's layout and locks), behind {@link ResolverBackend}. It and its libraries live in a jar of
 * their own inside jparallel's, loaded in a class loader of their own at the first resolution (see
 * {@code org.jparallel.maven.ResolverJar}): cells and engines never see them, and JVMs that never resolve never
 * open them.
 */
public final class MavenResolution implements ResolverBackend {
    private final Path localRepository;
    private final Path settingsFile;

    /**
     * @param localRepository the local repository, or null for the settings' or Maven's default
     * @param settingsFile    Maven settings to read at each resolution, or null for none
     */
    public MavenResolution(Path localRepository, Path settingsFile) {
        this.localRepository = localRepository;
        this.settingsFile = settingsFile;
    }

    @Override
    public List<Path> resolve(List<String> coordinates, List<String> repositories, Consumer<String> downloads)
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
            collect.setRepositories(system.newResolutionRepositories(session, remote(repositories)));
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

    /** {@code ID::URL} each: ids name repositories in settings (mirrorOf, servers) and in the local repository. */
    private static List<RemoteRepository> remote(List<String> repositories) {
        return repositories.stream().map(r -> {
            int separator = r.indexOf("::");
            return new RemoteRepository.Builder(r.substring(0, separator), "default", r.substring(separator + 2)).build();
        }).toList();
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
}
