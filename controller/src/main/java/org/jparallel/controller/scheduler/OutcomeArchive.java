package org.jparallel.controller.scheduler;

/**
 * How older finished tasks ended, compactly: where each ran and whether it failed (not why), for tasks whose
 * msg_id is a UUID, as every jparallel client's are. {@link TaskOutcomes} keeps the recent ones in full and moves
 * the rest here, so that a dependency on a task a notebook made before a map of a hundred thousand tasks still
 * holds (ipyparallel's scheduler keeps every finished id).
 *
 * <p>About 40 bytes a task. Two generations of {@value #GENERATION} tasks each: when the young one is full, the
 * old one is forgotten, so the archive stays under ~90 MB and remembers at least the last million tasks before
 * the recent ones.
 */
final class OutcomeArchive {
    static final int GENERATION = 1 << 20;

    /** An archived outcome: the engine it ran on (-1 for none) and whether it failed. */
    record Entry(int engineId, boolean failed) {
    }

    private Table young = new Table();
    private Table old = new Table();

    /** Keeps the outcome of a finished task; false when its msg_id is not a UUID (then it is forgotten). */
    boolean put(String msgId, int engineId, boolean failed) {
        long[] id = uuid(msgId);
        if (id == null) {
            return false;
        }
        if (young.size >= GENERATION) {
            old = young;
            young = new Table();
        }
        young.put(id[0], id[1], ((engineId + 1) << 1 | (failed ? 1 : 0)) + 1);
        return true;
    }

    /** The archived outcome, or null. */
    Entry get(String msgId) {
        long[] id = uuid(msgId);
        if (id == null) {
            return null;
        }
        int value = young.get(id[0], id[1]);
        if (value == 0) {
            value = old.get(id[0], id[1]);
        }
        if (value == 0) {
            return null;
        }
        value--;
        return new Entry((value >> 1) - 1, (value & 1) == 1);
    }


    /** The 128 bits of a UUID's canonical text (8-4-4-4-12 hex digits), or null for any other id. */
    static long[] uuid(String id) {
        if (id.length() != 36 || id.charAt(8) != '-' || id.charAt(13) != '-' || id.charAt(18) != '-'
                || id.charAt(23) != '-') {
            return null;
        }
        long hi = 0;
        long lo = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            if (c == '-') {
                continue;
            }
            int digit = Character.digit(c, 16);
            if (digit < 0) {
                return null;
            }
            if (digits < 16) {
                hi = hi << 4 | digit;
            } else {
                lo = lo << 4 | digit;
            }
            digits++;
        }
        return new long[] {hi, lo};
    }

    /** Open addressing with linear probing over parallel arrays; a value of 0 marks a free slot. */
    private static final class Table {
        private long[] his = new long[64];
        private long[] los = new long[64];
        private int[] values = new int[64];
        private int size;

        void put(long hi, long lo, int value) {
            if ((size + 1) * 2 > values.length) {
                grow();
            }
            int slot = find(hi, lo);
            if (values[slot] == 0) {
                size++;
                his[slot] = hi;
                los[slot] = lo;
            }
            values[slot] = value;
        }

        int get(long hi, long lo) {
            return values[find(hi, lo)];
        }

        private int find(long hi, long lo) {
            int mask = values.length - 1;
            int slot = Long.hashCode(hi * 0x9E3779B97F4A7C15L ^ lo) & mask;
            while (values[slot] != 0 && (his[slot] != hi || los[slot] != lo)) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            long[] oldHis = his;
            long[] oldLos = los;
            int[] oldValues = values;
            his = new long[oldValues.length * 2];
            los = new long[oldValues.length * 2];
            values = new int[oldValues.length * 2];
            size = 0;
            for (int i = 0; i < oldValues.length; i++) {
                if (oldValues[i] != 0) {
                    put(oldHis[i], oldLos[i], oldValues[i]);
                }
            }
        }

    }
}
