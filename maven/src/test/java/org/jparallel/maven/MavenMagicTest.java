package org.jparallel.maven;

import static org.jparallel.maven.FileRepository.dependency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jparallel.display.Display;
import org.jparallel.magic.MagicRegistry;
import org.jparallel.magic.SessionContext;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;
import org.jparallel.repl.SessionOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %maven} in a notebook's session, from a repository in a folder. Each test publishes artifacts of its own
 * package: the JVM's class path only grows.
 */
class MavenMagicTest {
    @TempDir
    Path dir;
    private FileRepository remote;
    private JavaSession session;
    private SessionContext notebook;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void open() {
        remote = new FileRepository(dir.resolve("remote"));
        session = JavaSession.open(SessionOptions.defaults());
        MagicRegistry magics = new MagicRegistry().register(new MavenMagic(new ArtifactResolver(dir.resolve("local"),
                List.of())));
        notebook = new SessionContext(session, magics, new Display(event -> { })) {
            @Override
            public void redirectCells(String cellMagicName) {
            }
        };
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() {
        System.setOut(originalOut);
        session.close();
    }

    @Test
    void aCellUsesTheArtifactAndItsDependencies() throws Exception {
        publishGreeting("one");

        assertSuccess(notebook.runCell("%maven --repo " + remote.url() + " one:greeting:1.0"));

        assertTrue(printed().contains("Added to the class path: [greeting-1.0.jar, words-2.0.jar]"), printed());
        CellOutcome greeted = notebook.runCell("one.Greeting.greet(\"notebook\")");
        assertEquals("hello, notebook", assertSuccess(greeted).value().orElseThrow().object());
    }

    @Test
    void theRepositoryStaysForLaterCells() throws Exception {
        publishGreeting("two");
        assertSuccess(notebook.runCell("%maven --repo " + remote.url()));
        assertTrue(printed().contains("Repositories: " + remote.url()), printed());

        assertSuccess(notebook.runCell("%maven two:greeting:1.0"));
        out.reset();
        assertSuccess(notebook.runCell("%maven two:words:2.0"));
        assertEquals("Already on the class path: nothing to add.\n", printed());
    }

    @Test
    void anArtifactNoRepositoryHasIsAMavenError() {
        CellOutcome missing = notebook.runCell("%maven --repo " + remote.url() + " three:nothing:1.0");
        CellOutcome.RuntimeError error = assertInstanceOf(CellOutcome.RuntimeError.class, missing);
        assertEquals("MavenError", error.exceptionClass());
        assertTrue(error.message().contains("three:nothing:jar:1.0"), error.message());
    }

    @Test
    void wrongArgumentsPrintTheUsage() {
        for (String wrong : List.of("%maven", "%maven four:greeting", "%maven --repo", "%maven --fast a:b:1")) {
            CellOutcome outcome = notebook.runCell(wrong);
            CellOutcome.RuntimeError error = assertInstanceOf(CellOutcome.RuntimeError.class, outcome, wrong);
            assertEquals("UsageError", error.exceptionClass(), wrong);
            assertTrue(error.message().contains("%maven [--repo URL]... GROUP:ARTIFACT:VERSION..."), error.message());
        }
    }

    /** PACKAGE:greeting:1.0, whose class PACKAGE.Greeting calls PACKAGE.Words of PACKAGE:words:2.0. */
    private void publishGreeting(String pkg) throws Exception {
        Path words = remote.publish(pkg, "words", "2.0", "package " + pkg
                + "; public class Words { public static String hello() { return \"hello\"; } }", "", "");
        remote.publish(pkg, "greeting", "1.0", "package " + pkg + "; public class Greeting {"
                        + " public static String greet(String who) { return Words.hello() + \", \" + who; } }",
                words.toString(), dependency(pkg, "words", "2.0", "runtime"));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static CellOutcome.Success assertSuccess(CellOutcome outcome) {
        return assertInstanceOf(CellOutcome.Success.class, outcome, outcome::toString);
    }
}
