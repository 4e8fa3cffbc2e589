package org.jparallel.controller.hub;

/** What a refusal quotes of a request: enough to recognize it, not a client's megabytes sent back. */
final class BadRequests {
    static final int QUOTED_CHARS = 200;

    private BadRequests() {
    }

    /** {@code text}, cut after {@link #QUOTED_CHARS} characters with how many more there were. */
    static String brief(String text) {
        if (text.length() <= QUOTED_CHARS) {
            return text;
        }
        return text.substring(0, QUOTED_CHARS) + "… (" + (text.length() - QUOTED_CHARS) + " more characters)";
    }
}
