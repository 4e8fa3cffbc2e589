package org.jparallel.controller.hub;

import com.google.gson.JsonObject;
import java.util.List;

/** The content and buffers of a {@code result_reply}. */
record ResultAnswer(JsonObject content, List<byte[]> buffers) {
}
