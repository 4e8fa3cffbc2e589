package org.jparallel.engine;

import java.util.List;
import java.util.Map;
import org.jparallel.client.values.ValueEncoder;
import org.jparallel.wire.bulk.BulkLease;

/**
 * How an engine reads and writes the values of {@code apply}, {@code push} and {@code pull}: the
 * frames of the client's values codec ({@code org.jparallel.client.values}).
 */
interface Values {

    /**
     * The frames of an apply result, by {@code encoder} (the session's, whose cells' classes travel with their
     * bytecode, or one without classes to ship while no session is open); big arrays on the bulk channel under
     * {@code bulk} (null: in the frames).
     */
    List<byte[]> encode(ValueEncoder encoder, Object value, BulkLease bulk);

    /** The frames of named values, for a pull reply; big arrays on the bulk channel under {@code bulk}. */
    List<byte[]> encodeNamed(EngineSession session, Map<String, ?> values, BulkLease bulk);

    /** The values of a push request, by name in the order sent. */
    Map<String, Object> decodeNamed(EngineSession session, List<byte[]> frames);

    /**
     * Decodes the function and arguments of an {@code apply_request}, puts in place of each
     * {@link org.jparallel.client.values.ResultRef} argument the value of that task (from {@code inputs}) and of each
     * {@link org.jparallel.client.values.VariableRef} the session's variable (from {@code variables}), calls the
     * function and returns its result.
     */
    Object call(List<byte[]> frames, Inputs inputs, SessionVariables variables) throws Exception;
}
