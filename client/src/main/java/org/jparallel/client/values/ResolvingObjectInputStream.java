package org.jparallel.client.values;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.Map;
import org.jparallel.display.Display;

/**
 * Java deserialization that finds shipped classes through the message's class table and every
 * other class through the receiver's own loader (not the caller's, which may not see the user's jars).
 */
final class ResolvingObjectInputStream extends ObjectInputStream {

    /** The classes a message carries, by table index. */
    interface ClassTable {
        Class<?> resolve(int index, String descriptorName) throws ClassNotFoundException;

        ClassLoader parent();

        /**
         * A class the stream could not find. Java serialization may report it as something else: a lambda
         * whose class is missing stays a {@code SerializedLambda}, and a record field of the lambda's type then
         * fails with "Cannot cast".
         */
        default void missing(String className) {
        }

        /** What a display sent here stands for: this JVM's display, or null where none shows output. */
        default Display display() {
            return null;
        }
    }

    /** Descriptors of {@code int.class} and the like, which no loader finds by name. */
    private static final Map<String, Class<?>> PRIMITIVES = Map.of("boolean", boolean.class, "byte", byte.class,
            "char", char.class, "short", short.class, "int", int.class, "long", long.class, "float", float.class,
            "double", double.class, "void", void.class);

    private final ClassTable table;

    ResolvingObjectInputStream(InputStream in, ClassTable table) throws IOException {
        super(in);
        this.table = table;
        enableResolveObject(true);
    }

    @Override
    protected Object resolveObject(Object object) throws InvalidObjectException {
        if (object == DisplayStandIn.THIS_JVMS) {
            Display display = table.display();
            if (display == null) {
                throw new InvalidObjectException("a display came to a JVM that shows no output: displays travel to"
                        + " engines, which show what a task displays as its output");
            }
            return display;
        }
        if (object instanceof JdkValue value) {
            return value.create();
        }
        return object instanceof RecordValue record ? record.create() : object;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        int index = readInt();
        try {
            if (index >= 0) {
                return table.resolve(index, desc.getName());
            }
            Class<?> primitive = PRIMITIVES.get(desc.getName());
            return primitive != null ? primitive : Class.forName(desc.getName(), false, table.parent());
        } catch (ClassNotFoundException e) {
            table.missing(desc.getName());
            throw e;
        }
    }
}
