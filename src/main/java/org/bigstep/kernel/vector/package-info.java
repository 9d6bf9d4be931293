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
 *       step into strips one vector wide, 5 samples x 2 strips per tile), phi/phi'/margins/loss/derivative, and
 *       the gradient G += C^T X (5 neurons x 2 vectors of d per tile), X read from zero-padded column panels (or
 *       in place for m &lt;= 32, where widths that whole strips pad less than groups of 5, such as m = 16, take the
 *       gradient as G^T by strips, 5 coordinates x 2 strips per tile). Tiles sized for 16 registers (AVX2) and for
 *       what C2 compiles without spills.</li>
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
 * On the development machine (AMD EPYC Zen 3 under KVM, 2 cores, AVX2 + FMA, no AVX-512, 8 float lanes, 16 ymm
 * registers) the FMA peak is about 100 GFLOP/s per core (CeilingBenchmark, 12 accumulate-form chains; 103 as the best
 * of many runs). The fused step reaches about 38-62% of it on one thread on the GEMM-bound shapes (medians of the
 * reports of 09:10, 12:52, 14:00, 15:46-16:14 and 18:42-19:15 UTC, 2026-11-28); the 75% target is not met. 85-90%
 * of a step is in the two tile loops ({@code bench/profile}), and a copy of the forward tile's loop on data in L1
 * ({@code CeilingBenchmark.tile1}) runs at 65-85% of peak on JDK 25 and 62-70% on JDK 17, depending on the minute:
 * C2's index arithmetic in the loop (24 and 32 instructions per 10 FMAs) bounds it before the FMA pipes do.
 * Measured paired (one build's 1- and 2-thread kernels alternating in one JVM, {@code bench/compare --threads
 * 1,2}), 2 threads give 1.71-1.83x one thread on the GEMM-bound shapes in runs of 60 rounds (1.72-1.99x in
 * earlier runs of 16; one run of 12 gave 1.54x): the target is met, narrowly. Against NumPy's two GEMMs plus
 * elementwise passes, paired in time
 * ({@code bench/versus}), the fused step is faster on both activation-bound shapes on JDK 25 (1.09-1.23x on one
 * thread); on JDK 17 with one thread it was slower in two runs and faster in two others (0.91-1.19x), depending on
 * the minute (1.21x on two threads). Tiny d: 24-38x the scalar kernel.
 *
 * <p>What was learned on the way, from the disassembly ({@code -XX:CompileCommand=print} with an hsdis plugin) and
 * from paired comparisons ({@code bench/compare}): C2 hoists a tile's broadcasts to the top of the loop body, so a
 * tile needs accumulators + loaded vectors + broadcasts registers, and the former 4x3 tile (19 of 16) spilled
 * accumulators, on JDK 25 inside the FMA dependency chain (half speed); 5x2 tiles compile cleanly on JDK 17 and 25;
 * the remaining gap is loop overhead (C2 does not unroll these loops; unrolling by hand made it spill) and the memory
 * system, shared with other tenants on this VM.
 */
package org.bigstep.kernel.vector;
