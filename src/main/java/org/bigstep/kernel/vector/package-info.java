/**
 * The SIMD kernel: one fused pass over the data per gradient-descent step on the Java Vector API
 * ({@code jdk.incubator.vector}); the only package that imports it. {@link org.bigstep.kernel.Kernels} loads
 * {@link org.bigstep.kernel.vector.VectorEvaluatorFactory} reflectively, so without the module the scalar
 * kernel runs and one warning says how to enable this one.
 *
 * <h2>Structure</h2>
 * <ul>
 *   <li>{@code VectorEvaluatorFactory}: entry point, {@code (int bitSize)} = -1 (preferred), 64, 128, 256, 512.
 *       d &lt;= 8 gets {@code ColumnEvaluator} (vectors across samples), larger d {@code BlockedEvaluator}.</li>
 *   <li>{@code BlockedEvaluator}: per block of samples, the register-tiled forward (broadcast form, W packed per
 *       step into strips one vector wide, 5 samples x 2 strips per tile; 10 x 2 with 32 vector registers),
 *       phi/phi'/margins/loss/derivative, and
 *       the gradient G += C^T X (5 neurons x 2 vectors of d per tile; 5 x 4 where the CPU has 32 vector registers,
 *       which on x86 comes with AVX-512, bit-identical to 5 x 2), X read from zero-padded column panels (or
 *       in place for m &lt;= 32, where widths that whole strips pad less than groups of 5, such as m = 16, take the
 *       gradient as G^T by strips, 5 coordinates x 2 strips per tile). Tiles sized for 16 registers (AVX2), the
 *       panel gradient's also for 32, and for what C2 compiles without spills.</li>
 *   <li>{@code ColumnEvaluator}: X copied once into columns; per group of L samples all m neurons.</li>
 *   <li>{@code ActivationRows}: phi and phi' of every activation, with exp, log1p and the GELU erfc as plain
 *       polynomials (deterministic on every JDK, no SVML dependence), on arrays: a vector passed to a call C2
 *       does not inline is allocated, so no method takes or returns one.</li>
 *   <li>{@code SpeciesTemplates}: each kernel class is defined again as a hidden class per vector width, with
 *       the species in a static final field (a species in an instance field ran about 50x slower).</li>
 * </ul>
 * The result for a sample range depends only on the range (never on the worker or thread count), so
 * {@link org.bigstep.kernel.PartitionedStepKernel} stays bit-identical for any number of threads. Nothing
 * is allocated per step once C2 has compiled the kernel (StepAllocationTest, a fresh JVM per case); scratch is per
 * worker and sized at construction. One exception (docs/PERFORMANCE-NOTES.md): in a JVM that has run kernels of
 * another width (the test suite runs 128, 256 and 512 bits), the JDK's Vector API methods, which every width
 * shares, carry profiles of both, and C2 may then leave their calls out of line and box every vector. {@code
 * Kernels} uses one width per JVM. A width wider than the CPU's registers runs without SIMD instructions and says
 * so once ({@link VectorEvaluatorFactory#caution()}).
 *
 * <h2>Targets (issue 3) and measured numbers</h2>
 * Targets: GEMM-bound shapes at &gt;= 75% of the measured single-core FMA peak per thread; 2 threads &gt;= 1.7x
 * one thread on them; activation-bound shapes faster than two GEMMs plus an elementwise pass; tiny d
 * (n=4096 d=2 m=32) &gt;= 5x the scalar kernel.
 *
 * <p>The numbers are in docs/PERFORMANCE.md (JMH, {@code bench/run}) and how to read them in docs/PERFORMANCE-NOTES.md.
 * On the current development machine (AMD EPYC family 25 model 17 under KVM, 2 cores, AVX-512, 16 float lanes, 32
 * vector registers) the FMA peak is 115 GFLOP/s per core ({@code CeilingBenchmark}; a C loop of 512-bit FMAs gives
 * 109-113), so 75% is about 86. Measured paired ({@code bench/compare --threads 1,2}, 2026-12-02), one thread runs the
 * GEMM-bound shapes at medians of 75-81 GFLOP/s (65-71%; best rounds up to 73%; the JDK 25 report: 64-70%): the 75%
 * target is not met. The forward tile on data in L1 runs at 93-97% of peak here; inside the step the tiles run at
 * about 83-94 GFLOP/s (a throwaway copy of the kernel that timed each phase) and the rest of the step costs 10-12%
 * ({@code bench/profile}). 2 threads give 1.71-1.96x one thread in the same runs (met). In the JMH reports the fused
 * step beats NumPy's two GEMMs on both activation-bound shapes (1.22-1.52x on one thread, JDK 17 and 25), and tiny d
 * runs at 40-43x the scalar kernel. On the earlier machine (Zen 3, AVX2, 8 lanes, 16 registers; peak about 100) the
 * step reached 38-62% of peak on one thread (the notes' later sections).
 *
 * <p>What was learned on the way, from the disassembly ({@code -XX:CompileCommand=print} with an hsdis plugin) and
 * from paired comparisons ({@code bench/compare}): C2 hoists a tile's broadcasts to the top of the loop body, so a
 * tile needs accumulators + loaded vectors + broadcasts registers, and the former 4x3 tile (19 of 16) spilled
 * accumulators, on JDK 25 inside the FMA dependency chain (half speed); 5x2 tiles compile cleanly on JDK 17 and 25;
 * on that machine the remaining gap was loop overhead (C2 does not unroll these loops; unrolling by hand made it
 * spill) and the memory system, shared with other tenants on the VM.
 */
package org.bigstep.kernel.vector;
