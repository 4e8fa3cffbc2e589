package org.jparallel.client.values;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * What a serializable lambda or method reference is made of: the functional interface it implements, the method
 * it calls, the class that made it and the values it captured. Cells compile every lambda serializable, so each one
 * a cell made can say so; what the receiver of a pushed value needs to name its type or to make it anew.
 */
public final class SerializedLambdas {
    private SerializedLambdas() {
    }

    /** The lambda's form as Java serialization writes it; empty for any other value. */
    public static Optional<SerializedLambda> of(Object value) {
        if (value == null || !value.getClass().isHidden()) {
            return Optional.empty();
        }
        try {
            Method writeReplace = value.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object replaced = writeReplace.invoke(value);
            return replaced instanceof SerializedLambda lambda ? Optional.of(lambda) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty(); // a hidden class of another kind, or a lambda that is not serializable
        }
    }
}
