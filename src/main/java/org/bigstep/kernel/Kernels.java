package org.bigstep.kernel;

import java.lang.reflect.Constructor;

/**
 * Chooses and builds kernels (the provider pattern of Lucene's vectorization package).
 *
 * <p>The vector kernel lives in {@code org.bigstep.kernel.vector}, the only package that imports
 * {@code jdk.incubator.vector}; it is loaded reflectively, so without the module this class and the
 * scalar kernel still work, and one warning says how to enable the fast path.
 *
 * <p>System properties: {@code bigstep.vectorBitSize=0|128|256|512} forces a width (0 = scalar);
 * {@code bigstep.requireKernel=vector} makes {@link KernelChoice#AUTO} fail instead of falling back,
 * so that CI notices a silent loss of the fast path.
 */
public final class Kernels {

    public static final String VECTOR_MODULE = "jdk.incubator.vector";
    public static final String BIT_SIZE_PROPERTY = "bigstep.vectorBitSize";
    public static final String REQUIRE_PROPERTY = "bigstep.requireKernel";
    static final String VECTOR_FACTORY = "org.bigstep.kernel.vector.VectorEvaluatorFactory";

    private static final System.Logger LOG = System.getLogger(Kernels.class.getName());
    private static final Object LOCK = new Object();
    private static volatile Availability availability;
    private static boolean warned;

    private Kernels() {
    }

    /** Whether the vector kernel can run here, at which width, and if not why not. */
    public record Availability(RangeEvaluator.Factory vectorFactory, String reason) {
        public boolean vector() {
            return vectorFactory != null;
        }

        public int vectorBits() {
            return vectorFactory == null ? 0 : vectorFactory.vectorBits();
        }

        /** The vector factory's {@link RangeEvaluator.Factory#caution()}, or empty. */
        public String caution() {
            return vectorFactory == null ? "" : vectorFactory.caution();
        }
    }

    /** Builds the kernel for {@code spec}. */
    public static StepKernel create(KernelSpec spec, KernelChoice choice) {
        return new PartitionedStepKernel(spec, factory(choice));
    }

    /** The evaluator factory {@code choice} resolves to here. */
    public static RangeEvaluator.Factory factory(KernelChoice choice) {
        Availability a = availability();
        switch (choice) {
            case SCALAR:
                return ScalarEvaluator.FACTORY;
            case VECTOR:
                if (!a.vector()) {
                    throw new IllegalStateException("the vector kernel is not available: " + a.reason());
                }
                return a.vectorFactory();
            default:
                if (a.vector()) {
                    return a.vectorFactory();
                }
                if ("vector".equalsIgnoreCase(System.getProperty(REQUIRE_PROPERTY, ""))) {
                    throw new IllegalStateException(REQUIRE_PROPERTY + "=vector but the vector kernel is not available: " + a.reason());
                }
                warnOnce(a.reason());
                return ScalarEvaluator.FACTORY;
        }
    }

    /** The name of the kernel {@code choice} resolves to ("scalar" or "vector") without building one. */
    public static String resolvedName(KernelChoice choice) {
        return factory(choice).name();
    }

    public static Availability availability() {
        Availability a = availability;
        if (a == null) {
            synchronized (LOCK) {
                a = availability;
                if (a == null) {
                    a = probe();
                    availability = a;
                }
            }
        }
        return a;
    }

    /** The requested vector width in bits: the property if set, else -1 for the platform's preferred width. */
    public static int requestedBitSize() {
        String v = System.getProperty(BIT_SIZE_PROPERTY);
        if (v == null || v.isBlank()) {
            return -1;
        }
        try {
            int bits = Integer.parseInt(v.trim());
            if (bits == 0 || bits == 64 || bits == 128 || bits == 256 || bits == 512) {
                return bits;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(BIT_SIZE_PROPERTY + ": expected 0, 128, 256 or 512, found '" + v + "'");
    }

    private static Availability probe() {
        int bits = requestedBitSize();
        if (bits == 0) {
            return new Availability(null, BIT_SIZE_PROPERTY + "=0 forces the scalar kernel");
        }
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return new Availability(null, "the " + VECTOR_MODULE + " module is not loaded; pass --add-modules "
                    + VECTOR_MODULE + " to java (the ./bigstep launcher does) to enable the vector kernel");
        }
        try {
            Class<?> c = Class.forName(VECTOR_FACTORY);
            Constructor<?> ctor = c.getDeclaredConstructor(int.class);
            RangeEvaluator.Factory f = (RangeEvaluator.Factory) ctor.newInstance(bits);
            if (!f.caution().isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, f.caution()); // probe runs once per JVM
            }
            return new Availability(f, "");
        } catch (ClassNotFoundException e) {
            return new Availability(null, "this build has no vector kernel (" + VECTOR_FACTORY + " missing)");
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Availability(null, "the vector kernel failed to load: " + cause);
        }
    }

    private static void warnOnce(String reason) {
        synchronized (LOCK) {
            if (!warned) {
                warned = true;
                LOG.log(System.Logger.Level.WARNING, "using the scalar kernel: " + reason);
            }
        }
    }
}
