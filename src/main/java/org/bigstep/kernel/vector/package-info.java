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
 * On the current development machine (AMD EPYC family 26 model 2 under KVM, a Zen 5 core, 2 cores, AVX-512, 16
 * float lanes, 32 vector registers, two 512-bit FMA pipes) the FMA peak is 202-208 GFLOP/s per core ({@code
 * CeilingBenchmark}), so 75% is about 153-156. One thread runs the GEMM-bound steps at 73.7% and 74.4%
 * (1024x3072x256) and 80.0% and 66.7% (16384x784x1024) of peak in the two JDK 17 reports of the evening (61.8-74.9% in
 * the afternoon's two), 72.5% and 83.1% in the evening's JDK 25 report (72.4% and 71.0% in the afternoon's), and 75.0%
 * and 77.9% in a JDK 25 JMH rerun (2026-12-02, 95fd209). Its two tile loops run at 94-96% of the peak; the rest is passes that move memory: at the line. 2 threads
 * give 1.57-1.92x one thread in the reports (single runs swing that much on this VM). The fused step beats NumPy's two
 * GEMMs on both activation-bound shapes (1.1-3.0x, JDK 17 and 25, 1 and 2 threads), and tiny d runs at 53x the scalar
 * kernel. On the earlier machines: Zen 4-class (one 512-bit FMA per cycle, peak 115) 62-73%; Zen 3 (AVX2, peak
 * about 100) 38-62%.
 *
 * <p>What was learned on the way, from the disassembly ({@code -XX:CompileCommand=print} with an hsdis plugin) and
 * from paired comparisons ({@code bench/compare}): C2 hoists a tile's broadcasts to the top of the loop body, so a
 * tile needs accumulators + loaded vectors + broadcasts registers, and the former 4x3 tile (19 of 16) spilled
 * accumulators, on JDK 25 inside the FMA dependency chain (half speed); 5x2 tiles compile cleanly on JDK 17 and 25;
 * on that machine the remaining gap was loop overhead (C2 does not unroll these loops; unrolling by hand made it
 * spill) and the memory system, shared with other tenants on the VM.
 */
package org.bigstep.kernel.vector;
