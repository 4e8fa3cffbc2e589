package org.jparallel.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyTextTest {
    @Test
    void dependencyElementsAsALibrarysPageGivesThem() {
        DependencyText cell = DependencyText.parse("""
                <!-- https://mvnrepository.com/artifact/org.apache.commons/commons-math3 -->
                <dependency>
                    <groupId>org.apache.commons</groupId>
                    <artifactId>commons-math3</artifactId>
                    <version>3.6.1</version>
                </dependency>
                <dependency>
                    <groupId>org.lwjgl</groupId>
                    <artifactId>lwjgl</artifactId>
                    <version>3.3.4</version>
                    <classifier>natives-linux</classifier>
                </dependency>
                """);
        assertEquals(List.of("org.apache.commons:commons-math3:3.6.1", "org.lwjgl:lwjgl:jar:natives-linux:3.3.4"),
                cell.coordinates());
        assertEquals(List.of(), cell.repositories());
    }

    @Test
    void aWholePomGivesItsDependenciesWithItsPropertiesAndRepositories() {
        DependencyText cell = DependencyText.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <properties><guava.version>33.4.0-jre</guava.version></properties>
                  <repositories><repository><id>company</id><url>https://repo.example.com/maven2</url></repository></repositories>
                  <dependencyManagement><dependencies><dependency>
                    <groupId>managed</groupId><artifactId>only</artifactId><version>1</version>
                  </dependency></dependencies></dependencyManagement>
                  <dependencies>
                    <dependency>
                      <groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>${guava.version}</version>
                      <exclusions><exclusion><groupId>x</groupId><artifactId>y</artifactId></exclusion></exclusions>
                    </dependency>
                  </dependencies>
                  <build><plugins><plugin><dependencies><dependency>
                    <groupId>plugin</groupId><artifactId>only</artifactId><version>1</version>
                  </dependency></dependencies></plugin></plugins></build>
                </project>
                """);
        assertEquals(List.of("com.google.guava:guava:33.4.0-jre"), cell.coordinates());
        assertEquals(List.of("company::https://repo.example.com/maven2"), cell.repositories());
    }

    private static final String PROJECT_WITH_SCOPES = """
            <project>
              <dependencies>
                <dependency><groupId>a</groupId><artifactId>lib</artifactId><version>1</version></dependency>
                <dependency><groupId>a</groupId><artifactId>driver</artifactId><version>2</version>
                  <scope>runtime</scope></dependency>
                <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version>
                  <scope>test</scope></dependency>
                <dependency><groupId>a</groupId><artifactId>servlet</artifactId><version>3</version>
                  <scope>provided</scope></dependency>
              </dependencies>
            </project>
            """;

    @Test
    void aWholeProjectGivesWhatItNeedsToRunAndNamesWhatItLeftOut() {
        DependencyText pom = DependencyText.parse(PROJECT_WITH_SCOPES);
        assertEquals(List.of("a:lib:1", "a:driver:2"), pom.coordinates());
        assertEquals(List.of("junit:junit:4.13.2 (test)", "a:servlet:3 (provided)"), pom.leftOut());
    }

    @Test
    void scopesNamedSelectTheDependencies() {
        assertEquals(List.of("a:lib:1", "junit:junit:4.13.2"),
                DependencyText.parse(PROJECT_WITH_SCOPES, Set.of("compile", "test")).coordinates());
    }

    @Test
    void aDependencyPastedAloneIsTakenWhateverItsScope() {
        assertEquals(List.of("junit:junit:4.13.2"), DependencyText.parse("""
                <dependency>
                    <groupId>junit</groupId>
                    <artifactId>junit</artifactId>
                    <version>4.13.2</version>
                    <scope>test</scope>
                </dependency>""").coordinates());
    }

    @Test
    void aScopeMavenLacksSaysWhichItHas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DependencyText.parse(PROJECT_WITH_SCOPES, Set.of("tests")));
        assertEquals("no scope tests: Maven's are compile, import, provided, runtime, system, test", e.getMessage());
    }

    @Test
    void plainCoordinatesOneOrMoreALineWithComments() {
        assertEquals(List.of("a:b:1", "c:d:2", "e:f:3"),
                DependencyText.parse("a:b:1 c:d:2   # two\n\n// then\ne:f:3\n").coordinates());
    }

    @Test
    void aDependencyWithoutAVersionSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DependencyText.parse(
                "<dependency><groupId>g</groupId><artifactId>a</artifactId></dependency>"));
        assertEquals("g:a has no <version>: give it one (a BOM's versions are not read here)", e.getMessage());
    }

    @Test
    void anUnknownPropertySaysWhich() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DependencyText.parse(
                "<dependency><groupId>g</groupId><artifactId>a</artifactId><version>${v}</version></dependency>"));
        assertEquals("${v} is not among the <properties>", e.getMessage());
    }

    @Test
    void brokenXmlSaysItDoesNotParse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DependencyText.parse("<dependency><groupId>g</groupId>"));
        assertTrue(e.getMessage().startsWith("the cell's XML does not parse: "), e.getMessage());
    }

    @Test
    void aDoctypeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DependencyText.parse(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><dependency>&e;</dependency>"));
    }
}
