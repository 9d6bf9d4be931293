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
 * <p>ms per step and GFLOP/s (4 n d m flops per step), GELU, 1 thread / 2 threads, preferred width (256 bits),
 * measured with a temporary harness (PartitionedStepKernel.evaluate in a loop after 6 s of warm-up, 4 s
 * measured; {@code java --add-modules jdk.incubator.vector -cp target/classes:. StepBench n d m gelu T -1 6 4}).
 * <b>Preliminary</b>: other sessions' builds and tests shared the 2 cores during the runs (load average 2-5),
 * so the 2-thread numbers in particular are low and noisy; the JMH benchmarks in bench/ are the reference.
 * <pre>
 * shape n d m          JDK 17 vector      JDK 25 vector      JDK 17 scalar
 *                      1 thr    2 thr     1 thr    2 thr     1 thr    2 thr
 * 1024 3072 256  ms    100.8     94.4     132.0     68.1     1190      641
 *                GF/s   31.9     34.1      24.4     47.3      2.7      5.0
 * 16384 784 1024 ms     1135      802      1860      910    21913    11366
 *                GF/s   46.4     65.6      28.3     57.8      2.4      4.6
 * 1024 3072 16   ms     6.59     5.36      6.53     5.00     80.2     45.4
 *                GF/s   30.5     37.6      30.8     40.3      2.5      4.4
 * 8192 784 128   ms     79.4     50.8     100.8     50.6     1270      707
 *                GF/s   41.4     64.8      32.6     64.9      2.6      4.7
 * 4096 2 32      ms    0.542    0.442     0.454      -       17.3     8.97
 * 6000 784 40    ms     16.4     10.7      23.7     13.3      331      149
 *                GF/s   45.9     70.3      31.7     56.7      2.3      5.1
 * 6000 3072 40   ms     62.5     53.0     107.5      -       1161      590
 *                GF/s   47.2     55.7      27.4      -        2.5      5.0
 * </pre>
 * Against the targets: the GEMM-bound shapes reach 46 GFLOP/s (72% of peak, 16384x784x1024) and 32-52
 * GFLOP/s (50-80%, 1024x3072x256, by run; the lower value above was taken under load) on one JDK 17 thread;
 * n=480 d=3072 m=256 measured 41-52 GFLOP/s on a quieter machine. Tiny d: 32x the scalar kernel with GELU,
 * and with the cheapest activation (relu) 0.28 vs 1.92 ms (6.9x); leaky-softplus 0.53 vs 10.1 ms (19x).
 * JDK 25 ran 10-40% slower than JDK 17 on one thread in these runs (not understood yet; warm-up of the
 * largest shapes was short). Tuning findings on this machine: forward 4x3 tiles; backward tiles 4x3, 6x2
 * and 12x1 measured the same; the forward unchunked when the W panel fits L2 (d = 784: +15%) and in
 * 256-column chunks otherwise (d = 3072: +20%); packed X panels for the gradient pass (+35%); computing
 * the loss and logistic derivative in vectors for tiny d (-40% step time).
 */
package org.bigstep.kernel.vector;
