package org.jparallel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionWordsTest {
    @Test
    void splitsOnWhitespaceOutsideQuotes() {
        assertEquals(List.of("-Xmx2g", "-Da=b c", "-Dd=e f", "-cp", "x.jar"),
                OptionWords.split("  -Xmx2g \"-Da=b c\" -Dd='e f'  -cp x.jar "));
    }

    @Test
    void joinedWordsSplitBackToTheSameList() {
        List<String> options = List.of("-Xmx2g", "-Dgreeting=hello world", "-Dquote=say \"hi\"", "-Dit's=fine");
        assertEquals(options, OptionWords.split(OptionWords.join(options)));
    }

    @Test
    void aTrailingCommentIsDroppedButNotASlashInsideAWordOrQuotes() {
        assertEquals("start -n 4", OptionWords.withoutComment("start -n 4   // four engines"));
        assertEquals("--url http://host/x", OptionWords.withoutComment("--url http://host/x"));
        assertEquals("-Da=\"b // c\"", OptionWords.withoutComment("-Da=\"b // c\""));
        assertEquals("", OptionWords.withoutComment("// only a comment"));
    }

    @Test
    void anOpenQuoteIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptionWords.split("-Da='b"));
        assertEquals("a quote (') is not closed in: -Da='b", e.getMessage());
    }
}
