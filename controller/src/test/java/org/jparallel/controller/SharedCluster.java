package org.jparallel.controller;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes one cluster of two engines, started on first use and stopped when the whole
 * test run ends: the machine has two cores, and a cluster takes seconds to start.
 */
final class SharedCluster implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCluster.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("cluster", key -> Running.start(), Running.class).cluster();
    }

    private record Running(TestCluster cluster, Path home)
            implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        static Running start() {
            try {
                Path home = Files.createTempDirectory("jparallel-home");
                return new Running(new TestCluster(home, 2), home);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the shared test cluster", e);
            }
        }

        @Override
        public void close() throws Exception {
            try {
                cluster.close();
            } finally {
                try (Stream<Path> files = Files.walk(home)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
