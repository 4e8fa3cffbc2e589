package org.jparallel.controller.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.concurrent.atomic.AtomicLong;
import org.jparallel.wire.Message;
import org.junit.jupiter.api.Test;

class JoiningEnginesTest {
    private final AtomicLong now = new AtomicLong();
    private final JoiningEngines joining = new JoiningEngines(now::get, 30);
    private final Message registration = Message.create("registration_request", "engine", new JsonObject());
    private final byte[] taskLink = {7, 7};

    @Test
    void aRegistrationJoinsWithTheTaskLinkThatCameFirst() {
        assertTrue(joining.taskLink("t", taskLink).isEmpty());
        JoiningEngines.Joined joined = joining.registration("t", registration).orElseThrow();
        assertSame(registration, joined.registration());
        assertArrayEquals(taskLink, joined.taskIdentity());
        assertEquals(0, joining.size());
    }

    @Test
    void aTaskLinkJoinsWithTheRegistrationThatCameFirst() {
        assertTrue(joining.registration("t", registration).isEmpty());
        assertArrayEquals(taskLink, joining.taskLink("t", taskLink).orElseThrow().taskIdentity());
        assertEquals(0, joining.size());
    }

    @Test
    void halvesOfOtherTokensDoNotJoin() {
        joining.registration("a", registration);
        assertTrue(joining.taskLink("b", taskLink).isEmpty());
        assertEquals(2, joining.size());
    }

    @Test
    void aHalfWhoseOtherNeverCameIsForgottenAfterTheExpiry() {
        joining.registration("gone", registration);
        now.set(20);
        joining.taskLink("also-gone", taskLink);
        assertEquals(0, joining.expire(), "nothing is older than the expiry yet");
        now.set(31);
        assertEquals(1, joining.expire());
        now.set(51);
        assertEquals(1, joining.expire());
        assertEquals(0, joining.size());
        assertTrue(joining.taskLink("gone", taskLink).isEmpty(), "an expired registration joined a late task link");
    }
}
