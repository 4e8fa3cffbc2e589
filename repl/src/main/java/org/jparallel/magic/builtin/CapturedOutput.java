package org.jparallel.magic.builtin;

/**
 * What a {@code %%capture NAME} cell printed, and its value: IPython's {@code CapturedIO}.
 *
 * <pre>{@code
 * %%capture log
 * System.out.println("noisy");
 * 42
 *
 * log.stdout()   // "noisy\n"
 * log.value()    // 42
 * log.show();    // prints it all now
 * }</pre>
 *
 * @param stdout what the cell printed on {@code System.out}
 * @param stderr what it printed on {@code System.err}
 * @param value  the cell's value, or null when it had none
 */
public record CapturedOutput(String stdout, String stderr, Object value) {

    /** Prints what was captured, as the cell would have: standard output, then standard error. */
    public void show() {
        System.out.print(stdout);
        System.out.flush();
        System.err.print(stderr);
        System.err.flush();
    }
}
