/**
 * The values codec: how values, and functions with their arguments, cross JVMs (client or kernel,
 * engine, engine) as the raw buffer frames of a wire message.
 *
 * <pre>{@code
 * ValueEncoder encoder = new ValueEncoder(ClassBytes.of(session.classBytes()));
 * List<byte[]> frames = encoder.encodeCall(f, data);              // in the kernel
 * DecodedCall call = new ValueDecoder(loader).decodeCall(frames); // on an engine
 * }</pre>
 *
 * <h2>Frames</h2>
 * Frame 0, the header (big-endian numbers): {@code "JPVL"}, version 1, kind (value, call,
 * named), the sender's session UUID, the origin sessions of the carried classes (sender first),
 * the carried classes (origin index, binary name, class file), the index of the static-values
 * frame or -1, then the entries: a count and, per entry, its label ({@code function},
 * {@code args[0]}, a variable name) and a value tree. Tree nodes are a tag byte and a payload:
 * null, booleans, boxed primitives, strings (UTF-8), primitive arrays (little-endian), lists,
 * maps, JDK object arrays, or a reference to a Java serialization frame. Strings and arrays over
 * 64 KiB, and every serialized entry, sit in frames of their own (1..n), referenced by index:
 * a {@code double[10_000_000]} is a 40-byte header and one 80 MB frame. In serialization
 * streams each class descriptor is followed by an int: its index among the carried classes,
 * or -1 for a class the receiver must have on its class path. The static-values frame is one
 * serialization stream: a count, then per field its class's binary name, the field name and the
 * value. It holds only the sender's cell variables that the carried code can read or write
 * (found in its bytecode, see {@code ReachableStatics}); other cell variables stay home.
 */
package org.jparallel.client.values;
