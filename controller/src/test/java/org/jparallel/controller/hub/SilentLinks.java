package org.jparallel.controller.hub;

import java.util.List;

/** Links that send nothing anywhere and have no backlog: a test overrides what it watches. */
class SilentLinks implements Links {
    @Override
    public void toClient(List<byte[]> frames) {
    }

    @Override
    public void toEngine(List<byte[]> frames) {
    }

    @Override
    public long clientBacklog(byte[] client) {
        return 0;
    }
}
