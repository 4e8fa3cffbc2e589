package org.jparallel.controller.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a command's engines go: all on the controller's host; over hosts reached by ssh, as many on each as it
 * says ({@code --ssh nodeA=2 --ssh nodeB=6}, ipyparallel's {@code SSHEngineSetLauncher.engines =
 * {'nodeA': 2, 'nodeB': 6}}) or {@code -n} spread evenly over them ({@code -n 8 --ssh nodeA --ssh nodeB}); or
 * wherever Slurm places them ({@code -n 8 --slurm}).
 *
 * <pre>{@code
 * EngineHosts.local(4)                                                   // 4 on the controller's host
 * EngineHosts.spread(8, List.of(SshTarget.of("a"), SshTarget.of("b")))  // 4 on a, 4 on b
 * EngineHosts.spread(8, List.of(SlurmTarget.defaults()))                 // 8 Slurm tasks
 * }</pre>
 *
 * @param local  engines on the controller's host
 * @param remote engines elsewhere, in the order given
 */
public record EngineHosts(int local, List<Share> remote) {

    /** Some engines at one site. */
    public record Share(EngineSite site, int engines) {
        public Share {
            if (engines < 1) {
                throw new IllegalArgumentException("each host needs 1 or more engines, not " + engines + " on "
                        + site.name());
            }
        }
    }

    public EngineHosts {
        remote = List.copyOf(remote);
        if (local < 0 || (local == 0 && remote.isEmpty())) {
            throw new IllegalArgumentException("needs 1 or more engines, not " + local);
        }
    }

    /** {@code n} engines on the controller's host. */
    public static EngineHosts local(int n) {
        return new EngineHosts(n, List.of());
    }

    /** One engine per processor of this host: how many a start without {@code -n} gives, as ipcluster's. */
    public static EngineHosts onePerProcessor() {
        return local(Runtime.getRuntime().availableProcessors());
    }

    /** {@code n} engines spread over {@code hosts}, the first ones taking one more when they do not divide. */
    public static EngineHosts spread(int n, List<? extends EngineSite> hosts) {
        if (hosts.isEmpty()) {
            return local(n);
        }
        if (n < hosts.size()) {
            throw new IllegalArgumentException(n + (n == 1 ? " engine does" : " engines do") + " not spread over "
                    + hosts.size() + " hosts: give -n " + hosts.size()
                    + " or more, or a count per host (--ssh HOST=N)");
        }
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            shares.add(new Share(hosts.get(i), n / hosts.size() + (i < n % hosts.size() ? 1 : 0)));
        }
        return new EngineHosts(0, shares);
    }

    /**
     * What {@code -n} and {@code --ssh HOST[=N]} (repeated) with their companions name, as {@code jpcluster} and
     * {@code %cluster} take them: hosts with a count get that many, {@code -n}'s remainder spreads over the others.
     *
     * @param n     {@code -n}, or null when it was not given (then every host needs its count)
     * @param hosts the values of {@code --ssh}, possibly none
     * @throws IllegalArgumentException when the counts do not add up, or the ssh options come without a host
     */
    public static EngineHosts fromOptions(Integer n, List<String> hosts, List<String> sshCommand, String java,
                                          String jar) {
        return fromOptions(n, hosts, null, sshCommand, java, jar);
    }

    /**
     * Like {@link #fromOptions(Integer, List, List, String, String)}, with {@code --slurm} too: {@code srunOptions}
     * (null without {@code --slurm}) puts all {@code -n} engines in Slurm's hands, with {@code --remote-java} and
     * {@code --remote-jar} for its nodes.
     *
     * @throws IllegalArgumentException also when {@code --slurm} comes with {@code --ssh} or {@code --ssh-command}
     */
    public static EngineHosts fromOptions(Integer n, List<String> hosts, List<String> srunOptions,
                                          List<String> sshCommand, String java, String jar) {
        if (srunOptions != null) {
            if (!hosts.isEmpty() || sshCommand != null) {
                throw new IllegalArgumentException("--slurm places the engines itself: it takes no --ssh or"
                        + " --ssh-command (start the ssh engines with another command: jpcluster engines --ssh)");
            }
            if (n == null) {
                throw new IllegalArgumentException("-n is missing: how many engines should Slurm start?");
            }
            SlurmTarget slurm = SlurmTarget.defaults().withOptions(srunOptions);
            slurm = java == null ? slurm : slurm.withJava(java);
            return spread(n, List.of(jar == null ? slurm : slurm.withJar(jar)));
        }
        if (hosts.isEmpty()) {
            SshTarget.fromOptions(null, sshCommand, java, jar); // refuses the companions alone
            return n == null ? onePerProcessor() : local(n);
        }
        List<Share> counted = new ArrayList<>();
        List<SshTarget> uncounted = new ArrayList<>();
        int given = 0;
        for (String spec : hosts) {
            int equals = spec.lastIndexOf('=');
            String host = equals < 0 ? spec : spec.substring(0, equals);
            SshTarget target = SshTarget.fromOptions(host, sshCommand, java, jar);
            if (equals < 0) {
                uncounted.add(target);
            } else {
                int count = count(spec.substring(equals + 1), spec);
                counted.add(new Share(target, count));
                given += count;
            }
        }
        if (uncounted.isEmpty()) {
            if (n != null && n != given) {
                throw new IllegalArgumentException("-n " + n + " but the hosts' counts add up to " + given
                        + ": leave -n out, or make them agree");
            }
            return new EngineHosts(0, counted);
        }
        if (n == null) {
            throw new IllegalArgumentException("-n is missing: how many engines go on " + uncounted.get(0).name()
                    + "? Give -n to spread, or --ssh " + uncounted.get(0).name() + "=N");
        }
        if (counted.isEmpty()) {
            return spread(n, uncounted);
        }
        if (n - given < uncounted.size()) {
            throw new IllegalArgumentException("-n " + n + " leaves " + Math.max(0, n - given) + " for "
                    + (uncounted.size() == 1 ? "the host" : "the " + uncounted.size() + " hosts") + " without a count,"
                    + " after the " + given + " the others take: raise -n, or give every host its count");
        }
        List<Share> all = new ArrayList<>(counted);
        all.addAll(spread(n - given, uncounted).remote());
        return new EngineHosts(0, all);
    }

    private static int count(String text, String spec) {
        try {
            int count = Integer.parseInt(text.strip());
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--ssh " + spec + ": after = comes a number of engines, 1 or more");
    }

    /** How many engines in all. */
    public int total() {
        return local + remote.stream().mapToInt(Share::engines).sum();
    }

    /** {@code 4 engines}, or {@code 2 on nodeA, 6 on nodeB}, or {@code 8 on Slurm}, for messages. */
    @Override
    public String toString() {
        if (remote.isEmpty()) {
            return local + (local == 1 ? " engine" : " engines");
        }
        List<String> parts = new ArrayList<>();
        if (local > 0) {
            parts.add(local + " here");
        }
        remote.forEach(share -> parts.add(share.engines() + " on " + share.site().name()));
        return String.join(", ", parts);
    }
}
