package org.jparallel.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jparallel.client.RemoteFunction;
import org.jparallel.client.values.DecodedCall;
import org.jparallel.client.values.ResultRef;
import org.jparallel.client.values.ValueDecoder;
import org.jparallel.client.values.ValueEncoder;
import org.jparallel.client.values.VariableRef;
import org.jparallel.display.Display;
import org.jparallel.wire.bulk.BulkFetcher;
import org.jparallel.wire.bulk.BulkLease;
import org.jparallel.wire.bulk.BulkTransferException;

/**
 * Values through the client's values codec. The encoder belongs to the session (it ships the
 * session's snippet classes); the decoder defines each client's classes in loaders of their own,
 * children of the engine's loader, so a client's {@code REPL.$JShell$12} never meets the engine's.
 */
final class CodecValues implements Values {
    private final ValueDecoder decoder;

    /**
     * @param bulk    fetches arrays sent on the bulk channel, or null when the cluster has none
     * @param display what a display the sender's code holds becomes here: the engine's
     */
    CodecValues(BulkFetcher bulk, Display display) {
        this.decoder = new ValueDecoder(CodecValues.class.getClassLoader(), bulk).withDisplay(display);
    }

    @Override
    public List<byte[]> encode(ValueEncoder encoder, Object value, BulkLease bulk) {
        return encoder.encode(value, bulk);
    }

    @Override
    public List<byte[]> encodeNamed(EngineSession session, Map<String, ?> values, BulkLease bulk) {
        return session.encoder().encodeNamed(values, bulk);
    }

    @Override
    public Map<String, Object> decodeNamed(EngineSession session, List<byte[]> frames) {
        return decoder.decodeNamed(frames, session.java().declaredTypes());
    }

    @Override
    public Object call(List<byte[]> frames, Inputs inputs, SessionVariables variables) throws Exception {
        DecodedCall call = decoder.decodeCall(frames);
        Object[] args = call.argsArray();
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof ResultRef ref) {
                refs.add(ref.msgId());
            } else if (args[i] instanceof VariableRef variable) {
                args[i] = decoder.forFunction(variables.value(variable.name()), call.function());
            }
        }
        if (!refs.isEmpty()) {
            Iterator<List<byte[]>> values = inputs.frames(refs).iterator();
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof ResultRef ref) {
                    args[i] = input(ref, values.next());
                }
            }
        }
        if (!(call.function() instanceof RemoteFunction function)) {
            throw new IllegalArgumentException("apply needs a RemoteFunction (a lambda typed as Fn, Fn0, Fn2, Fn3 "
                    + "or Action), not " + (call.function() == null ? "null" : call.function().getClass().getName()));
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            // ServiceLoader and Class.forName with the context loader see the client's classes, as in a cell
            thread.setContextClassLoader(function.getClass().getClassLoader());
            return function.invoke(args);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The value of another task's result. Its big arrays come straight from the engine that holds it: should that
     * engine die meanwhile, the task fails as if the controller had said so (EngineError), and the controller sends
     * it again once the value is made anew, where the producer's retries allow.
     */
    private Object input(ResultRef ref, List<byte[]> frames) throws InputUnavailableException {
        try {
            return decoder.decode(frames);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BulkTransferException lost) {
                    throw new InputUnavailableException("EngineError", "the result of task " + ref.msgId() + ", which"
                            + " this task takes as an argument, could not be fetched from the engine that holds it ("
                            + lost.getMessage() + "): that engine may have died");
                }
            }
            throw e;
        }
    }
}
