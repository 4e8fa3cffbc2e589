package org.jparallel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.jparallel.client.values.ClassBytes;
import org.jparallel.client.values.UnserializableValueException;
import org.jparallel.client.values.ValueEncoder;
import org.junit.jupiter.api.Test;

/** A view holds the client's socket: code that would carry one to an engine fails before anything is sent. */
class ViewsStayLocalTest {
    private final ValueEncoder encoder = new ValueEncoder(ClassBytes.none());

    @Test
    void aViewIsNotSentToEngines() {
        DirectView view = new DirectView(new DirectRequests(null, null, List::of, false), "all",
                Path.of("client.json"), null);
        var e = assertThrows(UnserializableValueException.class, () -> encoder.encodeCall((Fn0<Object>) () -> view));
        assertEquals(DirectView.class.getName(), e.className());
    }

    @Test
    void aResultInsideALambdaIsNotSentEither() {
        AsyncResult<Integer> ar = new ReplyStream().result("apply", List.of(0), values -> 1, true);
        var e = assertThrows(UnserializableValueException.class, () -> encoder.encodeCall((Fn0<Object>) () -> ar.get()));
        assertEquals(AsyncResult.class.getName(), e.className());
    }
}
