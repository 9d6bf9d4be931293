package org.bigstep.kernel.vector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.ConcurrentHashMap;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Gives each vector width its own copy of a kernel class, with the species in a {@code static final} field.
 *
 * <p>Why: C2 intrinsifies Vector API calls only when the species is a compile-time constant; a species in an
 * instance field made the forward tile about 50x slower (measured 0.4 vs 22 GFLOP/s). Lucene and llama3.java
 * fix one width per JVM for this reason; here a {@link org.bigstep.kernel.RangeEvaluator.Factory} must serve any width on demand
 * (tests run 128, 256 and 512 bits in one JVM), so each template class is defined again as a hidden class per
 * width, with the species as its class data, read back into a static final field by the template's
 * {@code <clinit>}. Each copy also gets its own JIT profiles, so widths never pollute each other.
 */
final class SpeciesTemplates {

    private static final ConcurrentHashMap<String, MethodHandles.Lookup> DEFINED = new ConcurrentHashMap<>();

    private SpeciesTemplates() {
    }

    /** A lookup on {@code template} defined again (once per width) with {@code species} as its class data. */
    static MethodHandles.Lookup define(Class<?> template, VectorSpecies<Float> species) {
        String key = template.getName() + "@" + species.vectorBitSize();
        return DEFINED.computeIfAbsent(key, k -> {
            try {
                return MethodHandles.lookup().defineHiddenClassWithClassData(bytes(template), species, true);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot define " + k, e);
            }
        });
    }

    /** The species a template copy was defined with; the preferred one when loaded as an ordinary class. */
    @SuppressWarnings("unchecked")
    static VectorSpecies<Float> species(MethodHandles.Lookup self) {
        try {
            VectorSpecies<Float> s = MethodHandles.classData(self, "_", VectorSpecies.class);
            return s != null ? s : FloatVector.SPECIES_PREFERRED;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Class<?> template) {
        String resource = template.getSimpleName() + ".class";
        try (InputStream in = template.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class file " + resource + " not found next to " + template.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
