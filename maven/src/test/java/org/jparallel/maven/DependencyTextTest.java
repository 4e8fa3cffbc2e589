package org.jparallel.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
