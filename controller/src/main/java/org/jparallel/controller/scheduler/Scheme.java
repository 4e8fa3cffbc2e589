package org.jparallel.controller.scheduler;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * How the scheduler picks one engine among those free to take a task: ipyparallel's schemes. The candidates
 * come least recently used first, and each scheme returns the index of its pick.
 *
 * <pre>{@code
 * Scheme scheme = Scheme.named("lru");
 * int index = scheme.choose(candidates, random);
 * }</pre>
 */
public enum Scheme {
    /** The engine with the fewest outstanding tasks, the lowest id among equals (the default). */
    LEASTLOAD {
        @Override
        int choose(List<EngineLoad> candidates, Random random) {
            int best = 0;
            for (int i = 1; i < candidates.size(); i++) {
                EngineLoad c = candidates.get(i);
                EngineLoad b = candidates.get(best);
                if (c.outstanding() < b.outstanding() || (c.outstanding() == b.outstanding() && c.id() < b.id())) {
                    best = i;
                }
            }
            return best;
        }
    },
    /** The engine that was sent a task longest ago: round robin. */
    LRU {
        @Override
        int choose(List<EngineLoad> candidates, Random random) {
            return 0;
        }
    },
    /** Two engines at random, the less recently used of the two. */
    TWOBIN {
        @Override
        int choose(List<EngineLoad> candidates, Random random) {
            return Math.min(random.nextInt(candidates.size()), random.nextInt(candidates.size()));
        }
    },
    /** Two engines drawn with weights inverse to their load, the less loaded of the two. */
    WEIGHTED {
        @Override
        int choose(List<EngineLoad> candidates, Random random) {
            double[] sums = new double[candidates.size()];
            double total = 0;
            for (int i = 0; i < sums.length; i++) {
                total += 1.0 / (1e-6 + candidates.get(i).outstanding()); // an idle engine weighs a million times more
                sums[i] = total;
            }
            int x = draw(sums, random.nextDouble() * total);
            int y = draw(sums, random.nextDouble() * total);
            return candidates.get(y).outstanding() < candidates.get(x).outstanding() ? y : x;
        }

        private int draw(double[] sums, double point) {
            int i = 0;
            while (i < sums.length - 1 && sums[i] < point) {
                i++;
            }
            return i;
        }
    },
    /** Any engine, uniformly at random. */
    PLAINRANDOM {
        @Override
        int choose(List<EngineLoad> candidates, Random random) {
            return random.nextInt(candidates.size());
        }
    };

    /** @param candidates engines free to take the task, least recently used first; never empty */
    abstract int choose(List<EngineLoad> candidates, Random random);

    /** The name {@code jpcluster start --scheme} takes: {@code leastload}, {@code lru}, … */
    public String schemeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Scheme named(String name) {
        for (Scheme scheme : values()) {
            if (scheme.schemeName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("no scheduling scheme named '" + name + "'; use one of "
                + Arrays.stream(values()).map(Scheme::schemeName).collect(Collectors.joining(", ")));
    }
}
