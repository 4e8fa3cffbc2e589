package org.jparallel.controller.launch;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jparallel.controller.profile.ProfileDir;

/**
 * Engines as local processes: {@code java <options> -cp <this class path> org.jparallel.engine.EngineMain
 * security/engine.json --id-hint K}, each logging to {@code log/engine-K.log}.
 */
public final class LocalEngineLauncher implements EngineLauncher {
    /**
     * What pays for an engine, measured with 4 engines on a 2-core machine (figures in the README):
     * the G1 collector, a small initial heap, and a heap that the engine shrinks back once it has gone
     * idle after work ({@code IdleHeapTrim}). G1 rather than the serial collector because of big values: G1
     * allocates an 80 MB array in regions of its own and frees it at the next young collection, where the
     * serial collector copied each array received from eden to the old generation and then ran a full
     * collection for the next (40–200 ms a transfer). With G1 an 80 MB result used by a task on another engine
     * took 66–78 ms instead of 115–134, and the same through the client 110–141 instead of 158–174; idle
     * engines, load-balanced tasks and the task graphs measured the same with both. C2 stays on:
     * {@code -XX:TieredStopAtLevel=1} saves ~18 MB per engine but ran a 400×400 matrix product
     * 4× slower. Users' options come after these, so they override them ({@code -XX:-UseG1GC
     * -XX:+UseSerialGC} for the serial collector).
     *
     * <p>{@code -XX:ArchiveRelocationMode=0} (a diagnostic flag, hence the unlock) maps the class data
     * sharing archives (the JDK's and {@link EngineArchive}'s) at the address they were recorded for.
     * JDK 17.0.x updates and 25 default to mode 1, which maps them elsewhere and patches every pointer
     * in them: each engine then held a private, written copy of 23 MB of archived classes instead of
     * clean pages shared by all engines (PSS counts them once for all). The cost: the archived
     * classes lose address randomization, as on every JDK before that default changed. Should the
     * address be taken, the JVM still relocates, as in mode 1.
     *
     * <p>{@code --add-opens jdk.jshell/jdk.jshell} lets the engine switch off JShell's class path index
     * ({@code ClassPathIndexing}): 17 MB of heap for completions that engines never serve.
     * {@code --add-opens java.base/jdk.internal.loader} lets {@code %jars} in an engine's cell add to the
     * engine's own class path, so that lambdas from clients see the jar's classes too, not only cells.
     * {@code -Djdk.attach.allowAttachSelf=true} lets an engine redefine a cell's class in place when JShell compiles
     * it again (a method it calls declared anew), keeping the variables and pushed objects that hold its objects.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseG1GC", "-Xms16m",
            "-Xshare:auto", "-XX:-UsePerfData",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0",
            "--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
            "-Djdk.attach.allowAttachSelf=true", "-XX:+EnableDynamicAgentLoading");

    /**
     * Hands freed native memory (javac's and the JIT's, kept by malloc) back to the system every few
     * seconds. JDK 17.0.9 and later know the flag; older JVMs would refuse to start with it, so it is
     * added only when this JVM (the engines' too: same java) has it.
     */
    static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";

    /**
     * JIT compiler directives for engines: the engine's own code and its libraries are compiled by C1 only
     * (full speed, no profiling, once C2 declines them), never by C2. In a cluster's first minute, with 4
     * engines, a controller and a client on 2 cores, C2 recompiling the same request path in every engine was
     * most of their CPU (one method inlining the whole apply path took 0.9 s to compile, in each engine). The
     * code users send, and the JDK's (collections, streams, math), which theirs calls and inlines, keep C2.
     * Measured with {@code bench/dag}: engine CPU per task of the random DAG went from 1.76–1.83 ms to 1.11–1.31,
     * and its throughput from 728–742 to 921–1,068 tasks/s; a warm {@code map} over 400,000 boxed integers kept
     * its time (86–100 ms against 95–115).
     *
     * <p>javac and JShell (and the file systems they read the JDK's classes through, and {@code MethodType}, which
     * their lambdas hammer while the session opens) are on C1 only too: C2 spent ~6 s of each engine's first 12 s
     * compiling them (single methods 0.7–1.3 s), and never caught up on a code base that size, so with 4 engines on
     * 2 cores a cell's compilation ran faster on C1 code, even warm, and users' own loops waited less for C2. Four
     * engines, alternated pairs: 400 new snippets 42.5 / 41.8 s against 32.8 / 30.3 s, a new snippet after them 91 /
     * 108 ms against 73 / 79 ms, a numeric loop in a cell right after 1,187 / 1,291 ms against 469 / 543 ms, PSS
     * per engine then 103 / 109 MB against 95 / 92 MB (bench/README.md).
     */
    static final String COMPILER_DIRECTIVES = """
            [
              {
                match: ["org/jparallel/*.*", "com/google/gson/*.*", "org/bouncycastle/*.*",
                        "com/sun/tools/javac/*.*", "jdk/jshell/*.*", "jdk/nio/zipfs/*.*", "jdk/internal/jrtfs/*.*",
                        "jdk/internal/jimage/*.*", "java/lang/invoke/MethodType.*"],
                c2: { Exclude: true }
              }
            ]
            """;

    private final ProfileDir dir;
    private final List<String> jvmOptions;
    private final Optional<EngineArchive> archive;

    private static final String INITIAL_HEAP = "-Xms16m";
    private static final long INITIAL_HEAP_BYTES = 16L << 20;
    private static final Pattern MAX_HEAP =
            Pattern.compile("-Xmx(\\d+)([kKmMgGtT]?)");

    /**
     * {@link #DEFAULT_JVM_OPTIONS} for engines started with these options of the user's: a maximum heap below the
     * default initial one ({@code -Xmx12m}) is the initial heap too, where the JVM would refuse to start ("Initial
     * heap size set to a larger value than the maximum heap size").
     */
    static List<String> defaultsFor(List<String> userOptions) {
        long maxHeap = -1;
        String given = null;
        for (String option : userOptions) {
            Matcher max = MAX_HEAP.matcher(option);
            if (max.matches()) {
                long unit = switch (max.group(2).toLowerCase(Locale.ROOT)) {
                    case "k" -> 1L << 10;
                    case "m" -> 1L << 20;
                    case "g" -> 1L << 30;
                    case "t" -> 1L << 40;
                    default -> 1;
                };
                maxHeap = Long.parseLong(max.group(1)) * unit;
                given = option.substring("-Xmx".length());
            }
        }
        if (maxHeap < 0 || maxHeap >= INITIAL_HEAP_BYTES) {
            return DEFAULT_JVM_OPTIONS;
        }
        String initial = "-Xms" + given;
        return DEFAULT_JVM_OPTIONS.stream().map(option -> option.equals(INITIAL_HEAP) ? initial : option).toList();
    }

    /** @param jvmOptions options for each engine JVM, after the defaults, so they override them */
    public LocalEngineLauncher(ProfileDir dir, List<String> jvmOptions) {
        this.dir = dir;
        List<String> options = new ArrayList<>(defaultsFor(jvmOptions));
        if (hasVmOption("TrimNativeHeapInterval")) {
            options.add(TRIM_NATIVE_HEAP);
        }
        compilerDirectives(dir).ifPresent(file -> options.add("-XX:CompilerDirectivesFile=" + file));
        options.addAll(EarlyCompilation.JVM_OPTIONS);
        options.addAll(jvmOptions);
        this.jvmOptions = List.copyOf(options);
        this.archive = EngineArchive.forThisJvm(dir.home().resolve("cds"));
    }

    @Override
    public ProcessHandle launch(int index) throws IOException {
        Files.createDirectories(dir.logDir());
        File log = dir.engineLog(index).toFile();
        List<String> options = new ArrayList<>(jvmOptions);
        archive.ifPresent(a -> options.addAll(0, a.jvmOptions(jvmOptions)));
        ProcessBuilder builder = new ProcessBuilder(JavaCommand.of(options, "org.jparallel.engine.EngineMain",
                List.of(dir.engineFile().toString(), "--id-hint", String.valueOf(index))))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        Process process = builder.start();
        process.getOutputStream().close(); // an engine reads no standard input
        return process.toHandle();
    }

    @Override
    public String toString() {
        return "local engines";
    }

    @Override
    public String logOf(int index) {
        return dir.engineLog(index).toString();
    }

    /** The directives file, written once per JPARALLEL_HOME; empty (C2 everywhere) when it cannot be written. */
    private static Optional<Path> compilerDirectives(ProfileDir dir) {
        Path file = dir.home().resolve("engine-compiler-directives.json");
        try {
            Files.createDirectories(dir.home());
            if (!Files.exists(file) || !Files.readString(file).equals(COMPILER_DIRECTIVES)) {
                Path written = Files.createTempFile(dir.home(), "engine-compiler-directives", ".tmp");
                Files.writeString(written, COMPILER_DIRECTIVES);
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return Optional.of(file);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasVmOption(String name) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name);
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }
}
