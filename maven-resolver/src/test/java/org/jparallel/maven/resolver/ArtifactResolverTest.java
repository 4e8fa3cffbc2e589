package org.jparallel.maven.resolver;

import static org.jparallel.maven.resolver.FileRepository.dependency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jparallel.maven.ArtifactResolver;
import org.jparallel.maven.ResolutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactResolverTest {
    @TempDir
    Path dir;
    private FileRepository remote;
    private ArtifactResolver resolver;

    /** demo:greeting:1.0 needs demo:words:2.0 at run time, and demo:absent:9 for its tests only. */
    @BeforeEach
    void publish() throws Exception {
        remote = new FileRepository(dir.resolve("remote"));
        Path words = remote.publish("demo", "words", "2.0",
                "package demo.words; public class Words { public static String hello() { return \"hello\"; } }", "", "");
        remote.publish("demo", "greeting", "1.0",
                "package demo; public class Greeting { public static String greet(String who) {"
                        + " return demo.words.Words.hello() + \", \" + who; } }",
                words.toString(),
                dependency("demo", "words", "2.0", "compile") + dependency("demo", "absent", "9", "test"));
        resolver = new ArtifactResolver(dir.resolve("local"), List.of(remote.url()));
    }

    @Test
    void anArtifactComesWithItsRunTimeDependencies() throws Exception {
        List<Path> jars = resolver.resolve(List.of("demo:greeting:1.0"));
        assertEquals(List.of("greeting-1.0.jar", "words-2.0.jar"), names(jars));
        assertTrue(jars.stream().allMatch(jar -> jar.startsWith(dir.resolve("local"))), jars.toString());
    }

    @Test
    void whatTheLocalRepositoryHasIsNotDownloadedAgain() throws Exception {
        List<String> downloads = new ArrayList<>();
        resolver.resolve(List.of("demo:greeting:1.0"), downloads::add);
        assertEquals(4, downloads.size(), downloads.toString()); // two POMs, two jars
        assertTrue(downloads.get(0).matches("greeting-1\\.0\\.pom \\(1 kB\\) from file:.*"), downloads.toString());

        downloads.clear();
        new ArtifactResolver(dir.resolve("local"), List.of(remote.url())).resolve(List.of("demo:greeting:1.0"),
                downloads::add);
        assertEquals(List.of(), downloads);
    }

    @Test
    void aMissingArtifactSaysWhichAndWhere() {
        ResolutionException e = assertThrows(ResolutionException.class,
                () -> resolver.resolve(List.of("demo:nothing:1.0")));
        assertTrue(e.getMessage().contains("demo:nothing:jar:1.0"), e.getMessage());
        assertTrue(e.getMessage().contains(remote.url()), e.getMessage());
    }

    @Test
    void coordinatesWithoutAVersionAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resolver.resolve(List.of("demo:greeting")));
        assertEquals("'demo:greeting' is not an artifact's coordinates: give group:artifact:version,"
                + " e.g. com.google.guava:guava:33.4.0-jre", e.getMessage());
    }

    @Test
    void aRepositoryIsAWebOrFileUrl() {
        assertThrows(IllegalArgumentException.class, () -> resolver.addRepository("repo.example.com/maven2"));
        resolver.addRepository("https://repo.example.com/maven2");
        resolver.addRepository("https://repo.example.com/maven2/");
        assertEquals(List.of(remote.url(), "https://repo.example.com/maven2/"), resolver.repositories());
    }

    @Test
    void aRepositoryNamedByIdGetsTheCredentialsOfTheSettingsServerOfThatId() throws Exception {
        HttpServer server = PasswordRepository.serve(dir.resolve("remote"), "me", "secret");
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Path settings = settings("""
                    <localRepository>%s</localRepository>
                    <servers><server><id>company</id><username>me</username><password>secret</password></server></servers>
                    """.formatted(dir.resolve("settings-local")));

            ArtifactResolver anonymous = ArtifactResolver.withSettings(settings);
            anonymous.addRepository(url);
            ResolutionException refused = assertThrows(ResolutionException.class,
                    () -> anonymous.resolve(List.of("demo:greeting:1.0")));
            assertTrue(refused.getMessage().contains("401"), refused.getMessage());

            ArtifactResolver named = ArtifactResolver.withSettings(settings);
            named.addRepository("company::" + url);
            assertEquals(List.of("greeting-1.0.jar", "words-2.0.jar"), names(named.resolve(List.of("demo:greeting:1.0"))));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anIdIsAWord() {
        assertThrows(IllegalArgumentException.class, () -> resolver.addRepository("bad id::" + remote.url()));
    }

    @Test
    void mavenCentralComesFirstByDefault() {
        assertEquals(List.of("https://repo.maven.apache.org/maven2/"),
                ArtifactResolver.withSettings(dir.resolve("no-settings.xml")).repositories());
    }

    @Test
    void aMirrorOfCentralInTheSettingsServesInItsPlace() throws Exception {
        Path settings = settings("""
                <localRepository>%s</localRepository>
                <mirrors><mirror><id>company</id><url>%s</url><mirrorOf>central</mirrorOf></mirror></mirrors>
                """.formatted(dir.resolve("settings-local"), remote.url()));
        // Maven Central has no demo:greeting: found, it came from the mirror
        List<Path> jars = ArtifactResolver.withSettings(settings).resolve(List.of("demo:greeting:1.0"));
        assertEquals(List.of("greeting-1.0.jar", "words-2.0.jar"), names(jars));
        if (System.getProperty("maven.repo.local") == null) {
            assertTrue(jars.get(0).startsWith(dir.resolve("settings-local")), jars.toString());
        }
    }

    @Test
    void offlineSettingsAskNoRepository() throws Exception {
        Path settings = settings("""
                <offline>true</offline>
                <mirrors><mirror><id>company</id><url>%s</url><mirrorOf>*</mirrorOf></mirror></mirrors>
                """.formatted(remote.url()));
        ResolutionException e = assertThrows(ResolutionException.class,
                () -> ArtifactResolver.withSettings(settings).resolve(List.of("demo:greeting:1.0")));
        assertTrue(e.getMessage().contains("offline"), e.getMessage());
    }

    @Test
    void settingsThatDoNotParseSayWhichFile() throws Exception {
        Path settings = Files.writeString(dir.resolve("broken.xml"), "<settings><mirrors>");
        ResolutionException e = assertThrows(ResolutionException.class,
                () -> ArtifactResolver.withSettings(settings).resolve(List.of("demo:greeting:1.0")));
        assertTrue(e.getMessage().startsWith(settings + " is not Maven settings"), e.getMessage());
    }

    @Test
    void settingsExpandTheUsersHomeAndTheEnvironment() {
        assertEquals(System.getProperty("user.home") + "/repo", MavenSettings.expand("${user.home}/repo"));
        assertEquals(System.getenv("PATH") + ":${env.NO_SUCH_VARIABLE_42}",
                MavenSettings.expand("${env.PATH}:${env.NO_SUCH_VARIABLE_42}"));
    }

    private Path settings(String body) throws IOException {
        return Files.writeString(dir.resolve("settings.xml"),
                "<settings xmlns=\"http://maven.apache.org/SETTINGS/1.0.0\">" + body + "</settings>");
    }

    private static List<String> names(List<Path> jars) {
        return jars.stream().map(jar -> jar.getFileName().toString()).toList();
    }
}
