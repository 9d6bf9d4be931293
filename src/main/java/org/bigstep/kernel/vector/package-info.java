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
 *   <li>{@code BlockedEvaluator}: register-tiled forward (broadcast form, W packed per step into strips one
 *       vector wide), phi/phi'/margins/loss/derivative per block in registers and L1, gradient G += C^T X
 *       over superblocks from packed X panels. Tiles sized for 16 registers (AVX2).</li>
 *   <li>{@code ColumnEvaluator}: X copied once into columns; per group of L samples all m neurons.</li>
 *   <li>{@code ActivationRows}: phi and phi' of every activation; {@code VectorMath}: exp, log1p, the GELU
 *       erfc, as plain polynomials (deterministic on every JDK, no SVML dependence).</li>
 *   <li>{@code SpeciesTemplates}: each kernel class is defined again as a hidden class per vector width, with
 *       the species in a static final field (a species in an instance field ran about 50x slower).</li>
 * </ul>
 * The result for a sample range depends only on the range (never on the worker or thread count), so
 * {@link org.bigstep.kernel.PartitionedStepKernel} stays bit-identical for any number of threads. Nothing
 * is allocated per step; scratch is per worker and sized at construction.
 *
 * <h2>Targets (issue 3) and measured numbers</h2>
 * Targets: GEMM-bound shapes at &gt;= 75% of the measured single-core FMA peak per thread; 2 threads &gt;= 1.7x
 * one thread on them; activation-bound shapes faster than two GEMMs plus an elementwise pass; tiny d
 * (n=4096 d=2 m=32) &gt;= 5x the scalar kernel.
 *
 * <p>Machine: AMD EPYC Zen 3 (family 25 model 1) under KVM, 2 cores, AVX2 + FMA, no AVX-512, 8 float lanes,
 * 16 ymm registers. FMA peak measured from Java (12 independent 256-bit FMA chains, 1.2e9 FMAs):
 * <b>about 64 GFLOP/s on one core</b> (runs 60-67), about 115 GFLOP/s on two. So 75% of peak = 48 GFLOP/s
 * per thread.
 *
 * <p>The authoritative numbers are the JMH ones in docs/PERFORMANCE.md ({@code bench/run}, quiet machine);
 * the table below is the development record that guided tuning, taken while other jobs shared the machine.
 * <p>ms per step and GFLOP/s (4 n d m flops per step), GELU, 1 thread / 2 threads, preferred width (256 bits),
 * measured with a temporary harness (PartitionedStepKernel.evaluate in a loop after 8 s of warm-up (14 s for
 * the largest shape), 4 s measured; {@code java --add-modules jdk.incubator.vector -cp target/classes:.
 * StepBench n d m gelu THREADS -1 8 4}); scalar columns from an earlier run of the same harness with
 * {@code scalar} (1-2 s warm-up). <b>Preliminary</b>: other sessions' builds and tests shared the 2 cores
 * (load average 1.5-2.5 during the final run, 2-5 earlier), so the 2-thread numbers in particular are low
 * and noisy (where the main thread's CPU time per step was far below the wall time, the second core was busy
 * elsewhere: marked *); the JMH benchmarks in bench/ are the reference.
 * <pre>
 * shape n d m            JDK 17 vector       JDK 25 vector       JDK 17 scalar
 *                        1 thr    2 thr      1 thr    2 thr      1 thr    2 thr
 * 1024 3072 256   ms      82.8     41.0      124.8     69.1      1190      641
 *                 GF/s    38.9     78.5       25.8     46.6       2.7      5.0
 * 16384 784 1024  ms      1129      824       2001     2003*    21913    11366
 *                 GF/s    46.6     63.9       26.3     26.3*      2.4      4.6
 * 1024 3072 16    ms      5.77     7.98*      8.67     8.82*     80.2     45.4
 *                 GF/s    34.9     25.2*      23.2     22.8*      2.5      4.4
 * 8192 784 128    ms      77.1     86.9*     104.4    106.3*     1270      707
 *                 GF/s    42.7     37.8*      31.5     30.9*      2.6      4.7
 * 4096 2 32       ms     0.626    0.438      0.449    0.414      17.3     8.97
 * 6000 784 40     ms      18.4     11.2       24.6     13.9       331      149
 *                 GF/s    40.9     67.1       30.6     54.1       2.3      5.1
 * 6000 3072 40    ms      81.9     55.3      124.6     63.6      1161      590
 *                 GF/s    36.0     53.4       23.7     46.4       2.5      5.0
 * </pre>
 * Against the targets: GEMM-bound shapes on one JDK 17 thread reach 46.6 GFLOP/s (73% of the 64 GFLOP/s
 * peak, 16384x784x1024) and 38.9-39.6 (61-62%, 1024x3072x256); short of 75%. Two threads: 1.9-2.0x on
 * 1024x3072x256 (78.5 GFLOP/s); the other 2-thread figures are distorted by the shared machine. Tiny d
 * (4096x2x32): 28x the scalar kernel with GELU; with the cheapest activation, relu, 0.32 vs 2.19 ms (6.9x);
 * leaky-softplus 0.60 vs 9.02 ms (15x). JDK 25 ran 25-45% slower than JDK 17 on one thread (not understood
 * yet). Tuning findings on this machine: forward 4x3 tiles; backward tiles 4x3, 6x2 and 12x1 measured the
 * same; the forward unchunked when the W panel fits L2 (d = 784: +15%) and in 256-column chunks otherwise
 * (d = 3072: +20%); packed X panels for the gradient pass (+35%); a short remainder folded into the last
 * superblock (1024x3072x256: +30%); the loss and logistic derivative in vectors for tiny d (-40% step time).
 */
package org.bigstep.kernel.vector;
