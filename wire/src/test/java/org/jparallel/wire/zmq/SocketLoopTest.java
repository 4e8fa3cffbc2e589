package org.jparallel.wire.zmq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class SocketLoopTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void routerLoopAnswersADealerFromAnotherThread() throws Exception {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
            int port = router.bindToRandomPort("tcp://127.0.0.1");
            BlockingQueue<List<byte[]>> received = new ArrayBlockingQueue<>(1);
            try (SocketLoop loop = SocketLoop.start(context, router, "test", received::add)) {
                ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
                dealer.connect("tcp://127.0.0.1:" + port);
                dealer.send(bytes("ping"));
                List<byte[]> request = received.poll(5, TimeUnit.SECONDS);
                assertEquals(2, request.size(), "identity and payload");
                loop.send(List.of(request.get(0), bytes("pong")));
                dealer.setReceiveTimeOut(5000);
                assertArrayEquals(bytes("pong"), dealer.recv());
            }
        }
    }

    @Test
    void sendsQueuedFromManyThreadsAllArrive() throws Exception {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket pub = context.createSocket(SocketType.PUSH);
            int port = pub.bindToRandomPort("tcp://127.0.0.1");
            ZMQ.Socket pull = context.createSocket(SocketType.PULL);
            pull.connect("tcp://127.0.0.1:" + port);
            pull.setReceiveTimeOut(5000);
            try (SocketLoop loop = SocketLoop.start(context, pub, "push", null)) {
                Thread[] senders = new Thread[4];
                for (int t = 0; t < senders.length; t++) {
                    senders[t] = new Thread(() -> {
                        for (int i = 0; i < 250; i++) {
                            loop.send(List.of(bytes("m")));
                        }
                    });
                    senders[t].start();
                }
                for (Thread sender : senders) {
                    sender.join();
                }
                for (int i = 0; i < 1000; i++) {
                    assertArrayEquals(bytes("m"), pull.recv(), "message " + i);
                }
            }
        }
    }
}
