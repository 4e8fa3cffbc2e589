package org.jparallel.controller.launch;

import java.nio.file.Path;

/**
 * A cluster that {@link ClusterLauncher#start} started.
 *
 * <pre>{@code
 * ClusterHandle cluster = launcher.start("default", 4, ClusterOptions.defaults());
 * Client rc = Client.connect(cluster.clientFile());
 * }</pre>
 *
 * @param profile       its profile
 * @param controllerPid the controller process
 * @param clientFile    the connection file clients read ({@code security/client.json})
 * @param engines       the engines registered when start returned
 */
public record ClusterHandle(String profile, long controllerPid, Path clientFile, int engines) {
}
