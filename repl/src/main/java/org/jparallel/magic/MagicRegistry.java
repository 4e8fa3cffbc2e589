package org.jparallel.magic;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The magics a kernel knows, by name: the one visible place where they are registered.
 *
 * <pre>{@code
 * MagicRegistry magics = new MagicRegistry()
 *         .register(new TimeMagic())
 *         .register(new JarsMagic());
 * }</pre>
 */
public final class MagicRegistry {
    private final Map<String, Magic> byName = new TreeMap<>();

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
