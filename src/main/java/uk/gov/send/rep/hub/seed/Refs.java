package uk.gov.send.rep.hub.seed;

import java.util.Locale;

/**
 * Opaque references: a keyed permutation (a four-round Feistel network) of the 40-bit space, so
 * that distinct indices always give distinct references and a reference reveals nothing of the
 * order or area it was made in.
 */
final class Refs {

    private static final int HALF = 20;
    private static final long MASK = (1L << HALF) - 1;

    private final long[] keys = new long[4];

    Refs(long seed, String purpose) {
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Randoms.stream(seed, "ref-" + purpose, i).nextLong();
        }
    }

    /** {@code prefix} followed by the permuted index as 10 hex digits. */
    String of(String prefix, long index) {
        if (index < 0 || index >= 1L << (2 * HALF)) {
            throw new IllegalArgumentException("Index out of the 40-bit range: " + index);
        }
        long left = index >>> HALF;
        long right = index & MASK;
        for (long key : keys) {
            long next = left ^ (Randoms.mix(right ^ key) & MASK);
            left = right;
            right = next;
        }
        return prefix + String.format(Locale.ROOT, "%010x", (left << HALF) | right);
    }
}
