package org.jparallel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jparallel.repl.DeclaredTypes;
import org.junit.jupiter.api.Test;

class TypeNamesTest {
    private final ClassLoader visible = getClass().getClassLoader();

    private String usable(Object value) {
        return TypeNames.usable(value, visible, DeclaredTypes.NONE);
    }

    @Test
    void aListOfIntegersIsDeclaredWithItsElementType() {
        assertEquals("java.util.ArrayList<Integer>", usable(new ArrayList<>(List.of(1, 2, 3))));
        assertEquals("java.util.List<Integer>", usable(List.of(1, 2, 3)));
    }

    @Test
    void nullElementsDoNotChangeTheElementType() {
        assertEquals("java.util.List<String>", usable(Arrays.asList("a", null, "b")));
    }

    @Test
    void elementsOfDifferentTypesLeaveTheCollectionRaw() {
        assertEquals("java.util.List", usable(List.of(1, "a")));
        assertEquals("java.util.ArrayList", usable(new ArrayList<>()));
    }

    @Test
    void mapsAndOptionalsNestTheirContentsTypes() {
        Map<String, List<Double>> map = new LinkedHashMap<>();
        map.put("xs", List.of(1.5));
        assertEquals("java.util.LinkedHashMap<String, java.util.List<Double>>", usable(map));
        assertEquals("java.util.TreeMap<Integer, Object>", usable(new TreeMap<>(Map.of(1, "a", 2, 3.0))));
        assertEquals("java.util.Optional<double[]>", usable(Optional.of(new double[2])));
        assertEquals("java.util.Optional", usable(Optional.empty()));
    }

    @Test
    void collectionsInsideAreNamedByTheirInterfacesSoTheValueFitsAnInterfaceTypedVariable() {
        Map<String, List<Double>> map = new LinkedHashMap<>();
        map.put("a", new ArrayList<>(List.of(1.0, 2.0)));
        map.put("b", new LinkedList<>(List.of(3.0)));
        assertEquals("java.util.LinkedHashMap<String, java.util.List<Double>>", usable(map));
        assertEquals("java.util.Optional<java.util.List<String>>", usable(Optional.of(new ArrayList<>(List.of("a")))));
        assertEquals("java.util.List<java.util.Set<Integer>>", usable(List.of(new HashSet<>(Set.of(1)))));
    }

    @Test
    void anEmptyOptionalOrListAmongOthersTakesTheirTypeArguments() {
        assertEquals("java.util.List<java.util.Optional<Integer>>", usable(List.of(Optional.of(1), Optional.empty())));
        assertEquals("java.util.List<java.util.List<String>>", usable(List.of(List.of(), List.of("a"))));
        assertEquals("java.util.List", usable(List.of(Optional.empty(), List.of("a"))));
    }

    @Test
    void elementsOfSeveralClassesAreNamedByTheSuperclassTheyShare() {
        assertEquals("java.util.List<Number>", usable(List.of(1, 2.5, 3L)));
        assertEquals("java.util.List<java.util.Date>", usable(List.of(new java.sql.Date(0), new java.sql.Timestamp(0))));
        assertEquals("java.util.List", usable(List.of(1, "2")));
    }

    @Test
    void aMapEntryIsDeclaredWithItsKeyAndValueTypes() {
        assertEquals("java.util.Map.Entry<String, Integer>", usable(Map.entry("k", 3)));
        assertEquals("java.util.AbstractMap.SimpleEntry<String, Double>",
                usable(new java.util.AbstractMap.SimpleEntry<>("k", 2.0)));
    }

    @Test
    void aGenericClassIsDeclaredWithWhatItsFieldsOfEachParameterHold() {
        assertEquals("org.jparallel.engine.GenericBox<String>", usable(new GenericBox<>("s")));
        assertEquals("org.jparallel.engine.GenericBox<java.util.List<Integer>>", usable(new GenericBox<>(List.of(1))));
        assertEquals("org.jparallel.engine.GenericBox", usable(new GenericBox<>(null)));
    }

    @Test
    void aValueNamedByItsSupertypeGetsNoTypeArgumentsFromItsOwnFields() {
        assertEquals("Object", usable(new HiddenBox<>("s")));
    }

    /** Not public: cells name it Object, which takes no type arguments whatever its fields hold. */
    static final class HiddenBox<T> {
        private final T value;

        HiddenBox(T value) {
            this.value = value;
        }
    }

    @Test
    void otherValuesKeepTheirNames() {
        assertEquals("double[]", usable(new double[3]));
        assertEquals("String", usable("s"));
        assertEquals("Object", usable(null));
    }
    @Test
    void aLambdaIsDeclaredWithItsInterfacesTypeArguments() {
        assertEquals("java.util.function.Function<Integer, Integer>",
                usable((java.util.function.Function<Integer, Integer> & java.io.Serializable) x -> x * x));
        assertEquals("java.util.function.Supplier<double[]>",
                usable((java.util.function.Supplier<double[]> & java.io.Serializable) () -> new double[1]));
    }

    @Test
    void anInterfaceTakesTheTypeArgumentItsSuperinterfacesMethodBinds() {
        assertEquals("org.jparallel.engine.Joiner<String>", usable((Joiner<String>) (a, b) -> a + b));
    }

    @Test
    void aLambdaThatCannotSayWhatItIsMadeOfIsDeclaredRaw() {
        java.util.function.Function<Integer, Integer> notSerializable = x -> x;
        assertEquals("java.util.function.Function", usable(notSerializable));
    }
}
