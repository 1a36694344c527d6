package io.rightsize.devstack.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service registers for reflection in a native image, and what its JSON types need: tests hold one against
 * the other, since no native executable can be built and run where the tests run.
 */
public final class ReflectionRegistrations {

    private static final Pattern JSON_READ = Pattern.compile("Json\\.read\\([^;]*?,\\s*([A-Z][A-Za-z0-9_]*)\\.class");

    private ReflectionRegistrations() {
    }

    /**
     * Fails unless {@code holder} registers every class its registered JSON types hold and every type the module's
     * {@code sources} read with {@code Json.read}.
     */
    public static void assertCompleteForJson(Class<?> holder, Path sources) throws ClassNotFoundException {
        Set<String> registered = registered(holder);
        Set<String> missing = new TreeSet<>();
        for (String name : registered) {
            if (name.startsWith("io.rightsize.")) {
                Set<String> closure = jsonClosure(Class.forName(name));
                closure.removeAll(registered);
                missing.addAll(closure);
            }
        }
        Set<String> simpleNames = new TreeSet<>();
        registered.forEach(n -> simpleNames.add(n.substring(n.lastIndexOf('.') + 1).replace('$', '.')));
        for (String read : jsonReadTypes(sources)) {
            if (simpleNames.stream().noneMatch(n -> n.equals(read) || n.endsWith("." + read))) {
                missing.add(read + " (read with Json.read)");
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError(holder.getSimpleName() + " does not register " + missing);
        }
    }

    /** The classes named on {@code holder}'s {@code @RegisterForReflection}, by class literal or by name. */
    public static Set<String> registered(Class<?> holder) {
        RegisterForReflection registration = holder.getAnnotation(RegisterForReflection.class);
        if (registration == null) {
            throw new AssertionError(holder + " has no @RegisterForReflection");
        }
        Set<String> names = new TreeSet<>(Set.of(registration.classNames()));
        for (Class<?> target : registration.targets()) {
            names.add(target.getName());
        }
        return names;
    }

    /**
     * The project's classes Jackson reflects on to read or write {@code root}: the record itself, its components'
     * records and enums, and those inside List, Map or Optional components, transitively.
     */
    public static Set<String> jsonClosure(Class<?> root) {
        Set<String> closure = new TreeSet<>();
        Deque<Type> todo = new ArrayDeque<>(Set.of(root));
        while (!todo.isEmpty()) {
            Type type = todo.pop();
            if (type instanceof ParameterizedType parameterized) {
                todo.addAll(Set.of(parameterized.getActualTypeArguments()));
                todo.push(parameterized.getRawType());
                continue;
            }
            if (!(type instanceof Class<?> c) || !c.getName().startsWith("io.rightsize.") || !closure.add(c.getName())) {
                continue;
            }
            if (c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    todo.push(component.getGenericType());
                }
            }
        }
        return closure;
    }

    /** Simple names of the classes a module's sources read with {@code Json.read(text, X.class)}. */
    public static Set<String> jsonReadTypes(Path sources) {
        Set<String> types = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = JSON_READ.matcher(Files.readString(file));
                while (m.find()) {
                    types.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }
}
