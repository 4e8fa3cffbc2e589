package org.jparallel.maven.resolver;

import static org.jparallel.maven.resolver.FileRepository.dependency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jparallel.maven.ArtifactResolver;
import org.jparallel.maven.MavenMagic;
import org.jparallel.magic.MagicRegistry;
import org.jparallel.magic.TestNotebook;
import org.jparallel.repl.CellOutcome;
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
    private TestNotebook notebook;

    @BeforeEach
    void open() {
        remote = new FileRepository(dir.resolve("remote"));
        notebook = TestNotebook.with(new MavenMagic(new ArtifactResolver(dir.resolve("local"), List.of()))
                .registerIn(new MagicRegistry()));
    }

    @AfterEach
    void close() {
        notebook.close();
    }

    @Test
    void aCellUsesTheArtifactAndItsDependencies() throws Exception {
        publishGreeting("one");

        notebook.succeed("%maven --repo " + remote.url() + " one:greeting:1.0");

        assertTrue(notebook.printed().contains("Added to the class path: [greeting-1.0.jar, words-2.0.jar]"),
                notebook.printed());
        assertEquals("hello, notebook", notebook.value("one.Greeting.greet(\"notebook\")"));
    }

    @Test
    void theRepositoryStaysForLaterCells() throws Exception {
        publishGreeting("two");
        notebook.succeed("%maven --repo " + remote.url());
        assertTrue(notebook.printed().contains("Repositories: " + remote.url()), notebook.printed());

        notebook.succeed("%maven two:greeting:1.0");
        notebook.succeed("%maven two:words:2.0");
        assertEquals("Already on the class path: nothing to add.\n", notebook.printed());
    }

    @Test
    void aCellTakesDependencyElementsAsPastedFromAPom() throws Exception {
        publishGreeting("five");

        notebook.succeed("""
                %%loadFromPOM
                <repository><id>local-folder</id><url>""" + remote.url() + """
                </url></repository>
                <dependency>
                  <groupId>five</groupId>
                  <artifactId>greeting</artifactId>
                  <version>1.0</version>
                </dependency>
                """);

        assertEquals("hello, pom", notebook.value("five.Greeting.greet(\"pom\")"));
    }

    @Test
    void aPomFileGivesWhatItNeedsToRunLeavingItsTestsOut() throws Exception {
        publishGreeting("seven");
        Path pom = dir.resolve("pom.xml");
        Files.writeString(pom, "<project><repositories><repository><id>folder</id><url>" + remote.url()
                + "</url></repository></repositories><dependencies>" + dependency("seven", "greeting", "1.0", "compile")
                + dependency("seven", "only-for-tests", "9.9", "test") + "</dependencies></project>");

        notebook.succeed("%loadFromPOM " + pom);

        assertTrue(notebook.printed().contains("Left out by their scope: seven:only-for-tests:9.9 (test)"),
                notebook.printed());
        assertEquals("hello, file", notebook.value("seven.Greeting.greet(\"file\")"));
        CellOutcome withTests = notebook.run("%loadFromPOM " + pom + " compile test");
        assertTrue(assertInstanceOf(CellOutcome.RuntimeError.class, withTests).message()
                .contains("seven:only-for-tests:jar:9.9"), withTests.toString());
    }

    @Test
    void aPomFileThatIsNotThereIsAUsageError() {
        CellOutcome.RuntimeError error = assertInstanceOf(CellOutcome.RuntimeError.class,
                notebook.run("%loadFromPOM " + dir.resolve("absent.xml")));
        assertEquals("UsageError", error.exceptionClass());
        assertTrue(error.message().startsWith("no file " + dir.resolve("absent.xml")), error.message());
    }

    @Test
    void ijavasMavenRepoAddsARepository() throws Exception {
        publishGreeting("six");
        notebook.succeed("%mavenRepo folder " + remote.url());
        assertEquals("Repositories: " + remote.url() + "\n", notebook.printed());
        notebook.succeed("%maven six:greeting:1.0");
        assertEquals("hello, six", notebook.value("six.Greeting.greet(\"six\")"));
        assertInstanceOf(CellOutcome.RuntimeError.class, notebook.run("%mavenRepo " + remote.url()));
    }

    @Test
    void ijavasLongNamesAddARepositoryAndAnArtifact() throws Exception {
        publishGreeting("eight");
        notebook.succeed("%addMavenRepo folder " + remote.url());
        notebook.succeed("%addMavenDependencies eight:greeting:1.0");
        assertEquals("hello, eight", notebook.value("eight.Greeting.greet(\"eight\")"));
    }

    @Test
    void anInterruptStopsADownloadThatHangs() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer stalling = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stalling.createContext("/", exchange -> {
            asked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        stalling.setExecutor(Executors.newCachedThreadPool());
        stalling.start();
        try {
            CompletableFuture<CellOutcome> cell = CompletableFuture.supplyAsync(() -> notebook.run(
                    "%maven --repo http://127.0.0.1:" + stalling.getAddress().getPort() + "/ stall:never:1.0"));
            assertTrue(asked.await(30, TimeUnit.SECONDS), "the resolver never asked the repository");
            notebook.interrupt();
            assertInstanceOf(CellOutcome.Interrupted.class, cell.get(10, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            stalling.stop(0);
        }
        publishGreeting("nine");
        notebook.succeed("%maven --repo " + remote.url() + " nine:greeting:1.0");
        assertEquals("hello, nine", notebook.value("nine.Greeting.greet(\"nine\")"));
    }

    @Test
    void anArtifactNoRepositoryHasIsAMavenError() {
        CellOutcome missing = notebook.run("%maven --repo " + remote.url() + " three:nothing:1.0");
        CellOutcome.RuntimeError error = assertInstanceOf(CellOutcome.RuntimeError.class, missing);
        assertEquals("MavenError", error.exceptionClass());
        assertTrue(error.message().contains("three:nothing:jar:1.0"), error.message());
    }

    @Test
    void wrongArgumentsPrintTheUsage() {
        for (String wrong : List.of("%maven", "%maven four:greeting", "%maven --repo", "%maven --fast a:b:1")) {
            CellOutcome outcome = notebook.run(wrong);
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
}
