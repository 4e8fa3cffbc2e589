package org.jparallel.wire.link;

import java.io.IOException;

/** The bytes a connection sent are not a sequence of jparallel messages: the connection is closed. */
final class MalformedFramesException extends IOException {
    MalformedFramesException(String what) {
        super("not a jparallel link: " + what);
    }
}
