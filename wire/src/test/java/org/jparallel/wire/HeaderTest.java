package org.jparallel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HeaderTest {

    @Test
    void timeIsWrittenInUtcWithMicroseconds() {
        assertEquals("2026-11-25T20:55:41.062113Z", Header.format(Instant.parse("2026-11-25T20:55:41.062113789Z")));
    }

    @Test
    void wholeSecondsKeepTheirSixFractionDigits() {
        assertEquals("1999-01-02T03:04:05.000000Z", Header.format(Instant.parse("1999-01-02T03:04:05Z")));
    }

    @Test
    void writtenTimeParsesBackToTheInstantTruncatedToMicroseconds() {
        Instant start = Instant.parse("1970-01-01T00:00:00Z");
        for (long s = 0; s < 5_000_000_000L; s += 86_399_999L) {
            Instant t = start.plusSeconds(s).plusNanos(s % 1_000_000_000L);
            assertEquals(t.truncatedTo(ChronoUnit.MICROS), Instant.parse(Header.format(t)), t.toString());
        }
    }

    @Test
    void yearsOutsideFourDigitsFallBackToInstantsOwnFormat() {
        assertEquals("+12345-01-01T00:00:00Z", Header.format(Instant.parse("+12345-01-01T00:00:00Z")));
    }

    @Test
    void messageIdsAreVersion4UuidsAndDiffer() {
        UUID id = UUID.fromString(Header.newId());
        assertEquals(4, id.version());
        assertEquals(2, id.variant());
        assertNotEquals(Header.newId(), Header.newId());
    }
}
