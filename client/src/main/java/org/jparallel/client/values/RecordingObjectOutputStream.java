package org.jparallel.client.values;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import org.jparallel.display.Display;

/**
 * Java serialization that notes, next to each class descriptor, which shipped class it is (an
 * index into the message's class table) or -1 for a class the receiver must already have; that
 * sends records declared in cells, which are rarely marked Serializable, as {@link RecordValue}s;
 * the JDK's optionals, statistics and map entries as {@link JdkValue}s; and a {@link Display} as the receiver's own ({@link DisplayStandIn}).
 */
final class RecordingObjectOutputStream extends ObjectOutputStream {

    private final Shipment shipment;
    private String label;

    RecordingObjectOutputStream(OutputStream out, Shipment shipment, String label) throws IOException {
        super(out);
        this.shipment = shipment;
        this.label = label;
        enableReplaceObject(true);
    }

    /** Which part of the message the classes written next are needed by, for error messages. */
    void neededBy(String part) {
        this.label = part;
    }

    @Override
    protected Object replaceObject(Object object) {
        if (object instanceof Display) {
            return DisplayStandIn.THIS_JVMS;
        }
        shipment.serializing(object, label);
        return shipment.travelsAsRecordValue(object.getClass()) ? RecordValue.of(object) : JdkValue.replace(object);
    }

    @Override
    protected void annotateClass(Class<?> type) throws IOException {
        writeInt(shipment.indexOf(type, label));
    }
}
