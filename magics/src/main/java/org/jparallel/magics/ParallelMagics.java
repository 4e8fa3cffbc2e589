package org.jparallel.magics;

import org.jparallel.controller.launch.ClusterLauncher;
import org.jparallel.magic.MagicRegistry;
import org.jparallel.magics.cluster.ClusterMagic;
import org.jparallel.magics.px.AutoPxMagic;
import org.jparallel.magics.px.PxConfigMagic;
import org.jparallel.magics.px.PxMagic;
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

    public ParallelMagics(ClusterLauncher launcher) {
        this.cluster = new ClusterMagic(session, launcher);
    }

    public MagicRegistry registerIn(MagicRegistry registry) {
        return registry
                .register(new PxMagic(session))
                .register(new PxResultMagic(session))
                .register(new PxConfigMagic(session))
                .register(new AutoPxMagic())
                .register(cluster);
    }

    @Override
    public void close() {
        session.close();
        cluster.close();
    }
}
