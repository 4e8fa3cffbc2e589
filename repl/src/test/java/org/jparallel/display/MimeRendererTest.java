package org.jparallel.display;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MimeRendererTest {
    private final MimeRenderer renderer = new MimeRenderer();

    private String plain(Object value) {
        return (String) renderer.render(value).data().get(MimeType.TEXT_PLAIN);
    }

    @Test
    void nullIsShownAsNull() {
        assertEquals(MimeBundle.text("null"), renderer.render(null));
    }

    @Test
    void stringsAreQuotedAndEscapedAsJShellShowsThem() {
        assertEquals("\"say \\\"hi\\\"\\n\"", plain("say \"hi\"\n"));
    }

    @Test
    void anArrayOfACellsClassIsNamedAsTheCellNamesIt() {
        try (org.jparallel.repl.JavaSession session = org.jparallel.repl.JavaSession.open(
                org.jparallel.repl.SessionOptions.defaults())) {
            session.eval("class Walker { public String toString() { return \"w\"; } }");
            var made = (org.jparallel.repl.CellOutcome.Success) session.eval("new Walker[] { new Walker() }");
            assertEquals("Walker[1] { w }", plain(made.value().orElseThrow().object()));
        }
    }

    @Test
    void aLoneSurrogateIsEscapedAndAPairKept() {
        String emoji = "\uD83D\uDE00";
        assertEquals("\"\\uD83D\"", plain(emoji.substring(0, 1)));
        assertEquals("\"" + emoji + "\"", plain(emoji));
        assertEquals("[\\uDE00, " + emoji + "]", plain(java.util.List.of(emoji.substring(1), emoji)));
        assertEquals("'\\uD83D'", plain(emoji.charAt(0)));
    }

    @Test
    void intArraysShowTypeLengthAndElements() {
        assertEquals("int[3] { 1, 2, 3 }", plain(new int[] {1, 2, 3}));
    }

    @Test
    void nestedArraysShowEveryLevel() {
        assertEquals("String[2][] { String[1] { \"a\" }, String[0] {  } }",
                plain(new String[][] {{"a"}, {}}));
    }

    @Test
    void arraysInTheJdksCollectionsShowAsArrays() {
        assertEquals("[double[2] { 1.0, 2.5 }, double[0] {  }]", plain(List.of(new double[] {1, 2.5}, new double[0])));
        assertEquals("{a=String[1] { \"x\" }}", plain(Map.of("a", new String[] {"x"})));
        assertEquals("Optional[[long[1] { 7 }]]", plain(Optional.of(List.of(new long[] {7}))));
    }

    @Test
    void theJdksCollectionsWithoutArraysReadAsTheirToString() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("list", new ArrayList<>(List.of("a", 1)));
        map.put("self", map);
        map.put("empty", Optional.empty());
        assertEquals(map.toString(), plain(map));
        List<Object> self = new ArrayList<>(List.of(1));
        self.add(self);
        assertEquals(self.toString(), plain(self));
    }

    @Test
    void otherObjectsShowTheirToString() {
        assertEquals(MimeBundle.text("PT2S"), renderer.render(Duration.ofSeconds(2)));
    }

    @Test
    void bufferedImageBecomesAPngOfTheSameSize() throws IOException {
        MimeBundle bundle = renderer.render(new BufferedImage(7, 5, BufferedImage.TYPE_INT_ARGB));

        byte[] png = Base64.getDecoder().decode((String) bundle.data().get(MimeType.IMAGE_PNG));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(7, decoded.getWidth());
        assertEquals(5, decoded.getHeight());
        assertEquals(JsonParser.parseString("{\"width\": 7, \"height\": 5}"),
                bundle.metadata().get(MimeType.IMAGE_PNG));
    }

    @Test
    void displayableGetsTextPlainAddedWhenItHasNone() {
        Displayable shout = () -> MimeBundle.of(MimeType.TEXT_HTML, "<b>!</b>");

        assertTrue(renderer.render(shout).has(MimeType.TEXT_PLAIN));
    }

    @Test
    void displayableWithAnEmptyBundleShowsNothing() {
        Displayable nothing = MimeBundle::empty;

        assertTrue(renderer.render(nothing).isEmpty());
    }

    @Test
    void registeredRendererAddsItsTypes() {
        renderer.register(Duration.class, d -> MimeBundle.of(MimeType.TEXT_HTML, "<i>" + d.toMillis() + " ms</i>"));

        assertEquals(Map.of(MimeType.TEXT_HTML, "<i>2000 ms</i>", MimeType.TEXT_PLAIN, "PT2S"),
                renderer.render(Duration.ofSeconds(2)).data());
    }

    @Test
    void laterRegistrationWinsOverEarlierAndOverDisplayable() {
        renderer.register(Object.class, o -> MimeBundle.text("first"))
                .register(Html.class, h -> MimeBundle.text("second"));

        assertEquals(MimeBundle.text("second"), renderer.render(new Html("<b/>")));
    }

    @Test
    void asOneMimeTypeTextIsTakenAsIs() {
        assertEquals(MimeBundle.of(MimeType.TEXT_HTML, "<b>hi</b>"), renderer.render(MimeType.TEXT_HTML, "<b>hi</b>"));
    }

    @Test
    void asOneMimeTypeBytesAreBase64Encoded() {
        assertEquals(MimeBundle.of(MimeType.IMAGE_PNG, "AQI="), renderer.render(MimeType.IMAGE_PNG, new byte[] {1, 2}));
    }

    @Test
    void asJsonTextIsParsed() {
        assertEquals(MimeBundle.of(MimeType.APPLICATION_JSON, JsonParser.parseString("[1,2]")),
                renderer.render(MimeType.APPLICATION_JSON, "[1, 2]"));
    }

    @Test
    void asOneMimeTypeOtherValuesKeepOnlyThatRepresentation() {
        MimeBundle png = renderer.render(MimeType.IMAGE_PNG, new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB));

        assertEquals(java.util.Set.of(MimeType.IMAGE_PNG), png.data().keySet());
    }

    @Test
    void asAMimeTypeTheValueLacksIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> renderer.render(MimeType.IMAGE_JPEG, Duration.ZERO));
    }
}
