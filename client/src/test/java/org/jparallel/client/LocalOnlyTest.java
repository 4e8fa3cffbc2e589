package org.jparallel.client;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalOnlyTest {
    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    void aViewSweptAlongWithALambdaArrivesAsNull() throws Exception {
        assertNull(roundTrip(new DirectView(null, "all")));
        assertNull(roundTrip(new LoadBalancedView(null, TaskFlags.NONE)));
    }

    @Test
    void aResultSweptAlongWithALambdaArrivesAsNull() throws Exception {
        AsyncResult<List<Object>> ar = new ReplyStream().result("apply", List.of(0), values -> values, true);
        assertNull(roundTrip(ar));
    }
}
