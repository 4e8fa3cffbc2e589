package org.jparallel.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jparallel.repl.CellOutcome.Success;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeclaredTypesTest {

    private final JavaSession session = JavaSession.open(SessionOptions.defaults());

    @AfterEach
    void close() {
        session.close();
    }

    private void run(String cell) {
        assertInstanceOf(Success.class, session.eval(cell));
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    @Test
    void aDeclaredRecordCanBeMadeBeforeAnyCellRan() throws Exception {
        run("record Point(int x, int y) { }");
        Class<?> point = session.declaredTypes().declared("Point").orElseThrow();
        var canonical = point.getDeclaredConstructor(int.class, int.class);
        canonical.setAccessible(true);
        assertEquals("Point[x=1, y=2]", canonical.newInstance(1, 2).toString()); // JDK 20+: its stop checks resolve
        run("Point again = new Point(3, 4);");
    }

    @Test
    void aMethodsOverloadsAreFoundByItsNameWithTheirSources() {
        run("double gain(double x) { return x * 2; }");
        run("int gain(int x) { return x * 3; }");
        assertEquals(Map.of("(double)double", "double gain(double x) { return x * 2; }",
                "(int)int", "int gain(int x) { return x * 3; }"), session.declaredTypes().methods("gain"));
        assertEquals(Map.of(), session.declaredTypes().methods("nothing"));
    }

    @Test
    void aRedeclaredMethodIsFoundAsItIsNow() {
        run("double gain(double x) { return x * 2; }");
        run("double boost(double x) { return gain(x) + 1; }");
        run("double gain(double x) { return x * 10; }");
        assertEquals(Map.of("(double)double", "double gain(double x) { return x * 10; }"),
                session.declaredTypes().methods("gain"));
    }

    @Test
    void aClassRedefinedInPlaceIsFoundWithItsNewSource() {
        run("int k() { return 1; }");
        run("class Helper { int h() { return k(); } }");
        Class<?> before = session.declaredTypes().declared("Helper").orElseThrow();
        run("class Helper { int h() { return k() + 1; } }");
        assertEquals(Optional.of("class Helper { int h() { return k() + 1; } }"), session.declaredTypes().source("Helper"));
        assertEquals(before, session.declaredTypes().declared("Helper").orElseThrow(), "redefined in place");
    }

    @Test
    void aRecordACellDeclaredIsFoundByItsName() {
        run("record Point(int x, int y) { }");
        Class<?> point = session.declaredTypes().declared("Point").orElseThrow();
        assertTrue(point.isRecord(), point.getName());
        assertEquals(List.of("x", "y"), components(point));
    }

    @Test
    void aRedeclaredTypeIsItsNewClass() {
        run("record Point(int x, int y) { }");
        run("record Point(double x, double y, double z) { }");
        assertEquals(List.of("x", "y", "z"), components(session.declaredTypes().declared("Point").orElseThrow()));
    }

    @Test
    void theSourceOfADeclarationIsItsCellsText() {
        run("int before = 1;\nrecord Point(int x, int y) { }");
        assertEquals(Optional.of("record Point(int x, int y) { }"), session.declaredTypes().source("Point"));
    }

    @Test
    void theSourceOfARedeclaredTypeIsTheNewOne() {
        run("record Point(int x, int y) { }");
        run("record Point(double x) { }");
        assertEquals(Optional.of("record Point(double x) { }"), session.declaredTypes().source("Point"));
    }

    @Test
    void aMemberTypeIsFoundByItsDottedName() {
        run("class Shapes { record Circle(double r) { } }");
        assertEquals("Circle", session.declaredTypes().declared("Shapes.Circle").orElseThrow().getSimpleName());
    }

    @Test
    void aNameNoCellDeclaredIsNotFound() {
        run("int notAType = 1;");
        assertEquals(Optional.empty(), session.declaredTypes().declared("notAType"));
        assertEquals(Optional.empty(), session.declaredTypes().declared("String"));
    }

    @Test
    void theContextLoaderOfACellOffersTheSessionsTypes() {
        run("record Point(int x, int y) { }");
        CellOutcome outcome = session.eval("Thread.currentThread().getContextClassLoader()");
        Object loader = assertInstanceOf(Success.class, outcome).value().orElseThrow().object();
        DeclaredTypes types = assertInstanceOf(DeclaredTypes.class, loader);
        assertEquals(session.declaredTypes().declared("Point"), types.declared("Point"));
    }

    @Test
    void theContextLoaderStillFindsSnippetClassesByName() {
        run("record Point(int x, int y) { }");
        String name = session.declaredTypes().declared("Point").orElseThrow().getName();
        CellOutcome outcome = session.eval("Class.forName(\"" + name + "\", false, "
                + "Thread.currentThread().getContextClassLoader()).getSimpleName()");
        assertEquals("Point", assertInstanceOf(Success.class, outcome).value().orElseThrow().object());
    }
}
