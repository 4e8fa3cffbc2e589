package org.jparallel.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicException;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicRegistry;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.magic.OptionWords;
import org.jparallel.magic.builtin.JarsMagic;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;

/**
 * {@code %maven COORDINATES...}: artifacts from Maven repositories, with what they need at run time, onto the class
 * path of the following cells and of this JVM, as IJava's {@code %maven} does. In a cluster's engines too:
 * {@code %px %maven ...}.
 *
 * <pre>{@code
 * %maven com.google.guava:guava:33.4.0-jre
 * %maven --repo https://jitpack.io com.github.user:lib:1.0
 * }</pre>
 */
public final class MavenMagic implements Magic {
    private final ArtifactResolver resolver;
    /** What this session's class path has from here, so that a jar two artifacts share is added once. */
    private final Set<Path> added = new HashSet<>();
    /** The version of each artifact added, by its folder in the local repository. */
    private final Map<Path, RepositoryJar> addedVersions = new HashMap<>();

    public MavenMagic(ArtifactResolver resolver) {
        this.resolver = resolver;
    }

    /** Resolves into Maven's own local repository ({@code ~/.m2/repository}). */
    public MavenMagic() {
        this(ArtifactResolver.userDefault());
    }

    @Override
    public String name() {
        return "maven";
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.LINE, MagicKind.CELL);
    }

    @Override
    public String usage() {
        return """
                %maven [--repo URL]... GROUP:ARTIFACT:VERSION...
                    Add artifacts and everything they need at run time (their dependencies, as Maven
                    resolves them) to the class path of the following cells, e.g.
                    %maven com.google.guava:guava:33.4.0-jre org.apache.commons:commons-math3:3.6.1
                    Looks in ~/.m2/repository first (-Dmaven.repo.local elsewhere), then Maven Central,
                    then each --repo URL given in this session (https:, http: or file:; ID::URL names it
                    for the settings' servers and mirrors). Mirrors, proxies,
                    servers' credentials, offline and localRepository of ~/.m2/settings.xml apply.
                    Also GROUP:ARTIFACT:EXTENSION[:CLASSIFIER]:VERSION.
                    Engines of a cluster need them too: %px %maven COORDINATES.
                %%maven [--repo URL]...
                COORDINATES or <dependency> ELEMENTS...
                    The cell's artifacts: coordinates, one or more a line, or <dependency> and <repository>
                    elements (or a whole pom.xml), as pasted from a library's page. %%loadFromPOM is the
                    same, under IJava's name.""";
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException, MagicException {
        List<String> coordinates = new ArrayList<>();
        List<String> words = List.of(OptionWords.withoutComment(call.arguments()).trim().split("\\s+"));
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--repo") || word.startsWith("--repo=")) {
                String url = word.equals("--repo") ? (i + 1 < words.size() ? words.get(++i) : "") : word.substring(7);
                if (url.isEmpty()) {
                    throw new MagicUsageException("--repo needs a URL");
                }
                addRepository(url);
            } else if (word.startsWith("-")) {
                throw new MagicUsageException("unknown option " + word);
            } else if (!word.isEmpty()) {
                coordinates.add(word);
            }
        }
        if (call.kind() == MagicKind.CELL) {
            coordinates.addAll(take(call.body(), Set.of(), "%%loadFromPOM"));
        }
        if (coordinates.isEmpty()) {
            if (words.stream().anyMatch(w -> w.startsWith("--repo"))) {
                System.out.println("Repositories: " + String.join(", ", resolver.repositories()));
                return CellOutcome.nothing();
            }
            throw new MagicUsageException("%maven needs the coordinates of at least one artifact");
        }
        return add(coordinates, context);
    }

    /**
     * Registers {@code %maven}, and IJava's {@code %%loadFromPOM}, {@code %mavenRepo} and the long names of both
     * ({@code %addMavenDependencies}, {@code %addMavenDependency}, {@code %addMavenRepo}), which share its
     * repositories and what it added.
     */
    public MagicRegistry registerIn(MagicRegistry registry) {
        Magic mavenRepo = mavenRepo();
        return registry.register(this).register(Magic.alias("addMavenDependencies", this))
                .register(Magic.alias("addMavenDependency", this)).register(loadFromPom()).register(mavenRepo)
                .register(Magic.alias("addMavenRepo", mavenRepo));
    }

    /** {@code %mavenRepo ID URL}: IJava's way to add a repository, {@code %maven --repo ID::URL} here. */
    private Magic mavenRepo() {
        return Magic.of("mavenRepo", Set.of(MagicKind.LINE), "%mavenRepo ID URL\n    IJava's: %maven asks this"
                + " repository too, after the others (as %maven --repo ID::URL).", (call, context) -> {
                    String[] words = call.arguments().strip().split("\\s+");
                    if (words.length != 2) {
                        throw new MagicUsageException("%mavenRepo needs an id and a URL");
                    }
                    addRepository(words[0] + "::" + words[1]);
                    System.out.println("Repositories: " + String.join(", ", resolver.repositories()));
                    return CellOutcome.nothing();
                });
    }

    /**
     * IJava's {@code %loadFromPOM PATH [SCOPE...]} and {@code %%loadFromPOM [SCOPE...]}: what a POM file or the
     * cell's POM text needs at run time (or the dependencies of the scopes named) onto the class path.
     */
    private Magic loadFromPom() {
        return Magic.of("loadFromPOM", Set.of(MagicKind.LINE, MagicKind.CELL), """
                %loadFromPOM PATH [SCOPE...]
                    The dependencies a pom.xml declares, with theirs, onto the class path: those it needs to run
                    (scopes compile and runtime), or those of the scopes named (compile runtime provided test
                    system). Its <repositories> are asked too.
                %%loadFromPOM [SCOPE...]
                <dependency> and <repository> elements, or a pom.xml
                    The same for the cell's text (IJava's name for %%maven). A <dependency> pasted alone is taken
                    whatever its scope.""", (call, context) -> {
                    List<String> words = call.arguments().isBlank() ? List.of()
                            : List.of(call.arguments().strip().split("\\s+"));
                    String text = call.body();
                    String source = "%%loadFromPOM";
                    if (call.kind() == MagicKind.LINE) {
                        if (words.isEmpty()) {
                            throw new MagicUsageException("%loadFromPOM needs the path of a pom.xml");
                        }
                        Path pom = Path.of(words.get(0));
                        text = read(pom);
                        source = "%loadFromPOM " + pom;
                        words = words.subList(1, words.size());
                    }
                    List<String> coordinates = take(text, new LinkedHashSet<>(words), source);
                    if (coordinates.isEmpty()) {
                        System.out.println("No dependencies to add.");
                        return CellOutcome.nothing();
                    }
                    return add(coordinates, context);
                });
    }

    private static String read(Path pom) throws MagicUsageException, IOException {
        try {
            return Files.readString(pom);
        } catch (NoSuchFileException e) {
            throw new MagicUsageException("no file " + pom.toAbsolutePath());
        }
    }

    /**
     * The coordinates of a cell's text (see {@link DependencyText}), whose repositories join this session's; says
     * which dependencies their scope left out, and how to take them with {@code magic}.
     */
    private List<String> take(String text, Set<String> scopes, String magic) throws MagicUsageException {
        DependencyText cell;
        try {
            cell = DependencyText.parse(text, scopes);
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException(e.getMessage());
        }
        for (String repository : cell.repositories()) {
            addRepository(repository);
        }
        if (!cell.leftOut().isEmpty()) {
            System.out.println("Left out by their scope: " + String.join(", ", cell.leftOut())
                    + " (to take them, name the scopes: " + magic + " compile runtime test)");
        }
        return cell.coordinates();
    }

    private void addRepository(String url) throws MagicUsageException {
        try {
            resolver.addRepository(url);
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException(e.getMessage());
        }
    }

    /**
     * Resolves the artifacts and puts them on the class path, or stops at an interrupt. Maven's resolver does not
     * heed interrupts mid-download, so it runs on a thread of its own that the cell stops waiting for; what it was
     * downloading lands in the local repository, and nothing is added.
     */
    private CellOutcome add(List<String> coordinates, MagicContext context) throws MagicUsageException, MagicException {
        CompletableFuture<List<Path>> resolution = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            synchronized (resolver) { // one resolution at a time, an interrupted one included
                if (resolution.isDone()) {
                    return;
                }
                try {
                    resolution.complete(resolver.resolve(coordinates, downloaded -> {
                        if (!resolution.isDone()) {
                            System.out.println("Downloaded " + downloaded);
                        }
                    }));
                } catch (ResolutionException | RuntimeException | Error e) {
                    resolution.completeExceptionally(e);
                }
            }
        }, "jparallel-maven-resolution");
        worker.setDaemon(true);
        worker.start();
        List<Path> jars;
        try (AutoCloseable stop = context.onInterrupt(() -> {
            resolution.cancel(true);
            worker.interrupt();
        })) {
            jars = resolution.get();
        } catch (CancellationException | InterruptedException e) {
            resolution.cancel(true);
            worker.interrupt();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            System.out.println("Interrupted: nothing added; a download under way finishes into the local repository.");
            return new CellOutcome.Interrupted();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException wrong) {
                throw new MagicUsageException(wrong.getMessage());
            }
            if (e.getCause() instanceof ResolutionException failed) {
                throw new MagicException("MavenError", failed.getMessage());
            }
            if (e.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            throw (Error) e.getCause();
        } catch (Exception e) { // from closing the interrupt hook
            throw new IllegalStateException("unhooking %maven from the cell's interrupt failed", e);
        }
        addToClassPath(jars, context.session());
        return CellOutcome.nothing();
    }

    private void addToClassPath(List<Path> jars, JavaSession session) {
        List<String> names = new ArrayList<>();
        boolean cellsOnly = false;
        for (Path jar : jars) {
            Optional<RepositoryJar> artifact = RepositoryJar.of(jar);
            Optional<RepositoryJar> earlier = artifact.map(a -> addedVersions.get(a.artifactFolder()));
            if (earlier.isPresent() && !earlier.get().version().equals(artifact.get().version())) {
                // Both on the class path, the first would serve every class they share, and the second's new
                // classes would call into the first: neither version works as its tests said.
                System.out.println(artifact.get().artifact() + " " + earlier.get().version() + " is on the class"
                        + " path already, so " + artifact.get().version() + " was left out: a JVM keeps the classes"
                        + " it loaded. Restart the kernel to use " + artifact.get().version() + ".");
                continue;
            }
            if (added.add(jar)) {
                artifact.ifPresent(a -> addedVersions.put(a.artifactFolder(), a));
                cellsOnly |= !session.addToClasspath(jar);
                names.add(jar.getFileName().toString());
            }
        }
        if (names.isEmpty()) {
            System.out.println("Already on the class path: nothing to add.");
            return;
        }
        JarsMagic.reportAdded(names, cellsOnly);
    }
}
