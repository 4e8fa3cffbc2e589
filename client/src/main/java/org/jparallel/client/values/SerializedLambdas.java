package org.jparallel.client.values;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
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
            if (!writeReplace.trySetAccessible()) {
                return asWritten(value); // the JDK's own (Comparator.comparingInt(Rank::n)), in a closed module
            }
            Object replaced = writeReplace.invoke(value);
            return replaced instanceof SerializedLambda lambda ? Optional.of(lambda) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty(); // a hidden class of another kind, or a lambda that is not serializable
        }
    }

    /** The form Java serialization replaces a lambda with, taken as it begins to write it (the rest unwritten). */
    private static Optional<SerializedLambda> asWritten(Object value) {
        final class Replaced extends RuntimeException {
            final transient SerializedLambda form;

            Replaced(SerializedLambda form) {
                super(null, null, false, false);
                this.form = form;
            }
        }
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream()) {
            {
                enableReplaceObject(true);
            }

            @Override
            protected Object replaceObject(Object written) {
                throw new Replaced(written instanceof SerializedLambda form ? form : null);
            }
        }) {
            out.writeObject(value);
            return Optional.empty();
        } catch (Replaced replaced) {
            return Optional.ofNullable(replaced.form);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The lambda {@code form} describes, made as Java serialization makes it: by its capturing class's
     * {@code $deserializeLambda$}, which reflection cannot call where that class's module does not open it (the
     * JDK's {@code Comparator}). The classes of what it captured are found as they were written, hidden or not.
     */
    static Object made(SerializedLambda form) throws IOException, ClassNotFoundException {
        Map<String, Class<?>> written = new HashMap<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes) {
            @Override
            protected void annotateClass(Class<?> type) {
                written.put(type.getName(), type);
            }
        }) {
            out.writeObject(form);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
                Class<?> type = written.get(description.getName());
                return type != null ? type : super.resolveClass(description);
            }
        }) {
            return in.readObject();
        }
    }
}
