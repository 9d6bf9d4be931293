package org.bigstep.kernel.vector;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.bigstep.activation.Activation;
import org.bigstep.activation.Activations;
import org.bigstep.kernel.KernelSpec;
import org.bigstep.kernel.Kernels;
import org.bigstep.kernel.RangeEvaluator;

/**
 * The vector kernel's entry point, loaded reflectively by {@link org.bigstep.kernel.Kernels} through the
 * public {@code (int bitSize)} constructor: -1 for the platform's preferred width, or 64, 128, 256, 512.
 * Data with d up to {@link #COLUMN_MAX_D} get the across-samples {@link ColumnEvaluator}, the rest the
 * register-tiled {@link BlockedEvaluator}.
 */
public final class VectorEvaluatorFactory implements RangeEvaluator.Factory {

    /** Up to this d, vectors run across samples (a vector along d would be mostly padding). */
    public static final int COLUMN_MAX_D = 8;

    private final VectorSpecies<Float> species;
    private final boolean wideTiles;
    /** d from which the blocked evaluator's wide tiles transpose the forward. */
    private final int transposedMinD;
    /** Whether the blocked evaluator may pack X into panels once, rather than each block each step. */
    private final boolean packOnce;
    /** Whether the blocked evaluator's 16-register gradient tile runs by runs of samples. */
    private final boolean rowRuns;
    private final String caution;
    private final MethodHandle activationRows;
    private final MethodHandle blocked;
    private final MethodHandle column;

    public VectorEvaluatorFactory(int bitSize) {
        this(bitSize, FloatVector.SPECIES_MAX.vectorBitSize() >= 512);
    }

    /**
     * {@code wideTiles}: register tiles sized for 32 vector registers, which an x86 CPU has exactly when it has
     * 512-bit vectors (AVX-512), whatever width the kernel then uses; tests force either choice.
     */
    VectorEvaluatorFactory(int bitSize, boolean wideTiles) {
        this(bitSize, wideTiles, BlockedEvaluator.TRANSPOSED_MIN_D);
    }

    /**
     * {@code transposedMinD}: d from which the wide tiles' forward runs transposed, on a copy of X^T of at most a
     * quarter of the heap (X itself takes as much). Both forwards give bit-identical results, so this changes speed
     * and memory only; tests force either (1 or {@link Integer#MAX_VALUE}) and compare them.
     */
    VectorEvaluatorFactory(int bitSize, boolean wideTiles, int transposedMinD) {
        this(bitSize, wideTiles, transposedMinD, true);
    }

    /**
     * {@code packOnce}: where the forward is transposed, X is also packed into panels once, where that copy fits the
     * same quarter of the heap beside X^T, instead of each block into scratch each step. The same panels either
     * way, so this too changes speed and memory only; tests force both and compare them.
     */
    VectorEvaluatorFactory(int bitSize, boolean wideTiles, int transposedMinD, boolean packOnce) {
        this(bitSize, wideTiles, transposedMinD, packOnce, BlockedEvaluator.ROW_RUNS);
    }

    /**
     * {@code rowRuns}: the gradient tile for 16 registers in runs of samples, the form later JDKs than 17 compile
     * without a spill ({@link BlockedEvaluator#ROW_RUN}). The same sums in the same order; tests force both.
     */
    VectorEvaluatorFactory(int bitSize, boolean wideTiles, int transposedMinD, boolean packOnce, boolean rowRuns) {
        this.wideTiles = wideTiles;
        this.transposedMinD = transposedMinD;
        this.packOnce = packOnce;
        this.rowRuns = rowRuns;
        if (bitSize == -1) {
            species = FloatVector.SPECIES_PREFERRED;
        } else if (bitSize == 64 || bitSize == 128 || bitSize == 256 || bitSize == 512) {
            species = VectorSpecies.of(float.class, VectorShape.forBitSize(bitSize));
        } else {
            throw new IllegalArgumentException("vector bit size: expected -1, 64, 128, 256 or 512, found " + bitSize);
        }
        // wider than the CPU's registers, the Vector API runs every operation in Java, boxing each vector (2000 x
        // 200 x 64 on AVX2, ./bigstep train: 11 steps/s at 512 bits against 103 at 256)
        int widest = FloatVector.SPECIES_MAX.vectorBitSize();
        this.caution = species.vectorBitSize() <= widest ? "" : species.vectorBitSize() + "-bit vectors are wider "
                + "than the " + widest + " bits of this CPU's SIMD registers: the vector kernel then runs without "
                + "SIMD instructions, many times slower; set -D" + Kernels.BIT_SIZE_PROPERTY + "=" + widest
                + " or leave it unset";
        MethodType evaluator = MethodType.methodType(void.class, KernelSpec.class, int.class, RowActivation.class);
        this.activationRows = constructor(ActivationRows.class, MethodType.methodType(void.class, Activation.class));
        this.blocked = constructor(BlockedEvaluator.class,
                evaluator.appendParameterTypes(boolean.class, int.class, long.class, boolean.class, boolean.class));
        this.column = constructor(ColumnEvaluator.class, evaluator.appendParameterTypes(RowActivation.class, RowActivation.class));
    }

    private MethodHandle constructor(Class<?> template, MethodType type) {
        MethodHandles.Lookup lookup = SpeciesTemplates.define(template, species);
        try {
            return lookup.findConstructor(lookup.lookupClass(), type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no constructor " + type + " in " + template.getName(), e);
        }
    }

    @Override
    public RangeEvaluator create(KernelSpec spec, int workers) {
        try {
            RowActivation rows = (RowActivation) activationRows.invoke(spec.activation());
            if (spec.data().dimension() <= COLUMN_MAX_D) {
                // the logistic loss is softplus(-q) and its derivative -sigmoid(-q): the same vector code
                RowActivation sigmoid = (RowActivation) activationRows.invoke(Activations.parse("sigmoid"));
                RowActivation softplus = (RowActivation) activationRows.invoke(Activations.parse("softplus"));
                return (RangeEvaluator) column.invoke(spec, workers, rows, sigmoid, softplus);
            }
            long bound = Runtime.getRuntime().maxMemory() / 4;
            return (RangeEvaluator) blocked.invoke(spec, workers, rows, wideTiles, transposedMinD, bound, packOnce,
                    rowRuns);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int vectorBits() {
        return species.vectorBitSize();
    }

    @Override
    public String caution() {
        return caution;
    }

    /** Whether the blocked evaluator uses the register tiles sized for 32 vector registers. */
    boolean wideTiles() {
        return wideTiles;
    }

    @Override
    public String toString() {
        return "vector kernel, " + species.vectorBitSize() + " bits (" + species.length() + " float lanes), tiles for "
                + (wideTiles ? 32 : 16) + " vector registers";
    }
}
