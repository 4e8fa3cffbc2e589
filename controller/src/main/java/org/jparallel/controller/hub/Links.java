package org.jparallel.controller.hub;

import java.util.List;

/** Where the hub sends frames: the controller's two ROUTER sockets, each owned by its own thread. */
public interface Links {
    /** Frames whose first frame is a client's routing identity. */
    void toClient(List<byte[]> frames);

    /** Frames whose first frame is an engine's routing identity. */
    void toEngine(List<byte[]> frames);

    /** The bytes sent to this client that its socket has not taken yet: how far it is behind. */
    long clientBacklog(byte[] client);

    /**
     * A message of this client checked out (its signature): the client holds the key, and its messages may be of any
     * size now (see {@code LinkServer.vouchFor}).
     */
    default void vouchForClient(byte[] client) {
    }

    /** As {@link #vouchForClient}, for an engine's link or task link. */
    default void vouchForEngine(byte[] link) {
    }
}
