package org.jparallel.display;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MimeBundleTest {

    @Test
    void keepsTheOrderRepresentationsWereAdded() {
        MimeBundle bundle = MimeBundle.text("t").with(MimeType.TEXT_HTML, "h").with(MimeType.IMAGE_PNG, "p");

        assertEquals(List.of(MimeType.TEXT_PLAIN, MimeType.TEXT_HTML, MimeType.IMAGE_PNG),
                List.copyOf(bundle.data().keySet()));
    }

    @Test
    void jsonTypesMustHoldJsonElements() {
        assertThrows(IllegalArgumentException.class, () -> MimeBundle.of("application/vnd.vegalite.v5+json", "{}"));
    }

    @Test
    void otherTypesMustHoldStrings() {
        assertThrows(IllegalArgumentException.class, () -> MimeBundle.of(MimeType.TEXT_HTML, new JsonArray()));
    }

    @Test
    void laterEditsOfAJsonTreeDoNotReachTheBundle() {
        JsonArray tree = new JsonArray();
        MimeBundle bundle = MimeBundle.of(MimeType.APPLICATION_JSON, tree);

        tree.add(1);

        assertEquals(new JsonArray(), bundle.data().get(MimeType.APPLICATION_JSON));
    }

    @Test
    void dataJsonIsTheWireForm() {
        MimeBundle bundle = MimeBundle.text("x").with(MimeType.APPLICATION_JSON, JsonParser.parseString("[1]"));

        assertEquals(JsonParser.parseString("{\"text/plain\":\"x\",\"application/json\":[1]}"), bundle.dataJson());
    }
}
