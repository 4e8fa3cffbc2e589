package org.jparallel.controller.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The class data sharing archive engines start from: javac's, JShell's and our classes mapped from
 * one file that all engines share, instead of loaded, verified and kept apart by each (measured with
 * 4 engines: sooner ready and a smaller idle engine; figures in the README).
 *
 * <p>One archive per installed jar and JDK, in {@code $JPARALLEL_HOME/cds/engine-<key>.jsa}, keyed by
 * the class path's jars (path, size, mtime) and the JDK. When it is missing, it is recorded once, in
 * the background, by {@code org.jparallel.engine.ArchiveTraining} under {@code -XX:ArchiveClassesAtExit};
 * engines started meanwhile run without it. Nothing happens when the class path holds folders (a
 * build's classes, which the JDK does not archive) or when the JDK refuses to record or map the
 * archive: engines then start as they would without it.
 *
 * <pre>{@code
 * EngineArchive archive = EngineArchive.forThisJvm(home.resolve("cds"));
 * List<String> extra = archive.jvmOptions(engineOptions); // [-XX:SharedArchiveFile=...] or []
 * }</pre>
 */
final class EngineArchive {
    private static final Logger LOG = Logger.getLogger(EngineArchive.class.getName());
    private static final String TRAINING_CLASS = "org.jparallel.engine.ArchiveTraining";
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);
    /** A recording younger than this is someone else's, still running. */
    private static final Duration STALE_LOCK = Duration.ofMinutes(5);

    private final Path archive;
    /** Set when this JVM exits during a recording: a recording stopped that way is no refusal. */
    private volatile boolean stopping;

    private EngineArchive(Path archive) {
        this.archive = archive;
    }

    /** The archive for this JVM's java and class path, or none when the class path cannot be archived. */
    static Optional<EngineArchive> forThisJvm(Path cacheDir) {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (!Files.isRegularFile(path) || !entry.endsWith(".jar")) {
                return Optional.empty();
            }
            jars.add(path);
        }
        if (jars.isEmpty()) {
            return Optional.empty();
        }
        try {
            StringBuilder key = new StringBuilder(System.getProperty("java.home")).append('\n')
                    .append(System.getProperty("java.vm.version")).append('\n');
            for (Path jar : jars) {
                key.append(jar).append(' ').append(Files.size(jar)).append(' ')
                        .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
            }
            return Optional.of(new EngineArchive(cacheDir.resolve("engine-" + sha256(key.toString()) + ".jsa")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Options that make an engine map the archive, if it is there; if not, starts recording it
     * (once) for later engines and returns none.
     *
     * @param engineOptions the engines' options, which the recording JVM runs with too
     */
    List<String> jvmOptions(List<String> engineOptions) {
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        recordInBackground(engineOptions);
        return List.of();
    }

    /** What the JDK said when it refused to record or map the archive. */
    private Path failureLog() {
        return archive.resolveSibling(archive.getFileName() + ".refused.log");
    }

    private void recordInBackground(List<String> engineOptions) {
        Path lock = archive.resolveSibling(archive.getFileName() + ".recording");
        if (Files.exists(failureLog())) {
            return; // this JDK refused to record for this jar before: it will again
        }
        try {
            Files.createDirectories(archive.getParent());
            if (Files.exists(lock) && Files.getLastModifiedTime(lock).toMillis()
                    > System.currentTimeMillis() - STALE_LOCK.toMillis()) {
                return;
            }
            Files.deleteIfExists(lock);
            Files.createFile(lock);
        } catch (IOException e) {
            return; // another controller took the lock first, or the cache cannot be written
        }
        Thread thread = new Thread(() -> {
            try {
                record(engineOptions);
            } finally {
                try {
                    Files.deleteIfExists(lock);
                } catch (IOException ignored) {
                    // a stale lock expires by its age
                }
            }
        }, "jparallel-engine-archive");
        thread.setDaemon(true);
        thread.start();
    }

    /** Records into a file of its own, checks that it maps, and only then moves it into place. */
    private void record(List<String> engineOptions) {
        Path recording = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Path log = archive.resolveSibling(archive.getFileName() + ".recording.log");
        List<String> options = new ArrayList<>(engineOptions);
        options.add("-XX:ArchiveClassesAtExit=" + recording);
        Path scratch = null;
        try {
            // The training JVM's socket file goes here, removed below even when that JVM is stopped mid-recording.
            scratch = Files.createTempDirectory("jparallel-training");
            if (run(JavaCommand.of(options, TRAINING_CLASS, List.of(scratch.toString())), log, scratch)
                    && Files.isRegularFile(recording) && Files.size(recording) > 0
                    && run(JavaCommand.of(mapping(engineOptions, recording), "-version", List.of()), log, null)) {
                Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Files.deleteIfExists(log);
                LOG.info("recorded the engines' class data sharing archive " + archive);
            } else if (!stopping) {
                Files.move(log, failureLog(), StandardCopyOption.REPLACE_EXISTING);
                LOG.info("no class data sharing archive for engines (the JDK refused it; see " + failureLog() + ")");
            }
        } catch (IOException e) {
            LOG.info("no class data sharing archive for engines: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(recording);
            } catch (IOException ignored) {
                // a leftover .tmp file is harmless: it is never mapped
            }
            removeScratch(scratch);
        }
    }

    private static void removeScratch(Path scratch) {
        if (scratch == null) {
            return;
        }
        try (var files = Files.list(scratch)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(scratch);
        } catch (IOException ignored) {
            // gone already, or unreadable: an empty folder in the temporary directory is all it can leave
        }
    }

    /** The engines' options with the archive mapped or else failing: {@code java -version} under them checks it. */
    private static List<String> mapping(List<String> engineOptions, Path recording) {
        List<String> options = new ArrayList<>(engineOptions);
        options.add("-Xshare:on");
        options.add("-XX:SharedArchiveFile=" + recording);
        return options;
    }

    /**
     * Runs a JVM to its end; one still running when this JVM exits is stopped, so none outlives the cluster, and
     * its {@code scratch} folder (or null) removed: this thread, a daemon, may not reach its own cleanup then.
     */
    private boolean run(List<String> command, Path log, Path scratch) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        process.getOutputStream().close();
        Thread stop = new Thread(() -> {
            stopping = true;
            process.destroyForcibly();
            try {
                process.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            removeScratch(scratch);
        }, "jparallel-engine-archive-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            if (!process.waitFor(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs now
            }
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
