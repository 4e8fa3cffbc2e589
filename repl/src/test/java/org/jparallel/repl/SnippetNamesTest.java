package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnippetNamesTest {

    @Test
    void aDeclaredTypeIsNamedAsTheCellWroteIt() {
        assertEquals(Optional.of("Point"), SnippetNames.declaredName("REPL.$JShell$11$Point"));
        assertEquals(Optional.of("Outer.Inner"), SnippetNames.declaredName("REPL.$JShell$11$Outer$Inner"));
    }

    @Test
    void aRedeclaredTypeIsNamedAsTheCellWroteItToo() {
        // JShell adds letters to the wrapper of a snippet declared again: $JShell$1C for the third version
        assertEquals(Optional.of("Sample"), SnippetNames.declaredName("REPL.$JShell$1C$Sample"));
        assertTrue(SnippetNames.isWrapper("REPL.$JShell$12_13B"));
        assertEquals("Sample: no unit", SnippetNames.readable("REPL.$JShell$1C$Sample: no unit"));
    }

    @Test
    void aWrapperIsNoDeclaredType() {
        assertEquals(Optional.empty(), SnippetNames.declaredName("REPL.$JShell$35"));
        assertTrue(SnippetNames.isWrapper("REPL.$JShell$35"));
        assertFalse(SnippetNames.isWrapper("REPL.$JShell$35$Point"));
    }

    @Test
    void readableTextNamesEveryDeclaredTypeItMentions() {
        assertEquals("class Cat cannot be cast to class Outer.Dog (Cat and Outer.Dog are in unnamed module)",
                SnippetNames.readable("class REPL.$JShell$12$Cat cannot be cast to class REPL.$JShell$13$Outer$Dog"
                        + " (REPL.$JShell$12$Cat and REPL.$JShell$13$Outer$Dog are in unnamed module)"));
    }

    @Test
    void readableTextNamesACellVariableAsTheCellDoes() {
        assertEquals("Cannot invoke \"Object.toString()\" because \"o\" is null",
                SnippetNames.readable("Cannot invoke \"Object.toString()\" because \"REPL.$JShell$48.o\" is null"));
    }

    @Test
    void readableTextKeepsFramesOfAMethodAndOtherNames() {
        assertEquals("at MyErr.<init>(#12:1)", SnippetNames.readable("at REPL.$JShell$12$MyErr.<init>(#12:1)"));
        assertEquals("at REPL.$JShell$35.do_it$(#35:1)", SnippetNames.readable("at REPL.$JShell$35.do_it$(#35:1)"));
        assertEquals("java.lang.IllegalStateException: REPL", SnippetNames.readable("java.lang.IllegalStateException: REPL"));
    }
}
