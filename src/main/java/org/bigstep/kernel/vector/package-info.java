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
 *       step into strips one vector wide, 5 samples x 2 strips per tile; 10 x 2 with 32 vector registers, and
 *       there from d = 2048 (from 768 where strips pad m by 15% more than groups of 5, as m = 40 does) in the
 *       gradient's form on a copy of X^T, 5 neurons x 4 vectors of samples, with
 *       bit-identical z),
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
 * The current reports (kernel of 5c4471d, 2026-12-08) ran on an Intel Xeon VM (family 6 model 167 under KVM,
 * AVX-512, 16 float lanes, 32 vector registers, L1d 48 KiB and L2 2 MiB per core, FMA peak 205-221 GFLOP/s per core).
 * There one thread runs 1024x3072x256 at 53.9% and 16384x784x1024 at 54.7% of the peak on JDK 25, and at 47.3% and
 * 51.2% on JDK 17 (earlier reports of the kernel of ff83cd9: 44.9-57.7%), far below the line; 2 threads give
 * 1.87-2.06x one thread (1.90-1.99x paired); the activation-bound shapes beat NumPy's two GEMMs on one thread and
 * tiny d runs at 35-75x the scalar kernel. The line is also above what tuned native SGEMM reaches there: OpenBLAS 0.3.21 (its AVX-512
 * kernels) and BLIS 0.9.0 (forced to its AVX-512 kernels) run the step's two products alone, with no activation or
 * update, at 63-72% of the peak ({@code bench/versus --impl gemm}, the reports' section on the BLAS, and a throwaway
 * C program for BLIS), and the whole fused step takes 1.18-1.53x their time.
 * {@code bench/tiles} runs the two tile loops as C2 compiles them and as gcc does ({@code bench/native/tiles.c}, a
 * diagnostic outside the engine, 2026-12-07, figures after 45f9bae): gcc's reach 79-87% of the peak with their
 * data in L1 and 66-72% in a step's data pattern; C2's, on JDK 17, 74-81% and 59-68% (JDK 25: 62-64% and 50-55%,
 * but there the copy's gradient loop moves X's address through a vector register, the kernel's does not).
 * So there even native code with these tiles would not put a step over the line (a step spends about 15% of its
 * time outside them). On JDK 17 C2's gradient tile is within 1-5 points of gcc's in a step's pattern and its
 * forward tile 6-11 points behind. The scalar instructions C2 leaves in the loops (13 per 20 FMAs in the gradient,
 * 22 in the forward, against gcc's 4-5) cost gcc's loops 1-5 points when added to them ({@code bench/tiles
 * c2work}), so they are a small part of that; removing them still paid in the step: the transposed forward's loop
 * counts one index and reads each array at a power-of-two multiple of it plus a constant, which C2's range-check
 * elimination takes ({@code BlockedEvaluator.wt}: 1024x3072x256 +9%); the panel gradient tile's loop counts X's
 * index and C^T's beside it (no check of X, two of C^T, 13 scalar instructions instead of 17: +4% to +6% on the
 * GEMM-bound shapes).
 * Vectors of the large copies start on cache lines there ({@code BlockedEvaluator.ALIGN_BASE}): with its loads
 * split across two lines, the forward tile's loop ran 19-22% slower from L2.
 * The reports before them (kernel of 288baff, the same VM, 2026-12-07: 45.1% and 53.4% on JDK 17, 55.9% and 56.2%
 * on JDK 25; of b9a4f75: 44.9% and 51.4%, 47.7% and 57.3%) are in git history, and so are those of the kernel of
 * 05901b8 (2026-12-04), which ran on the Zen 3-class VM of the next paragraph. The JDK 17 one, in a quiet hour,
 * has both GEMM-bound shapes over the line on one thread: 1024x3072x256 at 75.2% and
 * 16384x784x1024 at 77.6% of the FMA peak measured in the same run (99.9 GFLOP/s); 2 threads 1.21x and 1.88x one
 * thread, where paired runs of the same build gave 1.78-1.90x at 1024x3072x256 in quiet minutes and 1.31x in busy
 * ones. The JDK 25 one ran in busier minutes (66.0% and 59.0%; 1.33x and 1.82x). The fused step beats NumPy on both
 * activation-bound shapes on one thread on both JDKs, and tiny d runs at 26-33x the scalar kernel.
 * The reports before those (kernel of 4893c3f, 2026-12-03) ran on a Zen 4-class VM (AMD EPYC family 25 model 17
 * under KVM, 2 cores, AVX-512 on 256-bit pipes, 16 float lanes, 32 vector registers), FMA peak 114-116 GFLOP/s per core
 * ({@code CeilingBenchmark}), so 75% is about 86. There one thread ran the GEMM-bound steps at 69.9% (JDK 17) and 76.6%
 * (JDK 25) of peak at 1024x3072x256, 67.3% and 72.1% at 16384x784x1024; a JMH run of those shapes alone 72% and
 * 72.7% (JDK 17, in a slow minute). The tile loops run at 84-90% of the peak ({@code bench/profile}); the rest of
 * the step is passes that move memory (packing X, the reduction, the activation): near the line, not over it on
 * every run. 2 threads give 1.57-2.01x one thread (the
 * 1.57x in a slow spell; JMH 1.79-1.95x). The fused step beats NumPy's two GEMMs on both activation-bound shapes,
 * and tiny d runs at 35-51x the scalar kernel. On the Zen 5-class VMs of 2026-12-02 (two 512-bit FMA pipes, peak
 * 202-208; kernel of 95fd209): 73.7% and 74.4% (1024x3072x256) and 80.0% and 66.7% (16384x784x1024) in the JDK 17
 * reports, 72.5% and 83.1% on JDK 25; on the Zen 3 machine of the first weeks (AVX2, peak about 100) 38-62%.
 *
 * <p>On a Zen 3-class VM of 2026-12-03 (AVX2, 8 float lanes, 16 vector registers, FMA peak 100-103 GFLOP/s per
 * core), where the tiles for 16 registers run: pinned to one core ({@code taskset -c 1}), JMH gives 16384x784x1024
 * 71.5% (JDK 17) and 72.0% (JDK 25) of peak and 1024x3072x256 60.3% and 59.2%; {@code bench/compare} in quiet
 * minutes 61-73% on both. JDK 25 ran these shapes at 42-44 GFLOP/s until fae8e5c (its C2 spilled an accumulator of
 * the gradient tile, see {@code BlockedEvaluator.ROW_RUN}). The two tile loops take about 90% of a step and run at
 * 66-81% of peak there, while the forward tile's loop with its data in L1 ran at 75-87% ({@code
 * CeilingBenchmark.tile1}, 76-89 GFLOP/s): on 16 registers what is missing to the 75% line is mostly the data's way
 * through the caches, and on JDK 17 31-36 instructions per 10 FMAs in the tile loops.
 *
 * <p>What was learned on the way, from the disassembly ({@code -XX:CompileCommand=print} with an hsdis plugin) and
 * from paired comparisons ({@code bench/compare}): C2 hoists a tile's broadcasts to the top of the loop body, so a
 * tile needs accumulators + loaded vectors + broadcasts registers, and the former 4x3 tile (19 of 16) spilled
 * accumulators, on JDK 25 inside the FMA dependency chain (half speed); 5x2 tiles compile cleanly on JDK 17 and 25;
 * on that machine the remaining gap was loop overhead (C2 does not unroll these loops; unrolling by hand made it
 * spill) and the memory system, shared with other tenants on the VM.
 */
package org.bigstep.kernel.vector;
