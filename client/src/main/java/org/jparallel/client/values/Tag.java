package org.jparallel.client.values;

/** The first byte of each node of the value tree in a message's header frame. */
final class Tag {

    static final int NULL = 0;
    static final int TRUE = 1;
    static final int FALSE = 2;
    static final int BYTE = 3;
    static final int SHORT = 4;
    static final int INT = 5;
    static final int LONG = 6;
    static final int FLOAT = 7;
    static final int DOUBLE = 8;
    static final int CHAR = 9;
    /** UTF-8 bytes in the header. */
    static final int STRING = 10;
    /** UTF-8 bytes in a frame of their own. */
    static final int STRING_FRAME = 11;
    /** A primitive array's little-endian bytes in the header. */
    static final int ARRAY = 12;
    /** A primitive array's little-endian bytes in a frame of their own. */
    static final int ARRAY_FRAME = 13;
    static final int LIST = 14;
    static final int MAP = 15;
    static final int OBJECT_ARRAY = 16;
    /** A Java serialization stream in a frame of its own. */
    static final int SERIALIZED = 17;
    /** A primitive array on the bulk channel: its kind, then a frame holding its {@code BulkRef}. */
    static final int ARRAY_BULK = 18;
    /** A {@link ResultRef}: its msg_id, modified UTF-8. */
    static final int RESULT_REF = 19;
    /** A {@link VariableRef}: the variable's name, modified UTF-8. */
    static final int VARIABLE_REF = 20;
    /** A list of one boxed number type, then its values as one primitive array node: see {@link BoxedLists}. */
    static final int BOXED_LIST = 21;
    /**
     * A {@code java.util.Optional}, which Java serialization refuses: a byte, 1 if present, then its value's
     * node. What {@code stream.findFirst()} on an engine returns.
     */
    static final int OPTIONAL = 22;

    /** Strings and arrays up to this size stay in the header: fewer frames for many small values. */
    static final int INLINE_LIMIT = 64 * 1024;

    private Tag() {
    }
}
