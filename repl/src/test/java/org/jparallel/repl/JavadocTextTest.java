package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Javadoc as a notebook's help pane shows it: links by their labels, type parameters kept. */
class JavadocTextTest {

    @Test
    void aLinkWhoseReferenceHasParametersShowsItsLabel() {
        assertEquals("The lists and their subList views", JavadocText.plain(
                "The lists and their {@link List#subList(int, int) subList} views"));
    }

    @Test
    void aLinkWhoseLabelIsOnTheNextLineShowsTheLabelOnly() {
        assertEquals("the one returned by Locale.getDefault(Locale.Category) with", JavadocText.plain(
                "the one returned by {@link\n java.util.Locale#getDefault(java.util.Locale.Category)\n"
                        + " Locale.getDefault(Locale.Category)} with"));
    }

    @Test
    void aLinkWithoutLabelShowsItsReference() {
        assertEquals("see List.size()", JavadocText.plain("see {@link List#size()}"));
    }

    @Test
    void typeParametersStayWhileHtmlGoes() {
        assertEquals("@param <E> the type of elements", JavadocText.plain("@param <E> the type of <b>elements</b>"));
    }
}
