package org.jparallel.magics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jparallel.client.Targets;
import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicRegistry;
import org.jparallel.magics.cluster.ClusterMagic;
import org.jparallel.magics.px.AutoPxMagic;
import org.jparallel.magics.px.PxConfigMagic;
import org.jparallel.magics.px.PxMagic;
import org.jparallel.magics.px.PxOptions;
import org.jparallel.magics.px.PxResultMagic;

/**
 * The parallel magics of one kernel, sharing one {@link ParallelSession}: {@code %px}, {@code %%px},
 * {@code %pxresult}, {@code %pxconfig}, {@code %autopx} and {@code %cluster}.
 *
 * <pre>{@code
 * ParallelMagics parallel = new ParallelMagics(ClusterLauncher.fromEnvironment());
 * parallel.registerIn(registry);
 * ...
 * parallel.close();   // stops the clusters %cluster started
 * }</pre>
 */
public final class ParallelMagics implements AutoCloseable {
    private final ParallelSession session = new ParallelSession();
    private final ClusterMagic cluster;
    /** The sessions of activated views' magics ({@code %px_even}), by suffix. */
    private final Map<String, ParallelSession> activated = new ConcurrentHashMap<>();

    public ParallelMagics(ClusterLauncher launcher) {
        // an activated view's magics reconnect (by their connection file) to a cluster %cluster started again
        this.cluster = new ClusterMagic(session, launcher,
                () -> activated.values().forEach(ParallelSession::disconnect));
    }

    public MagicRegistry registerIn(MagicRegistry registry) {
        return registry
                .register(new PxMagic(session))
                .register(new PxResultMagic(session))
                .register(new PxConfigMagic(session))
                .register(new AutoPxMagic())
                .register(cluster);
    }

    /**
     * ipyparallel's {@code view.activate(suffix)}: {@code %px}{@code suffix}, {@code %%px}{@code suffix},
     * {@code %pxresult}{@code suffix}, {@code %pxconfig}{@code suffix} and {@code %autopx}{@code suffix} run on these
     * engines of the cluster of {@code clientFile} from now on; an empty suffix points plain {@code %px} there.
     *
     * @param targets the engines, or null for all of them
     */
    public void activate(Path clientFile, List<Integer> targets, String suffix, MagicRegistry registry) {
        PxOptions defaults = session.defaults().withTargets(targets == null ? Targets.all() : new Targets.Ids(targets));
        if (suffix.isEmpty()) {
            session.use(clientFile);
            session.defaults(defaults);
            System.out.println("%px runs on " + (targets == null ? "every engine" : "engines " + targets) + " now");
            return;
        }
        ParallelSession view = new ParallelSession();
        view.use(clientFile);
        view.defaults(defaults);
        ParallelSession previous = activated.put(suffix, view);
        if (previous != null) {
            previous.close();
        }
        String note = "The view activated with suffix " + suffix + ": engines "
                + (targets == null ? "all" : targets.toString()) + ".";
        registry.register(Magic.renamed("px" + suffix, new PxMagic(view), note))
                .register(Magic.renamed("pxresult" + suffix, new PxResultMagic(view), note))
                .register(Magic.renamed("pxconfig" + suffix, new PxConfigMagic(view), note))
                .register(Magic.renamed("autopx" + suffix, new AutoPxMagic("px" + suffix), note));
        System.out.println("%px" + suffix + ", %%px" + suffix + ", %pxresult" + suffix + ", %pxconfig" + suffix
                + " and %autopx" + suffix + " run on " + (targets == null ? "every engine" : "engines " + targets));
    }

    @Override
    public void close() {
        session.close();
        activated.values().forEach(ParallelSession::close);
        cluster.close();
    }
}
