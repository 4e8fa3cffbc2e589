package org.jparallel.repl;

/** A host type that cells see through the class path of the JVM, as they see the kernel's display API. */
public final class Greeter {
    public String greet(String name) {
        return "hello " + name;
    }
}
