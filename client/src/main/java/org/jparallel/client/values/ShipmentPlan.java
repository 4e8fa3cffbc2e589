package org.jparallel.client.values;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What one shape of message ships, worked out once: the classes (closed over their bytecode) and the
 * static fields their code can reach. Finding these parses every shipped class file and follows its
 * code, which cost more than everything else of a small {@code apply}; a loop of applies of one lambda
 * asks the same question each time.
 *
 * <p>A plan holds while the message's graphs lead to the same things ({@code rootNotes}, and
 * {@code staticsNotes} for the static values) and this session's classes still have the same bytecode
 * (a cell run again recompiles them).
 *
 * @param rootNotes    what the serialized values led to (lambdas, instances and descriptors of own classes)
 * @param staticsNotes what the serialized static values led to
 * @param origins      the sessions whose classes are carried, the sender first
 * @param entries      the carried classes, in table order
 * @param statics      the static fields whose values travel
 */
record ShipmentPlan(Set<String> rootNotes, Set<String> staticsNotes, List<UUID> origins, List<Shipment.Entry> entries,
                    List<StaticFields.Carried> statics) {

    /** Whether this session's carried classes still have the bytecode the plan was made with. */
    boolean classesUnchanged() {
        for (Shipment.Entry entry : entries) {
            if (entry.source().own()) {
                Optional<byte[]> now = entry.source().bytes().bytecode(entry.name());
                if (now.isEmpty() || !Arrays.equals(now.get(), entry.bytes())) {
                    return false;
                }
            }
        }
        return true;
    }
}
