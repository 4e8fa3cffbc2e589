package org.jparallel.wire.bulk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.jparallel.wire.HmacSigner;

/**
 * The bulk channel's handshake. Each side proves it holds the cluster key with an HMAC over both sides' fresh
 * nonces and the token, so a proof is good for one connection only (a replayed one is refused) and neither side
 * gives away anything a process without the key could use. Labels keep the two proofs apart.
 *
 * <pre>
 * listener → fetcher   "JPBK" version(1) serverNonce(32)
 * fetcher  → listener  token(16) clientNonce(32) proofLength(1) proof      proof = HMAC("jparallel-bulk fetch", sN, cN, token)
 * listener → fetcher   status(1: 0 ok, 1 refused) [length(8) proofLength(1) proof, then length bytes]
 *                                                                        proof = HMAC("jparallel-bulk offer", sN, cN, token, length)
 * </pre>
 */
final class Handshake {
    static final byte[] MAGIC = "JPBK".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int NONCE_BYTES = 32;
    static final int OK = 0;
    static final int REFUSED = 1;
    private static final byte[] FETCH = "jparallel-bulk fetch".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OFFER = "jparallel-bulk offer".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Handshake() {
    }

    static byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    static byte[] token() {
        byte[] token = new byte[BulkRef.TOKEN_BYTES];
        RANDOM.nextBytes(token);
        return token;
    }

    static byte[] fetchProof(HmacSigner signer, byte[] serverNonce, byte[] clientNonce, byte[] token) {
        return signer.sign(List.of(FETCH, serverNonce, clientNonce, token));
    }

    static boolean validFetchProof(HmacSigner signer, byte[] proof, byte[] serverNonce, byte[] clientNonce,
                                   byte[] token) {
        return signer.verify(proof, List.of(FETCH, serverNonce, clientNonce, token));
    }

    static byte[] offerProof(HmacSigner signer, byte[] serverNonce, byte[] clientNonce, byte[] token, long length) {
        return signer.sign(List.of(OFFER, serverNonce, clientNonce, token, ByteBuffer.allocate(8).putLong(length).array()));
    }

    static boolean validOfferProof(HmacSigner signer, byte[] proof, byte[] serverNonce, byte[] clientNonce,
                                   byte[] token, long length) {
        return signer.verify(proof, List.of(OFFER, serverNonce, clientNonce, token,
                ByteBuffer.allocate(8).putLong(length).array()));
    }
}
