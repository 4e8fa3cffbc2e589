package org.jparallel.magic.builtin;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.magic.OptionWords;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;
import org.jparallel.repl.Value;

/**
 * {@code %jars PATH...}: adds jars, folders of classes, or the jars in a folder to the session's class
 * path. A path may end in a glob ({@code lib/*.jar}).
 */
public final class JarsMagic implements Magic {
    @Override
    public String name() {
        return "jars";
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.LINE);
    }

    @Override
    public String usage() {
        return """
                %jars PATH...
                    Add to the class path of the following cells: a jar, a folder of .class files
                    (and every jar directly in it), or a glob such as lib/*.jar. Quote a path with
                    spaces ("my libs/a.jar"); ~ is the home folder.
                    Engines of a cluster need it too: %px %jars PATH (the path as the engines see it).""";
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException, IOException {
        String arguments = OptionWords.withoutComment(call.arguments());
        if (arguments.isBlank()) {
            throw new MagicUsageException("%" + call.name() + " needs at least one path");
        }
        List<Path> paths = new ArrayList<>();
        for (String argument : words(arguments)) {
            paths.addAll(expand(argument));
        }
        for (Path path : paths) {
            requireReadable(path); // all before any: a cell adds what it names, or nothing
        }
        boolean cellsOnly = false;
        for (Path path : paths) {
            cellsOnly |= !context.session().addToClasspath(path);
        }
        reportAdded(paths, cellsOnly);
        if (call.asValue()) { // IJava's List<String> added = %jars lib/*.jar
            List<String> added = paths.stream().map(Path::toString).toList();
            return new CellOutcome.Success(Optional.of(new Value(added, "java.util.List<String>", null)));
        }
        return CellOutcome.nothing();
    }

    /**
     * A file must open as a jar: javac, which reads every entry of the cells' class path for each cell, fails on a
     * file that does not, and then fails every later cell of the session too.
     */
    private static void requireReadable(Path path) throws MagicUsageException {
        if (Files.isDirectory(path)) {
            return;
        }
        try (ZipFile jar = new ZipFile(path.toFile())) {
            jar.size();
        } catch (IOException e) {
            throw new MagicUsageException(path + " is not a jar (a zip file): " + e.getMessage());
        }
    }

    /**
     * Prints what was added to the class path, as {@code %jars} and {@code %maven} say it.
     *
     * @param cellsOnly whether this JVM's own class path could not take them (see {@link JavaSession#addToClasspath})
     */
    public static void reportAdded(List<?> added, boolean cellsOnly) {
        System.out.println("Added to the class path: " + added);
        if (cellsOnly) {
            System.out.println("Only cells see these classes: this JVM runs without "
                    + JavaSession.HOST_CLASS_PATH_OPTION + ", so a value of one of them cannot be decoded "
                    + "outside the cells (a result from a cluster, say).");
        }
    }

    /** The paths as a shell would take them: quotes keep a path with spaces whole, {@code ~} is the home folder. */
    private static List<String> words(String arguments) throws MagicUsageException {
        try {
            return OptionWords.split(arguments).stream()
                    .map(word -> word.equals("~") || word.startsWith("~/")
                            ? System.getProperty("user.home") + word.substring(1) : word)
                    .toList();
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException(e.getMessage());
        }
    }

    private static List<Path> expand(String argument) throws MagicUsageException, IOException {
        if (argument.contains("*") || argument.contains("?")) {
            Path glob = Path.of(argument).toAbsolutePath();
            Path dir = glob.getParent();
            if (!Files.isDirectory(dir)) {
                throw new MagicUsageException("no such folder: " + dir + " (a glob may be only the last part of a"
                        + " path, as in lib/*.jar)");
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob.getFileName());
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> matches = files.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
                if (matches.isEmpty()) {
                    throw new MagicUsageException("nothing matches " + argument);
                }
                return matches;
            }
        }
        Path path = Path.of(argument).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new MagicUsageException("no such file or folder: " + argument);
        }
        List<Path> paths = new ArrayList<>(List.of(path));
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(paths::add);
            }
        }
        return paths;
    }
}
