package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * Each check runs in a JVM of its own: disabling indexing holds for the whole JVM, and the other
 * tests' sessions complete package names from the index.
 */
class ClassPathIndexingTest {

    @Test
    void disabledIndexingLeavesTheIndexEmpty() throws Exception {
        assertEquals("disabled=true names=[]", runChild("disable"));
    }

    /** The control: the probe does see an index when indexing runs, so an empty one above means something. */
    @Test
    void withoutItJShellIndexesTheJdk() throws Exception {
        assertEquals("disabled=false names=[java.util.ArrayList]", runChild("keep"));
    }

    private static String runChild(String mode) throws IOException, InterruptedException {
        return ChildJvm.output(Child.class, List.of("--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED"), mode);
    }

    /** Opens a session's analysis, waits until JShell says its index is up to date, lists what it knows. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            boolean disabled = args[0].equals("disable") && ClassPathIndexing.disableInThisJvm();
            try (JShell shell = JShell.builder().executionEngine("local").build()) {
                SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
                awaitIndex(analysis);
                List<String> names = analysis.listQualifiedNames("ArrayList", "ArrayList".length()).getNames();
                System.out.println("disabled=" + disabled + " names=" + names);
            }
            System.exit(0);
        }

        /** JShell's hook for its own tests; it fails at once when the indexing task was discarded. */
        private static void awaitIndex(SourceCodeAnalysis analysis) throws ReflectiveOperationException {
            var wait = analysis.getClass().getMethod("waitBackgroundTaskFinished");
            wait.setAccessible(true);
            try {
                wait.invoke(analysis);
            } catch (InvocationTargetException discarded) {
                // no index to wait for
            }
        }
    }
}
