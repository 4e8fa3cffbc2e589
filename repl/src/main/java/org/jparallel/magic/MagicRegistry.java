package org.jparallel.magic;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jparallel.magic.builtin.CaptureMagic;
import org.jparallel.magic.builtin.EnvMagic;
import org.jparallel.magic.builtin.JarsMagic;
import org.jparallel.magic.builtin.LoadMagic;
import org.jparallel.magic.builtin.LsMagic;
import org.jparallel.magic.builtin.MimeCellMagic;
import org.jparallel.magic.builtin.ShellEnvironment;
import org.jparallel.magic.builtin.ShellMagic;
import org.jparallel.magic.builtin.TimeMagic;
import org.jparallel.magic.builtin.TimeitMagic;
import org.jparallel.magic.builtin.VariablesMagic;
import org.jparallel.magic.builtin.WriteFileMagic;

/**
 * The magics a kernel knows, by name: the one visible place where they are registered.
 *
 * <pre>{@code
 * MagicRegistry magics = MagicRegistry.builtins(Set.of("Out"))   // %time, %jars, %who, ...
 *         .register(new MavenMagic());
 * }</pre>
 */
public final class MagicRegistry {
    // Sorted for listings; concurrent since an activated view adds magics while completion may list them.
    private final Map<String, Magic> byName = new ConcurrentSkipListMap<>();

    /**
     * The magics every session has, the kernel's and each engine's: {@code %lsmagic}, {@code %time},
     * {@code %timeit}, {@code %jars} (and IJava's {@code %classpath}), {@code %load}, {@code %%writefile},
     * {@code %%capture}, {@code %who}, {@code %whos}, {@code %%html} and the other display cells, {@code %sh},
     * {@code %%bash}, {@code %env}.
     *
     * @param ownVariables variables the session defines for itself, which {@code %who} leaves out
     */
    public static MagicRegistry builtins(Set<String> ownVariables) {
        JarsMagic jars = new JarsMagic();
        MagicRegistry registry = new MagicRegistry().register(new LsMagic()).register(new TimeMagic())
                .register(new TimeitMagic()).register(jars).register(Magic.alias("classpath", jars))
                .register(new LoadMagic()).register(new WriteFileMagic()).register(new CaptureMagic())
                .register(VariablesMagic.who(ownVariables))
                .register(VariablesMagic.whos(ownVariables));
        MimeCellMagic.all().forEach(registry::register);
        ShellEnvironment environment = new ShellEnvironment();
        registry.register(new EnvMagic(environment));
        ShellMagic.all(environment).forEach(registry::register);
        return registry;
    }

    /** Adds a magic; a later magic of the same name replaces the earlier one. */
    public MagicRegistry register(Magic magic) {
        byName.put(magic.name(), magic);
        return this;
    }

    public Optional<Magic> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<Magic> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    /** The names as typed, e.g. {@code %jars %lsmagic %%time %time}, for listings and errors. */
    public String listing(MagicKind kind) {
        StringBuilder out = new StringBuilder();
        for (Magic magic : byName.values()) {
            if (magic.kinds().contains(kind)) {
                out.append(out.length() == 0 ? "" : "  ").append(kind.prefix()).append(magic.name());
            }
        }
        return out.toString();
    }
}
