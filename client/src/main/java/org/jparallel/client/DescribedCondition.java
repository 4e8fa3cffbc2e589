package org.jparallel.client;

/** A condition with the words that name it in {@link UnmetDependency} messages, e.g. {@code "Linux"}. */
record DescribedCondition(String description, EngineCondition condition) implements EngineCondition {
    @Override
    public boolean test() throws Exception {
        return condition.test();
    }

    @Override
    public String toString() {
        return "'" + description + "'";
    }
}
