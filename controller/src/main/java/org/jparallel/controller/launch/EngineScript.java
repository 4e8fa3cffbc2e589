package org.jparallel.controller.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The POSIX shell script that starts an engine where the controller's files are not at hand (over ssh, as a
 * Slurm task): the connection file from standard input and the engines' compiler directives into private
 * temporary files, the engine with the same default JVM options as engines beside the controller, the files
 * removed when it ends.
 *
 * <pre>{@code
 * String script = EngineScript.of("java", "/opt/jparallel.jar", List.of("-Xmx4g"), 3);
 * // f=$(mktemp ...) && cat > "$f" && ... 'java' ... 'org.jparallel.engine.EngineMain' "$f" --id-hint 3; ...
 * }</pre>
 */
final class EngineScript {
    private EngineScript() {
    }

    /**
     * @param java       the java command there
     * @param jar        jparallel's class path there; empty for this JVM's own
     * @param jvmOptions the engine JVM options, after the defaults, so they override them
     * @param index      the launch number: the engine's id hint
     */
    static String of(String java, String jar, List<String> jvmOptions, int index) {
        String classPath = jar.isEmpty() ? System.getProperty("java.class.path") : jar;
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(LocalEngineLauncher.defaultsFor(jvmOptions));
        command.addAll(EarlyCompilation.JVM_OPTIONS);
        List<String> rest = new ArrayList<>(jvmOptions);
        rest.addAll(List.of("-cp", classPath, "org.jparallel.engine.EngineMain"));
        return "f=$(mktemp \"${TMPDIR:-/tmp}/jparallel-engine.XXXXXX\") && cat > \"$f\""
                + " && d=$(mktemp \"${TMPDIR:-/tmp}/jparallel-directives.XXXXXX\")"
                + " && printf '%s' " + quoted(LocalEngineLauncher.COMPILER_DIRECTIVES) + " > \"$d\" && "
                + words(command) + " \"-XX:CompilerDirectivesFile=$d\" " + words(rest) + " \"$f\" --id-hint " + index
                + "; status=$?; rm -f \"$f\" \"$d\"; exit $status";
    }

    private static String words(List<String> words) {
        return words.stream().map(EngineScript::quoted).collect(Collectors.joining(" "));
    }

    /** A word for a POSIX shell, whatever it holds. */
    static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
