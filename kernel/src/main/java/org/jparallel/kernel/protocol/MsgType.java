package org.jparallel.kernel.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The requests a kernel answers, by their wire names. */
public enum MsgType {
    KERNEL_INFO_REQUEST("kernel_info_request"),
    EXECUTE_REQUEST("execute_request"),
    COMPLETE_REQUEST("complete_request"),
    INSPECT_REQUEST("inspect_request"),
    IS_COMPLETE_REQUEST("is_complete_request"),
    HISTORY_REQUEST("history_request"),
    COMM_INFO_REQUEST("comm_info_request"),
    COMM_OPEN("comm_open"),
    COMM_MSG("comm_msg"),
    COMM_CLOSE("comm_close"),
    INTERRUPT_REQUEST("interrupt_request"),
    SHUTDOWN_REQUEST("shutdown_request"),
    INPUT_REPLY("input_reply");

    private static final Map<String, MsgType> BY_WIRE_NAME = new HashMap<>();

    static {
        for (MsgType type : values()) {
            BY_WIRE_NAME.put(type.wireName, type);
        }
    }

    private final String wireName;

    MsgType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The reply's name: {@code execute_request} is answered by {@code execute_reply}. */
    public static String replyName(String requestName) {
        return requestName.endsWith("_request")
                ? requestName.substring(0, requestName.length() - "_request".length()) + "_reply"
                : requestName + "_reply";
    }

    public static Optional<MsgType> of(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
