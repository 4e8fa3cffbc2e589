package org.jparallel.wire;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;

/**
 * Which host a process runs on, as connection files record the controller's: its {@link #id()} (the host's name
 * and this boot's id) tells an engine or client whether it shares the controller's host, where the controller's
 * pid, its socket files and a loopback address mean something; its {@link #location()} is where processes of
 * other hosts reach a controller that listens on every interface (ipyparallel's {@code location}).
 *
 * <pre>{@code
 * ClusterHost here = ClusterHost.current();
 * here.id();                          // "node7 3f1c9a52-…": the same for every process of this host until it reboots
 * here.location();                    // "10.0.0.7": its first address other hosts can route to
 * ClusterHost.isCurrent(file.host()); // whether the controller that wrote a connection file runs here
 * }</pre>
 */
public record ClusterHost(String id, String location) {

    /** This process's host. */
    public static ClusterHost current() {
        String id = currentId();
        return new ClusterHost(id, routableAddress().orElse(id.split(" ")[0]));
    }

    /** The id of this process's host, without looking for its location. */
    public static String currentId() {
        return ThisHost.ID;
    }

    /** Read once: a process does not change hosts, and every connection file read and address asks. */
    private static final class ThisHost {
        static final String ID = readId();

        private static String readId() {
            String name = firstLine(Path.of("/proc/sys/kernel/hostname")).orElseGet(ClusterHost::javaHostName);
            String boot = firstLine(Path.of("/proc/sys/kernel/random/boot_id")).orElse("");
            return boot.isEmpty() ? name : name + " " + boot;
        }
    }

    /**
     * Whether a connection file that names host {@code id} was written on this host; one that names none (written
     * by an older controller) counts as this host's, as it always did.
     */
    public static boolean isCurrent(String id) {
        return id == null || id.isEmpty() || id.equals(currentId());
    }

    private static Optional<String> firstLine(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text.lines().findFirst().orElse(text));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String javaHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** The first IPv4 address of an interface that is up and not loopback: what another host can reach. */
    private static Optional<String> routableAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                        return Optional.of(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException | RuntimeException e) {
            // no interfaces to enumerate: the host's name is the location
        }
        return Optional.empty();
    }
}
