package org.jparallel.client;

import java.util.Objects;
import javax.lang.model.SourceVersion;

/** Names of the engines' session variables, checked here: an engine would answer a bad one with javac's errors. */
final class VariableNames {
    private VariableNames() {
    }

    /**
     * {@code name}, if it can name a variable.
     *
     * @param what what takes the name, as the message starts: {@code "a Reference"}, {@code "push"}
     * @throws IllegalArgumentException when it is no Java identifier, or a keyword
     */
    static String checked(String name, String what) {
        Objects.requireNonNull(name, "name");
        if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
            throw new IllegalArgumentException(what + " names a variable of the engines, a Java identifier such as"
                    + " \"x\"; not \"" + name + "\"");
        }
        return name;
    }
}
