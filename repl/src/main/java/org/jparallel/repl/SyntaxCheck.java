package org.jparallel.repl;

import com.sun.source.util.JavacTask;
import java.net.URI;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Whether a snippet parses as Java, without compiling it. JShell's completeness analysis
 * calls some broken code complete ({@code 1 +* 2}); Jupyter wants to hear it is invalid.
 */
final class SyntaxCheck implements AutoCloseable {

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager files = javac.getStandardFileManager(null, null, null);

    /** A snippet may be statements, class members, an expression, or an import. */
    boolean parses(String snippet) {
        String expression = snippet.stripTrailing();
        if (expression.endsWith(";")) {
            expression = expression.substring(0, expression.length() - 1);
        }
        return parsesAs("class $ { void $() {\n" + snippet + "\n} }")
                || parsesAs("class $ {\n" + snippet + "\n}")
                || parsesAs("class $ { Object $ = (\n" + expression + "\n); }")
                || parsesAs(snippet);
    }

    @Override
    public void close() {
        try {
            files.close();
        } catch (java.io.IOException e) {
            // nothing was written through it; there is nothing to lose
        }
    }

    private boolean parsesAs(String source) {
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, List.of("-proc:none"), null, List.of(file));
        try {
            task.parse();
        } catch (java.io.IOException e) {
            return false;
        }
        return diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    }
}
