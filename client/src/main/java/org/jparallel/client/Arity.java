package org.jparallel.client;

/** Checks that a function received as many arguments as it takes, so a mismatch names both counts. */
final class Arity {
    private Arity() {
    }

    static void check(Object[] args, int expected) {
        int given = args == null ? 0 : args.length;
        if (given != expected) {
            throw new IllegalArgumentException("the function takes " + expected + " argument(s) but was given "
                    + given);
        }
    }
}
