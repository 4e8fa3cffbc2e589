package org.jparallel.display;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisplayTest {
    private final List<DisplayEvent> events = new CopyOnWriteArrayList<>();
    private final Display display = new Display(events::add);

    @Test
    void displayPublishesDisplayDataUnderTheHandlesId() {
        DisplayHandle handle = display.display(new Html("<b>x</b>"));

        assertEquals(List.of(new DisplayEvent(new Html("<b>x</b>").toMimeBundle(), Optional.of(handle.id()), false)),
                events);
        assertEquals("display_data", events.get(0).messageType());
    }

    @Test
    void everyDisplayGetsItsOwnId() {
        assertNotEquals(display.display(1).id(), display.display(1).id());
    }

    @Test
    void handleUpdatePublishesUpdateDisplayDataWithTheSameId() {
        DisplayHandle handle = display.display("before");

        handle.update("after");

        assertEquals(DisplayEvent.update(MimeBundle.text("\"after\""), handle.id()), events.get(1));
        assertEquals("update_display_data", events.get(1).messageType());
    }

    @Test
    void displayWithIdUsesTheGivenIdAndUpdateDisplayReplacesIt() {
        display.displayWithId("progress", 1);
        display.updateDisplay("progress", 2);

        assertEquals(List.of(DisplayEvent.show(MimeBundle.text("1"), "progress"),
                DisplayEvent.update(MimeBundle.text("2"), "progress")), events);
    }

    @Test
    void displayAsAMimeTypePublishesOnlyThatType() {
        display.display(MimeType.TEXT_HTML, "<b>hi</b>");

        assertEquals(MimeBundle.of(MimeType.TEXT_HTML, "<b>hi</b>"), events.get(0).bundle());
    }

    @Test
    void ijavasOrderValueThenMimeTypeIsTakenToo() {
        display.display("<b>hi</b>", MimeType.TEXT_HTML);

        assertEquals(MimeBundle.of(MimeType.TEXT_HTML, "<b>hi</b>"), events.get(0).bundle());
    }

    @Test
    void twoStringsNeitherOfThemAMimeTypeSayWhatOneLooksLike() {
        var error = assertThrows(IllegalArgumentException.class, () -> display.display("hello", "world"));

        assertTrue(error.getMessage().contains("'hello' is not a MIME type"), error.getMessage());
        assertTrue(events.isEmpty());
    }

    @Test
    void displayAsSeveralMimeTypesPublishesThoseInOrder() {
        display.display(new Html("<b>x</b>"), MimeType.TEXT_HTML, MimeType.TEXT_PLAIN);

        assertEquals(List.of(MimeType.TEXT_HTML, MimeType.TEXT_PLAIN),
                List.copyOf(events.get(0).bundle().data().keySet()));
    }

    @Test
    void aRenderedBundleShowsAsItselfWithNothingAdded() {
        MimeBundle rendered = display.renderer().render("<i>r</i>", MimeType.TEXT_HTML);

        assertEquals(MimeBundle.of(MimeType.TEXT_HTML, "<i>r</i>"), display.renderer().render(rendered));
    }

    @Test
    void aHandleRendersAsNothingSoACellEndingInDisplayShowsTheValueOnce() {
        assertTrue(display.renderer().render(display.display(1)).isEmpty());
    }

    @Test
    void anUpdateWithoutADisplayIdIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DisplayEvent(MimeBundle.text("x"), Optional.empty(), true));
    }

    @Test
    void preludeRejectsANameThatIsNotAJavaVariable() {
        assertThrows(IllegalArgumentException.class, () -> Display.prelude("x); System.exit(0"));
    }
}
