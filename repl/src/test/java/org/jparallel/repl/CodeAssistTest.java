package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodeAssistTest {

    private final JavaSession session = JavaSession.open(SessionOptions.defaults());

    @AfterAll
    void close() {
        session.close();
    }

    @Test
    void completionAfterADotListsMembersFromTheStartOfTheName() {
        String code = "int n = 1;\n\"abc\".len";
        Completion completion = session.complete(code, code.length());
        assertEquals(java.util.List.of("length()"), completion.matches());
        assertEquals(code.indexOf("len"), completion.cursorStart());
        assertEquals(code.length(), completion.cursorEnd());
    }

    @Test
    void completionLeavesTheSessionsOwnNamesOut() {
        session.define("$hiddenHelper", "java.lang.String", "internal");
        assertTrue(session.complete("$", 1).matches().isEmpty(), session.complete("$", 1).matches().toString());
        assertFalse(session.complete("", 0).matches().contains("$hiddenHelper"));
    }

    @Test
    void completionFindsVariablesAndMethodsOfTheSession() {
        session.eval("int counterOfThings = 3; int countTwice() { return 2; }");
        Completion completion = session.complete("count", 5);
        assertTrue(completion.matches().containsAll(java.util.List.of("counterOfThings", "countTwice()")),
                completion.matches().toString());
        assertEquals(0, completion.cursorStart());
    }

    @Test
    void completionListsEachOverloadOnce() {
        Completion completion = session.complete("String.valueO", 13);
        assertEquals(java.util.List.of("valueOf("), completion.matches());
    }

    @Test
    void inspectGivesSignatureAndJavadocOfAJdkMethod() {
        String text = session.inspect("String.valueOf(3)", 9, 0).orElseThrow();
        assertTrue(text.contains("String String.valueOf(int i)"), text);
        assertTrue(text.contains("Returns the string representation of the int argument."), text);
    }

    @Test
    void inspectGivesTheSignatureOfAUserMethod() {
        session.eval("/** Squares a number. */ long square(long v) { return v * v; }");
        String text = session.inspect("square", 3, 0).orElseThrow();
        assertTrue(text.startsWith("long square(long v)"), text);
    }

    @Test
    void openLoopIsIncompleteWithIndent() {
        assertEquals(new Completeness("incomplete", "    "), session.isComplete("for (int i=0;i<3;i++) {"));
    }

    @Test
    void missingInitializerIsIncomplete() {
        assertEquals("incomplete", session.isComplete("int x = ").status());
    }

    @Test
    void brokenOperatorIsInvalid() {
        assertEquals("invalid", session.isComplete("1 +* 2").status());
    }

    @Test
    void cellOfSeveralSnippetsIsComplete() {
        assertEquals(new Completeness("complete", ""),
                session.isComplete("import java.util.*;\nint twice(int v) { return 2 * v; }\nvar l = List.of(1);\ntwice(3)"));
    }
}
