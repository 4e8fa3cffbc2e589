package org.jparallel.kernel.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.jparallel.kernel.channel.Channel;
import org.jparallel.kernel.channel.Responder;
import org.jparallel.kernel.io.IoPub;
import org.jparallel.kernel.protocol.MsgType;
import org.jparallel.wire.Message;
import org.junit.jupiter.api.Test;

class RequestDispatcherTest {
    private final List<Message> sent = new ArrayList<>();
    private final RequestDispatcher dispatcher =
            new RequestDispatcher(new IoPub((c, m) -> sent.add(m), "k"), new Responder((c, m) -> sent.add(m), "k"));

    private List<String> sentTypes() {
        return sent.stream().map(m -> m.msgType() + (m.msgType().equals("status")
                ? ":" + m.content().get("execution_state").getAsString() : "")).toList();
    }

    @Test
    void everyRequestIsWrappedInBusyAndIdle() {
        dispatcher.on(MsgType.KERNEL_INFO_REQUEST, new KernelInfoHandler(new Responder((c, m) -> sent.add(m), "k")));
        dispatcher.dispatch(Channel.SHELL, Message.create("kernel_info_request", "client", new JsonObject()));
        assertEquals(List.of("status:busy", "kernel_info_reply", "status:idle"), sentTypes());
    }

    @Test
    void unknownRequestGetsAnErrorReply() {
        dispatcher.dispatch(Channel.SHELL, Message.create("teleport_request", "client", new JsonObject()));
        Message reply = sent.get(1);
        assertEquals("teleport_reply", reply.msgType());
        assertEquals("error", reply.content().get("status").getAsString());
    }

    @Test
    void failingHandlerStillRepliesAndGoesIdle() {
        dispatcher.on(MsgType.HISTORY_REQUEST, (channel, request) -> {
            throw new IllegalStateException("disk gone");
        });
        dispatcher.dispatch(Channel.SHELL, Message.create("history_request", "client", new JsonObject()));
        assertEquals(List.of("status:busy", "history_reply", "status:idle"), sentTypes());
        assertEquals("disk gone", sent.get(1).content().get("evalue").getAsString());
    }

    @Test
    void repliesNameTheRequestAsParent() {
        dispatcher.on(MsgType.KERNEL_INFO_REQUEST, new KernelInfoHandler(new Responder((c, m) -> sent.add(m), "k")));
        Message request = Message.create("kernel_info_request", "client", new JsonObject());
        dispatcher.dispatch(Channel.SHELL, request);
        sent.forEach(m -> assertEquals(request.header().msgId(), m.parentHeader().get("msg_id").getAsString()));
    }
}
