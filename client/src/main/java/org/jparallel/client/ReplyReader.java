package org.jparallel.client;

import java.util.List;
import org.jparallel.wire.Message;

/** Turns one engine's successful reply (and the outputs of its task) into the value the user gets. */
@FunctionalInterface
interface ReplyReader {
    Object read(Message reply, List<EngineOutput> outputs) throws Exception;

    /** For requests whose reply carries no value: push, clear. */
    ReplyReader NOTHING = (reply, outputs) -> null;
}
