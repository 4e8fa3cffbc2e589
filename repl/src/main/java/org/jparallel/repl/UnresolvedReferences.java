package org.jparallel.repl;

import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;

/** Explains a declaration that refers to something not declared, in the words of JShell's own tool. */
final class UnresolvedReferences {

    private UnresolvedReferences() {
    }

    /** Empty when {@code declaration} refers to nothing undeclared. */
    static List<String> missing(JShell shell, DeclarationSnippet declaration) {
        return shell.unresolvedDependencies(declaration).toList();
    }

    /** E.g. {@code method area() cannot be invoked until class Shape is declared}. */
    static String explain(JShell shell, DeclarationSnippet declaration) {
        List<String> missing = missing(shell, declaration);
        String what = missing.isEmpty() ? "a declaration that did not compile"
                : missing.stream().collect(Collectors.joining(" and "));
        String use = declaration instanceof MethodSnippet ? "invoked" : "used";
        return describe(declaration) + " cannot be " + use + " until " + what + " is declared";
    }

    static String describe(DeclarationSnippet declaration) {
        if (declaration instanceof MethodSnippet method) {
            return "method " + method.name() + "(" + method.parameterTypes() + ")";
        }
        if (declaration instanceof TypeDeclSnippet type) {
            return kindOf(type.subKind()) + " " + type.name();
        }
        return "variable " + declaration.name();
    }

    private static String kindOf(Snippet.SubKind subKind) {
        return switch (subKind) {
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case ANNOTATION_TYPE_SUBKIND -> "annotation interface";
            default -> subKind.name().startsWith("RECORD") ? "record" : "class";
        };
    }
}
