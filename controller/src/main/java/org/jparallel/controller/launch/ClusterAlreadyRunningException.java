package org.jparallel.controller.launch;

/** A cluster of this profile is running already: stop it first, or use another profile. */
public final class ClusterAlreadyRunningException extends ClusterException {
    private final long controllerPid;

    public ClusterAlreadyRunningException(String profile, long controllerPid) {
        super("a cluster of profile " + profile + " is already running (controller pid " + controllerPid
                + "); stop it with: jpcluster stop --profile " + profile + ", or start another profile");
        this.controllerPid = controllerPid;
    }

    public long controllerPid() {
        return controllerPid;
    }
}
