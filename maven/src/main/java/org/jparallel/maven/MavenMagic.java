package org.jparallel.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicException;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicRegistry;
import org.jparallel.magic.MagicUsageException;
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
        List<String> words = List.of(call.arguments().trim().split("\\s+"));
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
            DependencyText cell;
            try {
                cell = DependencyText.parse(call.body());
            } catch (IllegalArgumentException e) {
                throw new MagicUsageException(e.getMessage());
            }
            for (String repository : cell.repositories()) {
                addRepository(repository);
            }
            coordinates.addAll(cell.coordinates());
        }
        if (coordinates.isEmpty()) {
            if (words.stream().anyMatch(w -> w.startsWith("--repo"))) {
                System.out.println("Repositories: " + String.join(", ", resolver.repositories()));
                return CellOutcome.nothing();
            }
            throw new MagicUsageException("%maven needs the coordinates of at least one artifact");
        }
        addToClassPath(resolve(coordinates), context.session());
        return CellOutcome.nothing();
    }

    /**
     * Registers {@code %maven}, and IJava's {@code %%loadFromPOM} and {@code %mavenRepo}, which share its
     * repositories and what it added.
     */
    public MagicRegistry registerIn(MagicRegistry registry) {
        return registry.register(this).register(loadFromPom()).register(mavenRepo());
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

    /** {@code %%loadFromPOM}: this magic's cell form, under the name IJava users know. */
    private Magic loadFromPom() {
        return Magic.of("loadFromPOM", Set.of(MagicKind.CELL), "%%loadFromPOM\n<dependency> and <repository> elements,"
                + " or a pom.xml\n    IJava's name for %%maven: the cell's artifacts and their dependencies onto the"
                + " class path.", this::run);
    }

    private void addRepository(String url) throws MagicUsageException {
        try {
            resolver.addRepository(url);
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException(e.getMessage());
        }
    }

    private List<Path> resolve(List<String> coordinates) throws MagicUsageException, MagicException {
        try {
            return resolver.resolve(coordinates, downloaded -> System.out.println("Downloaded " + downloaded));
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException(e.getMessage());
        } catch (ResolutionException e) {
            throw new MagicException("MavenError", e.getMessage());
        }
    }

    private void addToClassPath(List<Path> jars, JavaSession session) {
        List<String> names = new ArrayList<>();
        boolean cellsOnly = false;
        for (Path jar : jars) {
            if (added.add(jar)) {
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
