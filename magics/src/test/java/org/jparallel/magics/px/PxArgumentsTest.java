package org.jparallel.magics.px;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jparallel.magic.MagicUsageException;
import org.junit.jupiter.api.Test;

class PxArgumentsTest {
    private static PxArguments parse(String line) throws MagicUsageException {
        return PxArguments.parse(line, PxOptions.defaults());
    }

    @Test
    void codeAfterTheOptionsIsKept() throws Exception {
        PxArguments parsed = parse("-t 1,2 System.out.println(\"-t\");");
        assertEquals(List.of(1, 2), parsed.options().targets().resolve(List.of(0, 1, 2, 3)));
        assertEquals("System.out.println(\"-t\");", parsed.code());
    }

    @Test
    void aQuotedValueKeepsItsSpaces() throws Exception {
        PxArguments parsed = parse("-t \"[0, 3]\" x++;");
        assertEquals(List.of(0, 3), parsed.options().targets().resolve(List.of(0, 1, 2, 3)));
        assertEquals("x++;", parsed.code());
        assertThrows(MagicUsageException.class, () -> parse("-t '[0, 3] x++;"));
    }

    @Test
    void aCommentAfterTheOptionsIsNoCode() throws Exception {
        PxArguments parsed = parse("-t 1,2   // two engines: all, 2, ::2");
        assertEquals(List.of(1, 2), parsed.options().targets().resolve(List.of(0, 1, 2, 3)));
        assertEquals("", parsed.code());
        assertEquals("x++; // counts", parse("-t 1 x++; // counts").code());
    }

    @Test
    void noOptionsMeansDefaults() throws Exception {
        PxArguments parsed = parse("x++;");
        assertEquals(PxOptions.defaults(), parsed.options());
        assertEquals("x++;", parsed.code());
    }

    @Test
    void noblockAndBlock() throws Exception {
        assertFalse(parse("-a").options().block());
        assertFalse(parse("--noblock").options().block());
        assertTrue(parse("-a -b").options().block());
    }

    @Test
    void longOptionsTakeEqualsOrASpace() throws Exception {
        assertEquals(OutputGrouping.ENGINE, parse("--group-outputs=engine").options().grouping());
        assertEquals(OutputGrouping.ORDER, parse("--group-outputs order").options().grouping());
        assertEquals(0.5, parse("--progress-after=0.5").options().progressAfter());
    }

    @Test
    void shortGroupingFlags() throws Exception {
        assertEquals(OutputGrouping.ENGINE, parse("-e").options().grouping());
        assertEquals(OutputGrouping.ORDER, parse("-r").options().grouping());
    }

    @Test
    void outNamesAVariable() throws Exception {
        assertEquals(Optional.of("ar"), parse("-o ar").options().out());
        assertThrows(MagicUsageException.class, () -> parse("-o 1x"));
    }

    @Test
    void flags() throws Exception {
        PxOptions options = parse("--local --verbose --no-stream").options();
        assertTrue(options.local());
        assertTrue(options.verbose());
        assertFalse(options.stream());
        assertFalse(PxArguments.parse("--no-verbose", options).options().verbose());
    }

    @Test
    void unknownOptionIsAUsageError() {
        var e = assertThrows(MagicUsageException.class, () -> parse("--turbo x++;"));
        assertEquals("unknown option --turbo", e.getMessage());
    }

    @Test
    void optionWithoutItsValueIsAUsageError() {
        var e = assertThrows(MagicUsageException.class, () -> parse("-t"));
        assertEquals("-t needs a value", e.getMessage());
    }

    @Test
    void aNegativeNumberIsCodeNotAnOption() throws Exception {
        assertEquals("-1", parse("-1").code());
    }

    @Test
    void groupingOutputsShowsThemAtTheEndUnlessStreamingIsAskedForToo() throws Exception {
        assertFalse(parse("-e").options().stream());
        assertFalse(parse("--group-outputs order").options().stream());
        assertTrue(parse("--stream -e").options().stream());
        assertTrue(parse("-t 1").options().stream());
    }

    @Test
    void twoDashesEndTheOptionsSoCodeMayStartWithADash() throws Exception {
        PxArguments arguments = parse("-t 1 -- -k + 5");

        assertEquals("-k + 5", arguments.code());
        assertEquals(List.of(1), arguments.options().targets().resolve(List.of(0, 1, 2)));
    }

    @Test
    void aShortOptionTakesItsValueWrittenOnToIt() throws Exception {
        assertEquals(List.of(0), parse("-t0 k").options().targets().resolve(List.of(0, 1, 2)));
        assertEquals("k", parse("-t0 k").code());
        assertEquals(Optional.of("saved"), parse("-osaved k").options().out());
    }
}
