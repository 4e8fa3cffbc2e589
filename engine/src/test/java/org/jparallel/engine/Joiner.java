package org.jparallel.engine;

import java.io.Serializable;
import java.util.function.BiFunction;

/** A functional interface whose method its superinterface declares, for TypeNamesTest: public, so cells name it. */
public interface Joiner<T> extends BiFunction<T, T, T>, Serializable {
}
