package org.jparallel.kernel.channel;

/** The five sockets of a Jupyter kernel. */
public enum Channel {
    SHELL,
    CONTROL,
    STDIN,
    IOPUB,
    HEARTBEAT
}
