package org.jparallel.magics.px;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jparallel.client.EngineOutput;

/**
 * Orders the outputs of a finished run for showing all at once ({@code --no-stream}, {@code %pxresult}),
 * merging the stream chunks of one engine so each engine's stdout is shown under one label.
 */
final class OutputGroups {
    private OutputGroups() {
    }

    static List<EngineOutput> order(List<EngineOutput> outputs, OutputGrouping grouping) {
        List<EngineOutput> sorted = new ArrayList<>(outputs);
        Comparator<EngineOutput> byKind = Comparator.comparingInt(o -> o.kind().ordinal());
        Comparator<EngineOutput> byEngine = Comparator.comparingInt(EngineOutput::engineId);
        switch (grouping) {
            case TYPE -> sorted.sort(byKind.thenComparing(byEngine));
            case ENGINE -> sorted.sort(byEngine);
            case ORDER -> sorted.sort(byKind.thenComparing(OutputGroups.nthOfItsEngine(outputs)).thenComparing(byEngine));
        }
        return merged(sorted);
    }

    /** For displays: the first of each engine, then the second of each, as ipyparallel's "order" collates them. */
    private static Comparator<EngineOutput> nthOfItsEngine(List<EngineOutput> outputs) {
        Map<EngineOutput, Integer> nth = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (EngineOutput output : outputs) {
            String key = output.kind() + ":" + output.engineId();
            int n = seen.merge(key, 1, Integer::sum);
            nth.putIfAbsent(output, output.kind() == EngineOutput.Kind.DISPLAY ? n : 0);
        }
        return Comparator.comparingInt(o -> nth.getOrDefault(o, 0));
    }

    private static List<EngineOutput> merged(List<EngineOutput> sorted) {
        List<EngineOutput> merged = new ArrayList<>();
        for (EngineOutput output : sorted) {
            int last = merged.size() - 1;
            boolean stream = output.kind() == EngineOutput.Kind.STDOUT || output.kind() == EngineOutput.Kind.STDERR;
            if (stream && last >= 0 && merged.get(last).kind() == output.kind()
                    && merged.get(last).engineId() == output.engineId()) {
                EngineOutput before = merged.get(last);
                merged.set(last, new EngineOutput(before.engineId(), before.kind(), before.text() + output.text(),
                        before.data(), before.executionCount()));
            } else {
                merged.add(output);
            }
        }
        return merged;
    }
}
