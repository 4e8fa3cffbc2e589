package org.jparallel.client.values;

import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jparallel.repl.DeclaredTypes;
import org.jparallel.repl.SnippetNames;

/**
 * A decoded value whose records, enums and classes were declared in the sender's cells, made those of the same names
 * that this session's cells declare, when they match (a record's components; a class's instance fields at every
 * level, see {@link CellClassFields}; a lambda made in such a class): a type typed on both sides ({@code %%px --local
 * record Point(int x, int y) { }}, or declared on engines by a push) then moves between them as the one type each
 * side's cells name. Without such a type here, or with other components or fields, the value keeps the sender's class.
 *
 * <p>Applies to the value itself, its records' components, its converted objects' fields, and the elements of the
 * JDK's lists, sets, maps, map entries and of arrays it is made of (a changed one keeps its class where cells can
 * name it, {@code LinkedList} or {@code ConcurrentHashMap}, and its kind where that has an order or a key type:
 * sorted, enum; others arrive as an {@code ArrayList}, {@code LinkedHashSet} or {@code LinkedHashMap}); not inside
 * other objects, whose fields are typed with the sender's classes. A value held twice is converted once, and a graph
 * that leads back to itself is walked once.
 */
final class HomeTypes {
    private static final Pattern CLASS_IN_DESCRIPTOR = Pattern.compile("L([^;]+);");
    /** javac's name of a serializable lambda's body: its method, a hash of its types, its number. */
    private static final Pattern HASHED_LAMBDA = Pattern.compile("(lambda\\$.*\\$)[0-9a-f]+(\\$\\d+)");

    private final DeclaredTypes home;
    /** The receiver's type for each type of the sender met so far, or empty: a list has many alike. */
    private final Map<Class<?>, Optional<Class<?>>> mineFor = new HashMap<>();
    private final Map<Class<?>, Optional<CellClassFields>> fieldsFor = new HashMap<>();
    /** The copies of the sender's wrappers made so far, naming this session's types (see HomeWrapper). */
    private final Map<String, Optional<HomeWrapper.Copy>> wrappers = new HashMap<>();
    /** What each collection, record or array met so far became: one copy for a value held twice, and no endless walk. */
    private final Map<Object, Object> seen = new IdentityHashMap<>();

    private HomeTypes(DeclaredTypes home) {
        this.home = home;
    }

    static Object convert(Object value, DeclaredTypes home) {
        return value == null || home == DeclaredTypes.NONE ? value : new HomeTypes(home).converted(value);
    }

    private Object converted(Object value) {
        if (value == null || FastPath.isScalar(value)) {
            return value;
        }
        Object known = seen.get(value);
        if (known != null) {
            return known; // met before: shared, or a collection that holds itself (in progress: as it is)
        }
        seen.put(value, value);
        Object mine = convertedOnce(value);
        seen.put(value, mine);
        return mine;
    }

    private Object convertedOnce(Object value) {
        boolean jdk = value.getClass().getName().startsWith("java.util.");
        if (value instanceof List<?> list && jdk) {
            return anyConverts(list) ? elements(list, ofItsClass(list, new ArrayList<>(list.size()))) : value;
        }
        if (value instanceof Set<?> set && jdk) {
            return anyConverts(set) ? sameKind(set, elements(set, new LinkedHashSet<>())) : value;
        }
        if (value instanceof Map<?, ?> map && jdk) {
            Map<Object, Object> converted = new LinkedHashMap<>();
            boolean keysChanged = false;
            boolean changed = false;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object key = converted(entry.getKey());
                Object mine = converted(entry.getValue());
                keysChanged |= key != entry.getKey();
                changed |= key != entry.getKey() || mine != entry.getValue();
                converted.put(key, mine);
            }
            return changed ? sameKind(map, converted, keysChanged) : value;
        }
        if (value instanceof Optional<?> optional && optional.isPresent()) {
            Object mine = converted(optional.get());
            return mine == optional.get() ? value : Optional.of(mine);
        }
        if (value instanceof Map.Entry<?, ?> entry && jdk) {
            Object key = converted(entry.getKey());
            Object mine = converted(entry.getValue());
            if (key == entry.getKey() && mine == entry.getValue()) {
                return value;
            }
            return key != null && mine != null ? Map.entry(key, mine) : new AbstractMap.SimpleImmutableEntry<>(key, mine);
        }
        if (value instanceof Object[] array) {
            return array(array).orElse(value);
        }
        if (value instanceof Enum<?> constant) {
            return constant(constant).orElse(value);
        }
        if (value.getClass().isHidden()) {
            return lambda(value).orElse(value);
        }
        return value.getClass().isRecord() ? record(value).orElse(value) : instance(value).orElse(value);
    }

    /**
     * A lambda or method reference of the sender's cells made anew here (cells compile every lambda serializable), so
     * that it takes and makes the receiver's records and calls the receiver's methods: by the receiver's class of
     * its class's name (a lambda in a field of a cell's class), or by a copy of the sender's cell wrapper that names
     * the receiver's types ({@link HomeWrapper}: a lambda a cell made). Its captured values convert too, and a
     * lambda the JDK made ({@code Comparator.comparingInt(Rank::n)}) is made anew when one of those does.
     */
    private Optional<Object> lambda(Object value) {
        ClassLoader sender = value.getClass().getClassLoader();
        return SerializedLambdas.of(value)
                .flatMap(sent -> sender == null ? withHomeCaptures(sent) : madeHere(sent, sender));
    }

    private Optional<Object> madeHere(SerializedLambda sent, ClassLoader sender) {
        try {
            Optional<Class<?>> capturing = declaredHere(sent.getCapturingClass());
            UnaryOperator<String> names = this::homeNames;
            if (capturing.isEmpty() && sender instanceof ShippedClassLoader shipped) {
                // made in a cell's own code (its wrapper), which the receiver has not: a copy naming its types
                String wrapper = sent.getCapturingClass().replace('/', '.');
                Optional<HomeWrapper.Copy> copy = wrappers.get(wrapper);
                if (copy == null) {
                    // not computeIfAbsent: converting the variables it reads may copy other wrappers meanwhile
                    copy = HomeWrapper.of(wrapper, shipped, home, this::converted);
                    wrappers.put(wrapper, copy);
                }
                capturing = copy.map(HomeWrapper.Copy::type);
                names = copy.<UnaryOperator<String>>map(made -> made::name).orElse(names);
            }
            if (capturing.isEmpty() || capturing.get().getClassLoader() == sender) {
                return Optional.empty();
            }
            String implSignature = names.apply(sent.getImplMethodSignature());
            SerializedLambda mine = new SerializedLambda(capturing.get(), names.apply(sent.getFunctionalInterfaceClass()),
                    sent.getFunctionalInterfaceMethodName(), names.apply(sent.getFunctionalInterfaceMethodSignature()),
                    sent.getImplMethodKind(), names.apply(sent.getImplClass()),
                    implMethodHere(capturing.get(), sent.getImplMethodName(), implSignature), implSignature,
                    names.apply(sent.getInstantiatedMethodType()), capturedHere(sent));
            Method deserialize = capturing.get().getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
            deserialize.setAccessible(true);
            return Optional.of(deserialize.invoke(null, mine));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty(); // the receiver's class makes no such lambda (another source): the sender's stays
        }
    }

    /**
     * The name of the receiver's method a lambda's body is in: javac names a serializable lambda's body with a hash
     * of its types ({@code lambda$new$a7f98c6d$1}), so where those are cell types, named otherwise here, the receiver's
     * class has it under another hash; the one method of that name's form and of that descriptor is it.
     */
    private static String implMethodHere(Class<?> capturing, String sentName, String descriptor) {
        Matcher form = HASHED_LAMBDA.matcher(sentName);
        Method[] methods = capturing.getDeclaredMethods();
        if (!form.matches() || Arrays.stream(methods).anyMatch(m -> m.getName().equals(sentName))) {
            return sentName;
        }
        List<String> alike = Arrays.stream(methods)
                .filter(m -> m.getName().startsWith(form.group(1)) && m.getName().endsWith(form.group(2))
                        && HASHED_LAMBDA.matcher(m.getName()).matches()
                        && MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString()
                        .equals(descriptor))
                .map(Method::getName)
                .toList();
        return alike.size() == 1 ? alike.get(0) : sentName;
    }

    /**
     * A lambda of the JDK's own code made anew with what it captured made the receiver's, where anything did:
     * {@code Comparator.comparingInt(Rank::n)} then compares the receiver's records.
     */
    private Optional<Object> withHomeCaptures(SerializedLambda sent) {
        Object[] captured = capturedHere(sent);
        boolean changed = false;
        for (int i = 0; i < captured.length; i++) {
            changed |= captured[i] != sent.getCapturedArg(i);
        }
        if (!changed) {
            return Optional.empty();
        }
        try {
            Class<?> capturing = Class.forName(sent.getCapturingClass().replace('/', '.'), false, null);
            return Optional.of(SerializedLambdas.made(new SerializedLambda(capturing,
                    sent.getFunctionalInterfaceClass(), sent.getFunctionalInterfaceMethodName(),
                    sent.getFunctionalInterfaceMethodSignature(), sent.getImplMethodKind(), sent.getImplClass(),
                    sent.getImplMethodName(), sent.getImplMethodSignature(), sent.getInstantiatedMethodType(),
                    captured)));
        } catch (ClassNotFoundException | java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Object[] capturedHere(SerializedLambda sent) {
        Object[] captured = new Object[sent.getCapturedArgCount()];
        for (int i = 0; i < captured.length; i++) {
            captured[i] = converted(sent.getCapturedArg(i));
        }
        return captured;
    }

    /** The receiver's cell type of the name that a class of the sender's cells has ({@code REPL/$JShell$12$Bag}). */
    private Optional<Class<?>> declaredHere(String internalName) {
        return SnippetNames.declaredName(internalName.replace('/', '.')).flatMap(home::declared);
    }

    /** A class name or a method descriptor, each sender's cell type in it named as the receiver's declares it. */
    private String homeNames(String internalNames) {
        if (!internalNames.contains("REPL/")) {
            return internalNames;
        }
        if (!internalNames.startsWith("(")) {
            return declaredHere(internalNames).map(mine -> mine.getName().replace('.', '/')).orElse(internalNames);
        }
        return CLASS_IN_DESCRIPTOR.matcher(internalNames)
                .replaceAll(m -> Matcher.quoteReplacement("L" + homeNames(m.group(1)) + ";"));
    }

    /**
     * The converted elements in a set of the sent one's kind where it has an order or type of its own: a sorted set
     * keeps its comparator (made the receiver's, where it is a lambda of the cells), an {@code EnumSet} stays one (of
     * the receiver's enum).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Set<?> sameKind(Set<?> sent, Collection<Object> converted) {
        if (sent instanceof SortedSet<?> sorted) {
            Object order = converted(sorted.comparator());
            if (order == null || order != sorted.comparator()) {
                TreeSet<Object> same = new TreeSet<>((Comparator<Object>) order);
                same.addAll(converted);
                return same;
            }
        }
        if (sent instanceof EnumSet<?> && !converted.isEmpty()) {
            return EnumSet.copyOf((Collection) converted);
        }
        Collection<Object> same = ofItsClass(sent, null);
        if (same != null) {
            same.addAll(converted);
            return (Set<?>) same;
        }
        return (Set<?>) converted;
    }

    /**
     * The converted entries in a map of the sent one's kind: a sorted map keeps its comparator, made the receiver's
     * where it is a lambda of the cells (unless its keys changed class and it did not, as it then could not compare
     * them), an {@code EnumMap} stays one.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Map<?, ?> sameKind(Map<?, ?> sent, Map<Object, Object> converted, boolean keysChanged) {
        if (sent instanceof SortedMap<?, ?> sorted) {
            Object order = converted(sorted.comparator());
            if (order == null || order != sorted.comparator() || !keysChanged) {
                TreeMap<Object, Object> same = new TreeMap<>((Comparator<Object>) order);
                same.putAll(converted);
                return same;
            }
        }
        if (sent instanceof EnumMap<?, ?> && !converted.isEmpty()) {
            return new EnumMap(converted);
        }
        Map<Object, Object> same = ofItsClass(sent, null);
        if (same != null) {
            same.putAll(converted);
            return same;
        }
        return converted;
    }

    /**
     * An empty collection or map of the sent one's class, where cells can name that class ({@code LinkedList},
     * {@code ConcurrentHashMap}: a lambda's parameter may be typed as one); else {@code otherwise}. Sorted and enum
     * collections are made by {@code sameKind}, which keeps their order.
     */
    @SuppressWarnings("unchecked")
    private static <T> T ofItsClass(Object sent, T otherwise) {
        Class<?> type = sent.getClass();
        if (!Modifier.isPublic(type.getModifiers()) || !type.getName().startsWith("java.util.")
                || sent instanceof SortedSet<?> || sent instanceof SortedMap<?, ?>) {
            return otherwise; // a comparator of the sender's, which may not compare the receiver's types
        }
        try {
            return (T) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return otherwise;
        }
    }

    /**
     * Whether some element becomes the receiver's: looked at before any copy, since most collections (a million
     * boxed numbers) hold nothing to convert, and an element of a class seen unchanged costs one comparison.
     */
    private boolean anyConverts(Collection<?> collection) {
        Class<?> unchanged = null;
        for (Object element : collection) {
            if (element == null || element.getClass() == unchanged) {
                continue;
            }
            if (converted(element) != element) {
                return true;
            }
            boolean byClass = !(element instanceof Collection<?> || element instanceof Map<?, ?>
                    || element instanceof Map.Entry<?, ?> || element instanceof Optional<?> || element instanceof Object[]
                    || element.getClass().isRecord());
            unchanged = byClass ? element.getClass() : null;
        }
        return false;
    }

    /** The collection's elements made the receiver's, into {@code into}. */
    private Collection<Object> elements(Collection<?> collection, Collection<Object> into) {
        for (Object element : collection) {
            into.add(converted(element));
        }
        return into;
    }

    /** An array of the sender's type, as an array of the receiver's when every element converts. */
    private Optional<Object> array(Object[] array) {
        Optional<Class<?>> declared = mine(array.getClass().getComponentType());
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        Object[] converted = (Object[]) Array.newInstance(declared.get(), array.length);
        for (int i = 0; i < array.length; i++) {
            Object mine = converted(array[i]);
            if (mine != null && !declared.get().isInstance(mine)) {
                return Optional.empty();
            }
            converted[i] = mine;
        }
        return Optional.of(converted);
    }

    /** The receiver's record, enum or class of the same name, if it has one of that kind and it is another class. */
    private Optional<Class<?>> mine(Class<?> sent) {
        return mineFor.computeIfAbsent(sent, type -> SnippetNames.declaredName(type.getName())
                .flatMap(home::declared)
                .filter(declared -> declared != type && declared.isEnum() == type.isEnum()
                        && declared.isRecord() == type.isRecord() && !declared.isInterface() && !type.isInterface()));
    }

    /** An object of a class of the sender's cells as one of the receiver's class of that name: see CellClassFields. */
    private Optional<Object> instance(Object value) {
        Optional<CellClassFields> fields = fieldsFor.computeIfAbsent(value.getClass(),
                sent -> mine(sent).flatMap(declared -> CellClassFields.of(sent, declared)));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        try {
            Object mine = fields.get().allocate();
            seen.put(value, mine); // a field that leads back here gets the new object
            for (Field[] pair : fields.get().pairs()) {
                Object converted = converted(pair[0].get(value));
                if (converted != null && !box(pair[1].getType()).isInstance(converted)) {
                    seen.put(value, value);
                    return Optional.empty(); // it holds one of the sender's objects that stays the sender's
                }
                pair[1].set(mine, converted);
            }
            return Optional.of(mine);
        } catch (ReflectiveOperationException | RuntimeException e) {
            seen.put(value, value);
            return Optional.empty();
        }
    }

    /** The receiver's constant of the same name, in its enum of the same name. */
    private Optional<Object> constant(Enum<?> sent) {
        return mine(sent.getDeclaringClass()).flatMap(declared -> Arrays.stream(declared.getEnumConstants())
                .filter(mine -> ((Enum<?>) mine).name().equals(sent.name()))
                .findFirst());
    }

    private Optional<Object> record(Object value) {
        Class<?> sent = value.getClass();
        Optional<Class<?>> declared = mine(sent);
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        RecordComponent[] theirs = sent.getRecordComponents();
        RecordComponent[] mine = declared.get().getRecordComponents();
        if (theirs.length != mine.length) {
            return Optional.empty();
        }
        try {
            Object[] values = RecordValue.of(value).components();
            for (int i = 0; i < mine.length; i++) {
                values[i] = converted(values[i]);
                if (!theirs[i].getName().equals(mine[i].getName())
                        || values[i] != null && !box(mine[i].getType()).isInstance(values[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(RecordValue.construct(declared.get(), values));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty(); // its constructor refused them: the sender's record it stays
        }
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }
}
