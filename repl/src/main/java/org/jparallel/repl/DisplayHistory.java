package org.jparallel.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last three displayed values, newest first: what {@code _}, {@code __} and
 * {@code ___} refer to, as in IPython.
 */
record DisplayHistory(List<Value> values) {

    private static final int DEPTH = 3;

    DisplayHistory {
        values = List.copyOf(values);
    }

    static DisplayHistory empty() {
        return new DisplayHistory(List.of());
    }

    DisplayHistory after(Value displayed) {
        List<Value> newer = new ArrayList<>(DEPTH);
        newer.add(displayed);
        newer.addAll(values.subList(0, Math.min(values.size(), DEPTH - 1)));
        return new DisplayHistory(newer);
    }

    private static final Map<String, String> BOXES = Map.of(
            "boolean", "Boolean", "byte", "Byte", "char", "Character", "short", "Short",
            "int", "Integer", "long", "Long", "float", "Float", "double", "Double");

    static boolean isPrimitive(String typeName) {
        return BOXES.containsKey(typeName);
    }

    /**
     * The expression for the value displayed {@code age} displays ago (0 is the last): its variable, boxed
     * when primitive, so that {@code _.toString()} compiles after {@code 1 + 1} as it would in IPython.
     */
    Optional<String> variable(int age) {
        if (age >= values.size()) {
            return Optional.empty();
        }
        Value value = values.get(age);
        String box = BOXES.get(value.typeName());
        return Optional.of(box == null ? value.variable() : "java.lang." + box + ".valueOf(" + value.variable() + ")");
    }
}
