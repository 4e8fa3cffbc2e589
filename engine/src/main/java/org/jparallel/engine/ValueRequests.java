package org.jparallel.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.jparallel.client.values.ClassBytes;
import org.jparallel.client.values.TaskStop;
import org.jparallel.client.values.ValueEncoder;
import org.jparallel.repl.CellOutcome;
import org.jparallel.repl.JavaSession;
import org.jparallel.repl.SnippetNames;
import org.jparallel.wire.JsonFields;
import org.jparallel.wire.Message;
import org.jparallel.wire.bulk.BulkLease;

/**
 * {@code apply_request}, {@code push_request} and {@code pull_request}: the requests whose values
 * travel as buffers of the values codec.
 */
final class ValueRequests {
    private static final Logger LOG = Logger.getLogger(ValueRequests.class.getName());

    private final SessionSlot session;
    private final Values values;
    private final HeldResults held;
    private final Inputs inputs;
    private final EngineBulk bulk;
    private final SessionVariables variables;
    /** The sources of the types pushes declared, by name: those a later push may declare again. */
    private final Map<String, String> declaredByPush = new HashMap<>();
    /**
     * Results before the session opens carry no class of the engine's own, as those of its session's encoder carry
     * only its cells' ({@code ClassBytes.none()} would ship the classes of class folders on the engine's class path:
     * libraries there, which a client adds to its own class path as it would a jar).
     */
    private final ValueEncoder withoutSession = new ValueEncoder(ClassBytes.of(Map.of()));
    /** The most an exception sent back with its error may take: its message and trace say the rest. */
    private static final long MAX_THROWN_BYTES = 256 * 1024;

    ValueRequests(SessionSlot session, Values values, HeldResults held, Inputs inputs, EngineBulk bulk) {
        this.session = session;
        this.values = values;
        this.held = held;
        this.inputs = inputs;
        this.bulk = bulk;
        this.variables = new SessionVariables(session);
    }

    /**
     * Calls the function with its arguments; what it threw goes back in the reply, and so does its result when
     * small. The result is kept (see {@link HeldResults}) for tasks that take it as an argument; one over
     * {@link HeldResults#INLINE_BYTES} stays here alone, the reply saying {@code held: {bytes}}, until a client
     * asks for it with {@code value_request}. Its big arrays are not copied into the frames: they are offered on
     * the bulk channel until the result is released, and count towards that size.
     */
    Reply apply(Message request) {
        Object result;
        try {
            result = values.call(request.buffers(), inputs, variables);
        } catch (InputUnavailableException e) {
            return Reply.error(ErrorContent.of(e.ename(), e.getMessage(), List.of()));
        } catch (NoSuchVariableException e) {
            return Reply.error(ErrorContent.of(NoSuchVariableException.ENAME, e.getMessage(), List.of()));
        } catch (Exception | LinkageError | StackOverflowError e) {
            CallerFrames.trim(e);
            JsonObject error = ErrorContent.of(e);
            if (e instanceof NoClassDefFoundError && e.getMessage() != null
                    && !e.getMessage().startsWith("Could not initialize")) {
                error.addProperty("evalue", e.getMessage() + " (this engine has no class " + e.getMessage()
                        .replace('/', '.') + ": add the jar that holds it to the engines with %px %jars PATH in a"
                        + " notebook, rc.all().executeSync(\"%jars PATH\") from a program, or `jpcluster start"
                        + " --engine-jvm-options \"-cp PATH\"`)");
            }
            return Reply.error(error, thrown(e));
        } catch (TaskStop.Stopped e) {
            // As an execute's code stopped by an interrupt is reported.
            return Reply.error(ErrorContent.of("Interrupted", e.getMessage(), List.of("Interrupted: " + e.getMessage())));
        }
        BulkLease lease = bulk.forResult();
        try {
            List<byte[]> frames = values.encode(encoder(), result, lease);
            if (lease != null && lease.isEmpty()) {
                lease.close();
                lease = null;
            }
            held.keep(request.header().msgId(), frames, lease);
            long bytes = HeldResults.bytes(frames) + (lease == null ? 0 : lease.bytes());
            if (bytes <= HeldResults.INLINE_BYTES) {
                return Reply.ok(frames);
            }
            Reply reply = Reply.ok();
            JsonObject where = new JsonObject();
            where.addProperty("bytes", bytes);
            reply.content().add("held", where);
            return reply;
        } catch (RuntimeException e) {
            if (lease != null) {
                lease.close();
            }
            return Reply.error(ErrorContent.of(e.getClass().getName(), "the result of type "
                    + (result == null ? "null" : result.getClass().getName()) + " cannot be sent back: "
                    + e.getMessage(), List.of(e.toString())));
        }
    }

    /**
     * What a function threw, encoded as a result is, so that a client's {@code RemoteError.remoteException()} is the
     * exception itself (a notebook's own exception class comes back as that class, with its fields); none for one
     * that cannot travel (it holds what cannot be serialized), for a stack overflow (thousands of frames), or over
     * {@link #MAX_THROWN_BYTES}.
     */
    private List<byte[]> thrown(Throwable e) {
        if (e instanceof StackOverflowError) {
            return List.of();
        }
        try {
            List<byte[]> frames = values.encode(encoder(), e, null);
            return HeldResults.bytes(frames) <= MAX_THROWN_BYTES ? frames : List.of();
        } catch (RuntimeException | LinkageError cannotTravel) {
            return List.of();
        }
    }

    /** The session's encoder; without a session, no class of the engine's cells exists to ship, nor need one open. */
    private ValueEncoder encoder() {
        return session.ifOpen().map(EngineSession::encoder).orElse(withoutSession);
    }

    /** Defines one JShell variable per pushed value, typed so that cells can use it. */
    Reply push(Message request) {
        EngineSession engineSession = session.get();
        JavaSession java = engineSession.java();
        try {
            declareTypes(java, request.content().getAsJsonArray("declarations"));
            Map<String, Object> pushed = values.decodeNamed(engineSession, request.buffers());
            JsonObject elementTypes = request.content().has("element_types")
                    ? request.content().getAsJsonObject("element_types") : new JsonObject();
            for (Map.Entry<String, Object> entry : pushed.entrySet()) {
                Object value = entry.getValue();
                Class<?> elementType = elementTypes.has(entry.getKey())
                        ? classHere(engineSession, elementTypes.get(entry.getKey()).getAsString()) : null;
                define(java, entry.getKey(), TypeNames.usable(value, engineSession.visibleClasses(),
                        java.declaredTypes(), elementType), value);
            }
            return Reply.ok();
        } catch (RuntimeException e) {
            return Reply.error(ErrorContent.of(e));
        }
    }

    /**
     * The class of this engine that a sender's binary name stands for: the type these cells declare under the name
     * of a sender's cell type ({@code REPL.$JShell$12$Piece}), or the class of that name cells see; null when none.
     */
    private static Class<?> classHere(EngineSession engineSession, String binaryName) {
        Optional<String> cellName = SnippetNames.declaredName(binaryName);
        if (cellName.isPresent()) {
            return engineSession.java().declaredTypes().declared(cellName.get()).orElse(null);
        }
        try {
            return Class.forName(binaryName, false, engineSession.visibleClasses());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Declares the variable with the type's arguments, or raw where javac refuses them (a bound they miss). */
    private static void define(JavaSession java, String name, String type, Object value) {
        try {
            java.define(name, type, value);
        } catch (IllegalArgumentException e) {
            int arguments = type.indexOf('<');
            if (arguments < 0) {
                throw e;
            }
            java.define(name, type.substring(0, arguments), value);
        }
    }

    /**
     * Declares the records, enums and interfaces of the sender's cells that the pushed values hold and these cells
     * lack, and the sender's methods their code calls that these cells lack, so that the values arrive as types cells
     * can name and use; and declares again one that an earlier push declared and the sender has since changed. A
     * type or method these cells declared themselves stays theirs. One that does not compile here (it uses what only
     * the sender declares) is left out: its values arrive typed by what cells can name.
     */
    private void declareTypes(JavaSession java, JsonArray declarations) {
        if (declarations == null) {
            return;
        }
        List<PushedDeclaration> wanted = new ArrayList<>();
        for (JsonElement element : declarations) {
            PushedDeclaration declaration = PushedDeclaration.of(element.getAsJsonObject(), java);
            if (declaration.wanted(declaredByPush)) {
                wanted.add(declaration);
            }
        }
        if (wanted.size() > 1) {
            // One cell: a sealed interface and the records it permits resolve each other within it, without the
            // notes ("interface Shape cannot be used until class Sq is declared") each alone would print.
            String sources = String.join("\n", wanted.stream().map(PushedDeclaration::source).toList());
            if (java.eval(sources, "the pushed types") instanceof CellOutcome.Success) {
                wanted.forEach(declaration -> declaration.keptAs(declaredByPush));
                return;
            }
        }
        for (PushedDeclaration declaration : wanted) {
            if (!declaration.wanted(declaredByPush)) {
                if (declaration.declaredAsSent()) {
                    declaration.keptAs(declaredByPush); // by the cell of them all, before another failed there
                }
                continue;
            }
            CellOutcome outcome = java.eval(declaration.source(), "the pushed " + declaration.name());
            if (outcome instanceof CellOutcome.Success) {
                declaration.keptAs(declaredByPush);
            } else {
                LOG.info("the pushed " + (declaration.method() ? "method " : "type ") + declaration.name()
                        + " cannot be declared here: " + outcome);
            }
        }
    }

    /** A type or method a push brings, and how this session declares it now. */
    private record PushedDeclaration(String name, String signature, String source, boolean method, JavaSession java) {
        static PushedDeclaration of(JsonObject declaration, JavaSession java) {
            boolean method = "method".equals(JsonFields.string(declaration, "kind", "type"));
            return new PushedDeclaration(declaration.get("name").getAsString(),
                    method ? JsonFields.string(declaration, "signature", "") : "",
                    declaration.get("source").getAsString(), method, java);
        }

        /** What {@link #declaredByPush} knows it by: a type's name, a method's name and signature. */
        String key() {
            return name + signature;
        }

        /** Its source as this session declares it now, if it does. */
        Optional<String> current() {
            return method ? Optional.ofNullable(java.declaredTypes().methods(name).get(signature))
                    : java.declaredTypes().source(name);
        }

        /** Absent here, or declared by an earlier push and changed by the sender since. */
        boolean wanted(Map<String, String> declaredByPush) {
            Optional<String> now = current();
            boolean absent = method ? now.isEmpty() : java.declaredTypes().declared(name).isEmpty();
            boolean ours = now.isPresent() && now.equals(Optional.ofNullable(declaredByPush.get(key())));
            return absent || ours && !now.get().strip().equals(source.strip());
        }

        boolean declaredAsSent() {
            return current().map(String::strip).equals(Optional.of(source.strip()));
        }

        /** Notes it as this session keeps it, which is what the next push compares with. */
        void keptAs(Map<String, String> declaredByPush) {
            current().ifPresent(declared -> declaredByPush.put(key(), declared));
        }
    }

    /**
     * The values of the named JShell variables, as named values; big arrays are offered on the bulk channel for
     * one fetch (the array itself, not a copy: a later request that changes it before the client reads the
     * result changes what the client gets).
     */
    Reply pull(Message request) {
        EngineSession engineSession = session.get();
        Map<String, Object> pulled = new LinkedHashMap<>();
        for (String name : names(request)) {
            try {
                pulled.put(name, variables.value(name));
            } catch (NoSuchVariableException e) {
                return Reply.error(ErrorContent.of(NoSuchVariableException.ENAME, e.getMessage(), List.of()));
            }
        }
        BulkLease lease = bulk.forPull();
        try {
            return Reply.ok(values.encodeNamed(engineSession, pulled, lease));
        } catch (RuntimeException e) {
            if (lease != null) {
                lease.close();
            }
            return Reply.error(ErrorContent.of(e));
        }
    }

    private static List<String> names(Message request) {
        JsonElement names = request.content().get("names");
        List<String> result = new ArrayList<>();
        if (names instanceof JsonArray array) {
            array.forEach(name -> result.add(name.getAsString()));
        }
        return result;
    }
}
