package org.jparallel.repl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;

/**
 * The session's {@link DeclaredTypes}: learnt from each evaluation on the session's thread, read from any thread
 * (a client decodes replies on its own) without waiting for the shell, which a running cell holds.
 */
final class SessionTypes implements DeclaredTypes {
    private final JShell shell;
    private final CellExecutionControl control;
    /** A cell's type name to its active declaration: one entry, so a reader never sees half of it. */
    private final Map<String, Declaration> active = new ConcurrentHashMap<>();

    /** A method's name to its active overloads, each map replaced whole, never changed. */
    private final Map<String, Map<String, MethodDeclaration>> methods = new ConcurrentHashMap<>();

    /**
     * The snippet of a type's declaration, the binary name of its class, and the declaration as its cell wrote it.
     * The snippet tells declarations apart: one that redefined the class in place has the same binary name.
     */
    private record Declaration(TypeDeclSnippet snippet, String binaryName, String source) {
    }

    /**
     * The snippet that declares a method, and the declaration as its cell wrote it. The snippet itself, not its id:
     * JShell gives a method declared again with the same signature the id of the one it replaces.
     */
    private record MethodDeclaration(MethodSnippet snippet, String source) {
    }

    SessionTypes(JShell shell, CellExecutionControl control) {
        this.shell = shell;
        this.control = control;
    }

    /** Takes note of the types an evaluation declared, replaced or dropped; on the thread that holds the shell. */
    void learn(List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            if (event.snippet() instanceof MethodSnippet method) {
                learn(method, event.status().isActive());
            } else if (event.snippet() instanceof TypeDeclSnippet type) {
                Optional<String> binaryName = binaryName(type);
                if (binaryName.isEmpty()) {
                    continue;
                }
                if (event.status().isActive()) {
                    active.put(type.name(), new Declaration(type, binaryName.get(), type.source()));
                } else {
                    // only while it is still this snippet's: a redeclaration also reports the one it replaced
                    active.computeIfPresent(type.name(),
                            (name, declaration) -> declaration.snippet() == type ? null : declaration);
                }
            }
        }
    }

    private void learn(MethodSnippet method, boolean active) {
        methods.compute(method.name(), (name, overloads) -> {
            Map<String, MethodDeclaration> changed = overloads == null ? new HashMap<>() : new HashMap<>(overloads);
            if (active) {
                changed.put(method.signature(), new MethodDeclaration(method, method.source()));
            } else {
                // only while it is still this snippet's: a redeclaration also reports the one it replaced
                changed.computeIfPresent(method.signature(),
                        (signature, declared) -> declared.snippet() == method ? null : declared);
            }
            return changed.isEmpty() ? null : Map.copyOf(changed);
        });
    }

    private Optional<String> binaryName(TypeDeclSnippet type) {
        try {
            return Optional.of(shell.sourceCodeAnalysis().wrapper(type).fullClassName() + "$" + type.name());
        } catch (RuntimeException e) {
            return Optional.empty(); // a snippet JShell keeps no wrapper for
        }
    }

    @Override
    public void definedBeside(String binaryName, byte[] bytecode) {
        control.definedBeside(binaryName, bytecode);
    }

    @Override
    public Optional<Class<?>> declared(String name) {
        int dot = name.indexOf('.');
        Declaration declaration = active.get(dot < 0 ? name : name.substring(0, dot));
        if (declaration == null) {
            return Optional.empty();
        }
        String outer = declaration.binaryName();
        try {
            return Optional.of(control.snippetClass(dot < 0 ? outer : outer + name.substring(dot).replace('.', '$')));
        } catch (ClassNotFoundException e) {
            return Optional.empty(); // declared, but not loaded yet (it refers to something not declared)
        }
    }

    @Override
    public Optional<String> source(String name) {
        return Optional.ofNullable(active.get(name)).map(Declaration::source);
    }

    @Override
    public Map<String, String> methods(String name) {
        Map<String, MethodDeclaration> overloads = methods.get(name);
        if (overloads == null) {
            return Map.of();
        }
        Map<String, String> sources = new HashMap<>();
        overloads.forEach((signature, declaration) -> sources.put(signature, declaration.source()));
        return sources;
    }
}
