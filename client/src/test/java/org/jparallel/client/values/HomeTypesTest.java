package org.jparallel.client.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Records typed in both notebooks' cells (as %%px --local does) arrive as the receiving cells' own records. */
class HomeTypesTest {
    private final JShellSender engine = new JShellSender();
    private final JShellSender kernel = new JShellSender();
    private final ValueDecoder decoder = new ValueDecoder(getClass().getClassLoader());

    @AfterEach
    void close() {
        engine.close();
        kernel.close();
    }

    private Class<?> kernels(String type) {
        return kernel.declaredTypes().declared(type).orElseThrow();
    }

    private Object received(String variable) {
        return decoder.decode(engine.encode(variable), kernel.declaredTypes());
    }

    @Test
    void aRecordBothSidesDeclareArrivesAsTheReceiversOwn() {
        String point = "record Point(double x, double y) { double norm() { return Math.hypot(x, y); } }";
        engine.run(point).run("Point p = new Point(3, 4);");
        kernel.run(point);

        Object p = received("p");

        assertSame(kernels("Point"), p.getClass());
        assertEquals("Point[x=3.0, y=4.0]", p.toString());
    }

    @Test
    void aRecordWithOtherComponentsKeepsTheSendersClass() {
        engine.run("record Point(double x, double y) { }").run("Point p = new Point(3, 4);");
        kernel.run("record Point(double x, double y, double z) { }");

        Object p = received("p");

        assertNotSame(kernels("Point"), p.getClass());
        assertEquals("Point[x=3.0, y=4.0]", p.toString());
    }

    @Test
    void recordsInsideRecordsAndListsArriveAsTheReceiversOwn() {
        String types = "record Point(int x, int y) { }\nrecord Segment(Point from, Point to) { }";
        engine.run(types).run("var path = java.util.List.of(new Segment(new Point(0, 0), new Point(1, 1)));");
        kernel.run(types);

        List<?> path = (List<?>) received("path");

        Object segment = path.get(0);
        assertSame(kernels("Segment"), segment.getClass());
        assertEquals("Segment[from=Point[x=0, y=0], to=Point[x=1, y=1]]", segment.toString());
    }

    @Test
    void aRecordFoundByAStreamArrivesAsTheReceiversOwn() {
        String point = "record Point(int x, int y) { }";
        engine.run(point).run("var first = java.util.stream.Stream.of(new Point(5, 6)).findFirst();");
        kernel.run(point);

        java.util.Optional<?> first = (java.util.Optional<?>) received("first");

        assertSame(kernels("Point"), first.orElseThrow().getClass());
    }

    @Test
    void anEnumConstantBothSidesDeclareArrivesAsTheReceiversOwn() {
        String level = "enum Level { LOW, HIGH { String mark() { return \"!\"; } }; String mark() { return \"\"; } }";
        engine.run(level).run("var levels = java.util.List.of(Level.HIGH, Level.LOW);");
        kernel.run(level);

        List<?> levels = (List<?>) received("levels");

        assertSame(kernels("Level"), ((Enum<?>) levels.get(0)).getDeclaringClass());
        assertEquals("HIGH", levels.get(0).toString());
        assertEquals("LOW", levels.get(1).toString());
    }

    @Test
    void recordsInMapsSetsAndArraysArriveAsTheReceiversOwn() {
        String point = "record Point(int x, int y) { }";
        engine.run(point).run("var byName = java.util.Map.of(\"origin\", new Point(0, 0));")
                .run("var unique = java.util.Set.of(new Point(1, 2));")
                .run("Point[] corners = { new Point(0, 0), new Point(3, 4) };");
        kernel.run(point);

        assertSame(kernels("Point"), ((java.util.Map<?, ?>) received("byName")).get("origin").getClass());
        assertSame(kernels("Point"), ((java.util.Set<?>) received("unique")).iterator().next().getClass());
        Object[] corners = (Object[]) received("corners");
        assertSame(kernels("Point"), corners.getClass().getComponentType());
        assertEquals("Point[x=3, y=4]", corners[1].toString());
    }

    @Test
    void aRecordWhoseComponentTheReceiverLacksKeepsTheSendersClass() {
        engine.run("record Point(int x, int y) { }\nrecord Segment(Point from, Point to) { }")
                .run("var s = new Segment(new Point(0, 0), new Point(1, 1));");
        kernel.run("record Segment(int from, int to) { }");

        assertNotSame(kernels("Segment"), received("s").getClass());
    }

    @Test
    void withoutTheReceiversTypesTheSendersClassStays() {
        String point = "record Point(int x, int y) { }";
        engine.run(point).run("Point p = new Point(1, 2);");
        kernel.run(point);

        assertNotSame(kernels("Point"), decoder.decode(engine.encode("p")).getClass());
    }

    @Test
    void aListThatHoldsItselfArrivesWithoutAnEndlessWalk() {
        engine.run("record Point(int x, int y) { }").run("var loop = new java.util.ArrayList<Object>();")
                .run("loop.add(new Point(1, 2)); loop.add(loop);");
        kernel.run("record Point(int x, int y) { }");

        List<?> loop = (List<?>) received("loop");

        assertSame(kernels("Point"), loop.get(0).getClass());
        assertEquals(2, loop.size());
    }

    @Test
    void aMapThatHoldsItselfArrivesAsItIsWhenNothingConverts() {
        engine.run("var me = new java.util.HashMap<String, Object>();").run("me.put(\"me\", me);");
        kernel.run("record Point(int x, int y) { }");

        java.util.Map<?, ?> me = (java.util.Map<?, ?>) received("me");

        assertSame(me, me.get("me"));
    }

    @Test
    void aRecordHeldTwiceArrivesAsOneRecord() {
        String point = "record Point(int x, int y) { }";
        engine.run(point).run("var p = new Point(1, 2);").run("var twice = new java.util.ArrayList<>(java.util.List.of(p, p));");
        kernel.run(point);

        List<?> twice = (List<?>) received("twice");

        assertSame(kernels("Point"), twice.get(0).getClass());
        assertSame(twice.get(0), twice.get(1));
    }

    @Test
    void sortedAndEnumCollectionsKeepTheirKind() {
        String types = "record V(int a) { }\nenum Op { ADD, SUB }";
        engine.run(types).run("var sorted = new java.util.TreeMap<String, V>(java.util.Map.of(\"z\", new V(26), \"a\", new V(1)));")
                .run("var ops = java.util.EnumSet.of(Op.SUB);")
                .run("var names = new java.util.EnumMap<Op, String>(java.util.Map.of(Op.ADD, \"plus\"));");
        kernel.run(types);

        java.util.TreeMap<?, ?> sorted = assertInstanceOf(java.util.TreeMap.class, received("sorted"));
        assertEquals("a", sorted.firstKey());
        assertSame(kernels("V"), sorted.get("a").getClass());
        java.util.EnumSet<?> ops = assertInstanceOf(java.util.EnumSet.class, received("ops"));
        assertSame(kernels("Op"), ((Enum<?>) ops.iterator().next()).getDeclaringClass());
        java.util.EnumMap<?, ?> names = assertInstanceOf(java.util.EnumMap.class, received("names"));
        assertEquals("{ADD=plus}", names.toString());
    }

    private static final String WALKER = "class Walker { double x; Walker(double x) { this.x = x; }"
            + " Walker step() { x += 1; return this; } public String toString() { return \"Walker at \" + x; } }";

    @Test
    void anObjectOfAClassBothSidesDeclareArrivesAsTheReceiversOwn() {
        engine.run(WALKER).run("var w = new Walker(2);");
        kernel.run(WALKER);

        Object w = received("w");

        assertSame(kernels("Walker"), w.getClass());
        assertEquals("Walker at 2.0", w.toString());
    }

    @Test
    void aSubclassAndAGraphThatLeadsBackToItselfArriveAsTheReceiversOwn() {
        String types = "class Node { Node next; int value; }\nclass Labelled extends Node { final String label; Labelled(String label) { this.label = label; } }";
        engine.run(types).run("var ring = new Labelled(\"a\"); ring.value = 7; ring.next = new Node(); ring.next.next = ring;");
        kernel.run(types);

        Object ring = received("ring");

        assertSame(kernels("Labelled"), ring.getClass());
        assertEquals("a 7 true", describeRing(ring));
    }

    /** The ring's label, value, and whether its second node leads back to it, read in the kernel's own classes. */
    private String describeRing(Object ring) {
        try {
            Class<?> node = kernels("Node");
            java.lang.reflect.Field next = node.getDeclaredField("next");
            java.lang.reflect.Field value = node.getDeclaredField("value");
            java.lang.reflect.Field label = kernels("Labelled").getDeclaredField("label");
            for (java.lang.reflect.Field field : List.of(next, value, label)) {
                field.setAccessible(true);
            }
            Object second = next.get(ring);
            assertSame(node, second.getClass());
            return label.get(ring) + " " + value.get(ring) + " " + (next.get(second) == ring);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aClassWithOtherFieldsKeepsTheSendersClass() {
        engine.run(WALKER).run("var w = new Walker(2);");
        kernel.run("class Walker { double x, y; }");

        Object w = received("w");

        assertNotSame(kernels("Walker"), w.getClass());
        assertEquals("Walker at 2.0", w.toString());
    }

    @Test
    void aRecordOfObjectsOfAClassArrivesAsTheReceiversOwnThroughout() {
        String types = WALKER + "\nrecord Team(String name, java.util.List<Walker> members) { }";
        engine.run(types).run("var team = new Team(\"t\", java.util.List.of(new Walker(1), new Walker(2)));");
        kernel.run(types);

        Object team = received("team");

        assertSame(kernels("Team"), team.getClass());
        assertEquals("Team[name=t, members=[Walker at 1.0, Walker at 2.0]]", team.toString());
    }

    @Test
    void anEntryOfAMapArrivesWithTheReceiversOwnValue() {
        engine.run(WALKER).run("var entries = java.util.List.of(java.util.Map.entry(\"a\", 1), java.util.Map.entry(\"z\", new Walker(2)));");
        kernel.run(WALKER);

        List<?> entries = (List<?>) received("entries");

        assertEquals(java.util.Map.entry("a", 1), entries.get(0));
        assertSame(kernels("Walker"), ((java.util.Map.Entry<?, ?>) entries.get(1)).getValue().getClass());
    }
    @Test
    void aLambdaInAFieldMakesTheReceiversTypes() {
        String types = "record Tag(String t) { }\n"
                + "class Bag { java.util.function.Supplier<Tag> make = () -> new Tag(\"x\"); }";
        engine.run(types).run("var bag = new Bag();");
        kernel.run("int declaredBefore = 1;").run(types); // its classes' binary names differ from the engine's

        Object bag = received("bag");

        assertSame(kernels("Bag"), bag.getClass());
        assertSame(kernels("Tag"), ((java.util.function.Supplier<?>) field(bag, "make")).get().getClass());
    }

    @Test
    void aMethodReferenceInAFieldMakesTheReceiversTypes() {
        String types = "record Tag(String t) { }\n"
                + "class Bag { java.util.function.Function<String, Tag> tagger = Tag::new; }";
        engine.run(types).run("var bag = new Bag();");
        kernel.run(types);

        Object bag = received("bag");

        @SuppressWarnings("unchecked")
        var tagger = (java.util.function.Function<String, ?>) field(bag, "tagger");
        assertSame(kernels("Tag"), tagger.apply("y").getClass());
    }

    @Test
    void aLambdaInAFieldCapturesTheConvertedObject() {
        String types = "class Bag { int n = 3; java.util.function.Supplier<Object> self = () -> this; }";
        engine.run(types).run("var bag = new Bag();");
        kernel.run(types);

        Object bag = received("bag");

        assertSame(bag, ((java.util.function.Supplier<?>) field(bag, "self")).get());
    }

    @Test
    void aLambdaInAFieldCallsTheReceiversMethod() {
        String bag = "class Bag { java.util.function.IntUnaryOperator step = x -> boost(x); }";
        engine.run("int boost(int x) { return x + 1; }").run(bag).run("var bag = new Bag();");
        kernel.run("int boost(int x) { return x + 100; }").run(bag);

        Object received = received("bag");

        assertEquals(101, ((java.util.function.IntUnaryOperator) field(received, "step")).applyAsInt(1));
    }

    @Test
    void aListOrMapOfAClassCellsCanNameKeepsItWithTheReceiversRecords() {
        String point = "record Point(int x, int y) { }";
        engine.run(point).run("var linked = new java.util.LinkedList<>(java.util.List.of(new Point(1, 2)));")
                .run("var shared = new java.util.concurrent.ConcurrentHashMap<>(java.util.Map.of(\"p\", new Point(3, 4)));");
        kernel.run(point);

        java.util.LinkedList<?> linked = (java.util.LinkedList<?>) received("linked");
        java.util.concurrent.ConcurrentHashMap<?, ?> shared = (java.util.concurrent.ConcurrentHashMap<?, ?>) received("shared");

        assertSame(kernels("Point"), linked.getFirst().getClass());
        assertSame(kernels("Point"), shared.get("p").getClass());
    }

    @Test
    void aCellsLambdaTakesAndMakesTheReceiversRecords() {
        String q = "record Q(double x) { double sq() { return x * x; } Q twice() { return new Q(2 * x); } }";
        engine.run(q).run("java.util.function.Function<Q, Q> doubled = v -> v.twice();")
                .run("java.util.function.Function<Q, Double> square = Q::sq;");
        kernel.run("int declaredBefore = 1;").run(q); // its binary names differ from the engine's

        @SuppressWarnings("unchecked")
        var doubled = (java.util.function.Function<Object, Object>) received("doubled");
        @SuppressWarnings("unchecked")
        var square = (java.util.function.Function<Object, Object>) received("square");
        Object mine = kernel.variable("declaredBefore") == null ? null : newQ(3);

        Object twice = doubled.apply(mine);
        assertSame(kernels("Q"), twice.getClass());
        assertEquals(36.0, square.apply(twice));
    }

    @Test
    void aCellsLambdaOverATypeTheReceiverDeclaresOtherwiseStaysTheSenders() {
        engine.run("record Q(double x) { }").run("java.util.function.Supplier<Q> make = () -> new Q(1);");
        kernel.run("record Q(double x, double y) { }");

        Object made = ((java.util.function.Supplier<?>) received("make")).get();

        assertNotSame(kernels("Q"), made.getClass());
        assertEquals("Q[x=1.0]", made.toString());
    }

    @Test
    void aCellsLambdaReceivedAgainIsMadeByTheSameCopyOfItsCell() {
        String q = "record Q(double x) { }";
        engine.run(q).run("java.util.function.Supplier<Q> make = () -> new Q(1);");
        kernel.run(q);

        Object first = received("make");
        Object again = received("make");

        assertSame(first.getClass(), again.getClass());
        assertSame(kernels("Q"), ((java.util.function.Supplier<?>) again).get().getClass());
    }

    @Test
    void aCellsLambdaThatReadsAnotherCellsVariableTakesTheReceiversRecords() {
        String q = "record Q(double x) { }";
        engine.run(q).run("double factor = 3;")
                .run("java.util.function.Function<Q, Double> scaled = v -> v.x() * factor;");
        kernel.run("int declaredBefore = 1;").run(q);

        @SuppressWarnings("unchecked")
        var scaled = (java.util.function.Function<Object, Object>) received("scaled");

        assertEquals(6.0, scaled.apply(newQ(2)));
        engine.run("factor = 5;");
        @SuppressWarnings("unchecked")
        var sentAgain = (java.util.function.Function<Object, Object>) received("scaled");
        assertEquals(10.0, sentAgain.apply(newQ(2)), "the variable's value as sent the second time");
    }

    @Test
    void aCellsLambdaThatReadsAVariableHoldingACellsRecordTakesTheReceiversRecords() {
        String q = "record Q(double x) { }";
        engine.run(q).run("Q base = new Q(10);")
                .run("java.util.function.Function<Q, Double> plusBase = v -> v.x() + base.x();");
        kernel.run("int declaredBefore = 1;").run(q);

        @SuppressWarnings("unchecked")
        var plusBase = (java.util.function.Function<Object, Object>) received("plusBase");

        assertEquals(12.0, plusBase.apply(newQ(2)));
    }

    @Test
    void aSortedMapAndSetOrderedByACellsLambdaKeepTheirOrderWithTheReceiversRecords() {
        String q = "record Q(double x) { }";
        engine.run(q).run("var byX = new java.util.TreeMap<Q, String>(java.util.Comparator.comparingDouble(Q::x));")
                .run("byX.put(new Q(1), \"one\"); byX.put(new Q(2), \"two\");")
                .run("var xs = new java.util.TreeSet<Q>((a, b) -> Double.compare(b.x(), a.x())); xs.addAll(byX.keySet());");
        kernel.run("int declaredBefore = 1;").run(q);

        var byX = assertInstanceOf(java.util.TreeMap.class, received("byX"));
        var xs = assertInstanceOf(java.util.TreeSet.class, received("xs"));

        assertEquals("one", byX.firstEntry().getValue());
        assertEquals("one", byX.get(newQ(1)));
        assertSame(kernels("Q"), xs.first().getClass());
        assertEquals(newQ(2), xs.first());
    }

    @Test
    void anObjectWhoseFieldHoldsALambdaOfAnInterfaceOfTheCellsArrivesAsTheReceiversOwn() {
        String types = "interface IntOp { int op(int x); }\nclass Holder { IntOp f = x -> x * 7; int apply(int x) { return f.op(x); } }";
        engine.run(types).run("var h = new Holder();");
        kernel.run("int declaredBefore = 1;").run(types);

        Object h = received("h");

        assertSame(kernels("Holder"), h.getClass());
    }

    private Object newQ(double x) {
        try {
            return kernels("Q").getDeclaredConstructor(double.class).newInstance(x);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object field(Object owner, String name) {
        try {
            java.lang.reflect.Field field = owner.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
