package org.jparallel.display;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RichValueTest {

    @Test
    void htmlShowsAsHtmlWithItsSourceAsText() {
        assertEquals(Map.of(MimeType.TEXT_PLAIN, "<b>x</b>", MimeType.TEXT_HTML, "<b>x</b>"),
                new Html("<b>x</b>").toMimeBundle().data());
    }

    @Test
    void markdownShowsAsMarkdown() {
        assertEquals("*x*", new Markdown("*x*").toMimeBundle().data().get(MimeType.TEXT_MARKDOWN));
    }

    @Test
    void latexShowsAsLatex() {
        assertEquals("$x^2$", new Latex("$x^2$").toMimeBundle().data().get(MimeType.TEXT_LATEX));
    }

    @Test
    void svgShowsAsSvg() {
        assertEquals("<svg/>", new Svg("<svg/>").toMimeBundle().data().get(MimeType.IMAGE_SVG));
    }

    @Test
    void jsonShowsAsJsonElementWithPrettyText() {
        MimeBundle bundle = Json.parse("{\"a\":[1,2]}").toMimeBundle();

        assertEquals(JsonParser.parseString("{\"a\":[1,2]}"), bundle.data().get(MimeType.APPLICATION_JSON));
        assertEquals("{\n  \"a\": [\n    1,\n    2\n  ]\n}", bundle.data().get(MimeType.TEXT_PLAIN));
    }

    @Test
    void jsonOfAMapSerializesIt() {
        assertEquals(JsonParser.parseString("{\"engines\":4}"), Json.of(Map.of("engines", 4)).value());
    }
}
