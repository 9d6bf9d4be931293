package org.bigstep.kernel.vector;

import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.bigstep.kernel.KernelSpec;
import org.bigstep.kernel.RangeEvaluator;
import org.bigstep.loss.Logistic;

/**
 * The fused, cache-blocked step for d above {@link VectorEvaluatorFactory#COLUMN_MAX_D}; a template defined once
 * per width by {@link SpeciesTemplates}.
 *
 * <p>Per block of {@link #blockRows} samples: (1) forward Z = X_block W^T in the broadcast form: W is packed each step
 * into strips of L neurons (one vector = L neurons at one input coordinate), one x value is broadcast and FMA'd into 5
 * samples x 2 strips of accumulators, over d-chunks of {@link #K_CHUNK_BYTES} per row so that the pair of W strips
 * stays in L1 while every row of the block passes; where the CPU has 32 vector registers, 10 samples x 2 strips
 * ({@link #forward10x2}) over whole rows, in blocks bounded by C^T alone ({@link #WIDE_C_BYTES}), a last panel that d
 * fills in part over its vectors of d alone; with those tiles and d from {@link #TRANSPOSED_MIN_D} (from 3/8 of it
 * where strips would pad m much more than groups of 5, {@link #raggedStrips}), in the gradient's form instead
 * ({@link #forwardTransposed}: Z^T in 5 neurons x 4 vectors of samples of a copy of X^T made once, W broadcast,
 * bit-identical z); (2) phi and phi' by groups of rows that stay in L1 ({@link
 * #ACTIVATION_GROUP_FLOATS}), f, the margin, the loss and the logistic derivative per sample, and C = g_i c_j
 * phi'(z_ij); (3) the gradient, in one of two forms. With X in panels (below): C kept transposed with the values of 5
 * neurons for one sample together, and G += C^T X_block with 5 neurons x 2 vectors of d in accumulators (after JDK
 * 17 by runs of {@link #ROW_RUN} samples, which JDK 25 compiles without a spill), per pair of vectors of d (that
 * slice of the block stays in L1) every group of 5 neurons; where the CPU has 32 vector registers
 * (AVX-512), 5 neurons x 4 vectors, a whole panel ({@link #backward5x4}: 1024x3072x256 and 16384x784x1024 at 16 lanes,
 * medians +8-11% on JDK 17 and 25, bench/compare, 2026-12-02, on a Zen 4 machine); a short last panel in 5 x 2 and 5 x
 * 1 tiles. Each range keeps its G in the tiles' own layout ({@link #partialLength}), which {@link #reduce} converts
 * while it sums the ranges. With X in place (small m), when whole strips pad m no more than groups of 5 ({@link
 * #byStrips}): G^T += X_block^T C by strips, like the forward, with 5 coordinates of d x 2 strips in accumulators, one
 * x value broadcast into both strips (m = 16: 16 rows of work, against 20 in groups of 5). Nothing of size n x m is
 * written; G (or G^T) is read and written once per block, so blocks have at least {@link #MIN_ROWS} rows ({@link
 * #IN_PLACE_MIN_ROWS} in place, where G is small).
 *
 * <p>Two layouts of X. For m above {@link #IN_PLACE_MAX_M} the block's rows are first copied into column panels
 * {@link #P} = 4L floats wide (the block's rows contiguous): both products then read X with constant offsets from
 * one index (the 5 rows of a forward tile are P floats apart, the backward reads two vectors of each row
 * sequentially), and the gradient pass does not walk hundreds of rows 12 KiB apart, each on its own 4 KiB page.
 * Panels 4L wide rather than L cut the forward's outer-loop overhead (bench/compare cd1c40f ba704cc, 8192x784x128
 * and 1024x3072x256: medians 4-18% higher, faster in 6-9 of 10 rounds, JDK 17 and 25); 2L measured the same as 4L.
 * The panels are padded with zeros, so X itself is not copied on this path, except where the forward is transposed:
 * there X is packed into panels once ({@link #packed}), beside X^T. For small m that copy costs more
 * than the products it helps, so X is read in place, in blocks that stay in L2 ({@link #IN_PLACE_BLOCK_BYTES}).
 *
 * <p>Tile shapes are chosen for what C2 compiles well on both JDK 17 and JDK 25, measured with the disassembly
 * ({@code -XX:CompileCommand=print}) and in isolation (a throwaway microbenchmark, not kept: data in L1, best of 2500 runs,
 * fraction of the 103 GFLOP/s FMA peak of one Zen 3 core, JDK 17 / JDK 25): 5x2 0.92 / 0.97 (the best run; averaged
 * over seconds, as {@code CeilingBenchmark.tile1} measures the same loop, 0.62-0.70 / 0.65-0.85, depending on the
 * minute); the previous 4x3 tile 0.43 / 0.43 (C2 hoists the four broadcasts, needs 19 of 16 registers and spills
 * accumulators to the stack, on JDK 25 inside the FMA chain); 6x2 0.44 / 0.97; one strip 10x1 0.63 / 0.75. Unrolling
 * the panel loop by hand made C2 spill (0.3). Kernels are unrolled by hand because C2 keeps vectors in registers only
 * as named locals. The whole step runs at about 38-62% of that peak on one thread on the GEMM-bound shapes (medians),
 * 85-90% of it in the tile loops ({@code bench/profile}): see docs/PERFORMANCE-NOTES.md.
 *
 * <p>Tails, all removed by padding so that the tile loops have no remainders: d is padded with zeros to a multiple
 * of the panel width (a padded copy of X when d is not one already); m is padded to whole strips in the packed W
 * (coefficients 0) and, on the panel path, to a multiple of 5 in C^T and G (rows of zeros); the forward tiles take
 * a block's rows to a multiple of 10: zero rows in the panels, in place the rows that follow (another range's, or the
 * padded copy's zero rows; their z is never used), or where the caller's X ends a scratch copy. An odd strip count
 * leaves one strip, done with 10x1 tiles. In place the gradient tiles take d in steps of 5 (10 for an odd
 * strip) and the last few coordinates one at a time. Only block-sized scratch is written.
 */
final class BlockedEvaluator implements RangeEvaluator {

    static final VectorSpecies<Float> SPECIES = SpeciesTemplates.species(MethodHandles.lookup());
    private static final int L = SPECIES.length();
    /** Width of a column panel of X, in floats: four vectors, so the forward's inner loop runs 4L steps per panel. */
    private static final int P = 4 * L;
    /** Floats between two rows of z within a pair of strips, where z is kept by pairs ({@link #zByStrips}). */
    private static final int ZR = 2 * L;
    /** Forward tiles take 5 or 10 rows; blocks and padded tails are multiples of both. */
    static final int ROW_MULTIPLE = 10;
    /** Backward tiles on the panel path take 5 neurons; C^T and G have m rounded up to this many rows. */
    static final int NEURON_MULTIPLE = 5;
    /**
     * On the panel path C^T keeps a group's 5 values of one sample CT_STRIDE floats apart from the next sample's.
     * It was 8 (3 left unused): with a power-of-two stride JDK 17's C2 removes the range checks of the gradient
     * tile's 5 broadcasts, which it keeps at a stride of 5 (39 -> 30 instructions per 10 FMAs in the disassembly; JDK 25:
     * 27 -> 26). bench/compare of the stride 5 against 8, 16384x784x1024, rounds in which 8 was faster: JDK 17
     * 12/12, 8/12 and 5/12 in three runs, JDK 25 9/12, 5/12 and 3/12; 2 threads 9/10 (JDK 17) and 6/10 (JDK 25);
     * other panel shapes 5-8 of 12. Kept for the instructions JDK 17 saves; the timings on the shared development
     * VM cannot resolve the difference on JDK 25. With blocks of 240 rows at m = 1024 ({@link #WIDE_C_BYTES}), a
     * block's C^T at a stride of 8 (1.57 MB) no longer fits L2, at 5 it is 0.98 MB: bench/compare of 5 against 8,
     * 1 thread, Zen 4 VM, 2026-12-03, medians: 16384x784x1024 JDK 17 83.2 -> 84.9 GFLOP/s (faster in 8 of 10
     * rounds), JDK 25 88.7 -> 92.3 (8 of 10); JDK 17 1024x3072x256 82.0 -> 82.7 (7 of 10), 8192x784x128 77.2 ->
     * 76.5 (3 of 10). Hence 5: a smaller C^T outweighs the range checks. Those checks are gone at 5 too since the
     * gradient loops count C^T's index itself (see {@link #backward5x2}).
     */
    static final int CT_STRIDE = 5;
    /** In place C^T keeps 5 values per sample: a stride of 8 was slower there (1024x3072x16: 3 of 12 rounds). */
    static final int CT_STRIDE_IN_PLACE = NEURON_MULTIPLE;
    /**
     * d-chunk of the forward product with the 16-register tiles, in bytes of one row: the 2-strip W chunk (16 KiB
     * at L = 8) stays in L1. The wide tiles read whole rows ({@link #WIDE_C_BYTES}).
     */
    static final int K_CHUNK_BYTES = 1024;
    /** Target bytes of one d-chunk of a block's X: the forward reads it from L2 once per pair of strips. */
    static final int BLOCK_BYTES = 192 * 1024;
    /**
     * Bound on a block's C^T, counted as m x rows floats (stored CT_STRIDE / 5 times that), streamed once per pair
     * of vectors of d. 1 MiB against 256 KiB (blocks of 240 instead of 60 rows at m = 1024), bench/compare
     * 16384x784x1024, medians: 57.8 vs 45.5 GFLOP/s on JDK 25, 42.8 vs 31.2 on JDK 17, faster in 8 of 8 rounds on
     * both (measured with C^T stored at a stride of 5).
     */
    static final int C_BYTES = 1024 * 1024;
    /**
     * With the wide tiles (10 x 2 forward, 5 x 4 gradient) the forward reads whole rows, with no d-chunks, and a
     * block's rows are bounded by its C^T alone, m x rows floats within this many bytes: 1024x3072x256 then takes
     * each partition of 256 rows as one block, 16384x784x1024 blocks of 240 rows. bench/compare of this against
     * the 16-register rule (d-chunks of {@link #K_CHUNK_BYTES}, X chunk {@link #BLOCK_BYTES}, C^T {@link #C_BYTES}),
     * Zen 5, JDK 17, 2026-12-02, medians: 1024x3072x256 162.6 -> 167.7 GFLOP/s (faster in 11 of 12 rounds),
     * 16384x784x1024 139.2 -> 158.2 (12 of 12), 8192x784x128 134.5 -> 139.1 (7 of 8), 6000x3072x40 120.2 -> 121.4
     * (7 of 8), 6000x784x40 100.9 -> 101.6 (5 of 8). Chunks of 4 KiB and 8 KiB of a row, and blocks of 60 to 240
     * rows, measured between the two. That rule was 512 KiB (blocks of 120 rows at m = 1024); on the Zen 4 VM (L2 1
     * MiB, L1 32 KiB) 1 MiB (240 rows: W and G, 3.2 MB each, pass through once per 240 rows instead of 120),
     * bench/compare, 16384x784x1024, 2026-12-03, medians: JDK 17 78.1 -> 85.0 GFLOP/s (faster in 10 of 10 rounds),
     * JDK 25 75.2 -> 81.1 (8 of 8), 2 threads JDK 17 151.5 -> 162.5 (7 of 8); 256 KiB 71.0 (0 of 10). Blocks of 360
     * and 480 rows (with MAX_ROWS raised) against 240: 84.9 and 85.9 against 85.1 (5 and 7 of 10), not taken.
     */
    static final int WIDE_C_BYTES = 1024 * 1024;
    /**
     * From this d on, the wide tiles' forward runs in the gradient's form ({@link #forwardTransposed}) on a copy of
     * X^T. bench/compare against the broadcast forward (f47b965), 1 thread, JDK 17, Zen 4 VM, 2026-12-03, rounds
     * the transposed forward was faster and medians: 1024 x d x 256 with d = 2048 10/12 (+8%), 2304 10/12 (+10%),
     * 3072 9/12 and 11/16 (+3-4%), 4096 10/12 (+8%), 6000x3072x40 12/12 (+4.5%). Forced below (a threshold of 1):
     * 2048x1536x256 4/12 (-2.5%), 8192x784x128 1/12 (-5%), 16384x784x1024 1/10 (-6%). A guess at why, not measured
     * with counters (the VM has none): the broadcast forward reads a pair of W strips of whole rows (2 d L floats:
     * 192 KiB at d = 1536, 256 KiB at 2048, L = 16) from L2 for every tile of 10 rows, which costs more as d grows.
     * Below it, from 3/8 of it, the forward is transposed where the broadcast form's strips of L neurons would pad m
     * by 15% or more over groups of 5 ({@link #raggedStrips}; m = 40 at 16 lanes pads to 48, its last strip half
     * empty): bench/compare against the broadcast forward, 1 thread, Intel Xeon VM, 2026-12-08, rounds faster and
     * medians: 6000x784x40 13/16 (+5.8%) on JDK 17 and 13/16 (+2.9%) on JDK 25, 4096x1024x36 11/16 (+4.6%),
     * 6000x784x50 13/16 (+2%); at d = 512 and 640 (4096 x d x 40) 6/16 twice and 8/16, so not there. Where m pads
     * alike both ways the broadcast form stays: 6000x784x41 2/10, 6000x784x48 4/10, 8192x784x128 1/12.
     */
    static final int TRANSPOSED_MIN_D = 2048;
    /**
     * Rows per run of {@link #backward5x2ByRuns}'s inner loop, whose count is then a constant. On 16 vector registers
     * the 5 x 2 gradient tile needs 17 vectors where every load of one sample is issued before its FMAs, and JDK 25's
     * C2 schedules it so: it keeps one accumulator on the stack, a store and a reload in that FMA chain every sample
     * (in the disassembly, -XX:CompileCommand=print with an hsdis plugin). In runs of 32 (the first size measured) it
     * interleaves the broadcasts with the FMAs and keeps all 10 in registers. bench/compare, Zen 3 VM (AVX2, 8 lanes),
     * 1 thread, 2026-12-03, 1616d31 against runs: JDK 25 16384x784x1024 42.3 -> 63.0 GFLOP/s, 8192x784x128 43.3 -> 68.4
     * (faster in 4 of 4 rounds each; 1616d31 against fae8e5c: 43.5 -> 68.7, 42.8 -> 67.4, 1024x3072x256 42.9 -> 69.5,
     * 6000x784x40 38.5 -> 54.2, 5 of 5 each); JDK 17 71.0 -> 60.9 (1 of 6) and 67.8 -> 60.0 (0 of 6): its C2 keeps two
     * range checks and more index arithmetic in the inner loop, and with bounds of i0 and i0 + 32 it ran at 5.5. Hence
     * {@link #ROW_RUNS}. Runs of 30 rather than 32: blocks are multiples of 10 rows, so at d = 784 (210 rows) every
     * sample is in a run, where with 32 the 18 left after the last took backward5x2, which spills on JDK 25 (2 stack
     * moves per sample in the disassembly); at d = 3072 (190 rows) 10 are left instead of 30. bench/compare of 30
     * against 32, JDK 25, Zen 3 VM, 1 thread, 2026-12-03, medians: 16384x784x1024 66.5 -> 71.3 GFLOP/s (faster in 10 of
     * 12 rounds) and 61.2 -> 64.3 (8 of 12), 8192x784x128 43.0 -> 44.9 (10 of 12, a slow spell), 1024x3072x256 63.7 ->
     * 59.8 (5 of 12: no difference the VM resolves). Runs of 10 (every block whole runs) against 32: 61.2 -> 63.9 (8 of
     * 12) and 43.0 -> 43.7 (7 of 12).
     */
    static final int ROW_RUN = 30;
    /**
     * Whether the 16-register gradient tile runs in {@link #ROW_RUN}s of samples: on JDKs after 17. Measured on 17
     * (no) and 25 (yes) only; a JDK in between takes 25's choice. Both forms add the same products in the same order.
     */
    static final boolean ROW_RUNS = Runtime.version().feature() > 17;
    /**
     * A block's C^T above this size (m = 1024: 1.5 MiB at 240 rows) is not read whole once per pair of vectors of
     * d, from L3, but in passes of {@link #CT_PASS_BYTES} that stay in L2, each pass reading the block's panels
     * again (about 5 instead of 154 MB of L3 traffic per block at 16384x784x1024). bench/compare of passes of 256 KiB
     * against none, 16384x784x1024, rounds faster: JDK 25 24/30, 11/16 and 16/16 in three runs (medians +4% to
     * +16%), 8/20 in a four-way run; JDK 17 19/30, 12/16, 13/16, 9/20; 2 threads 11/16 (JDK 25). At
     * 1024x3072x256 (C^T 393 KiB, fits L2) two passes measured slower on JDK 25 (9 of 30), hence the threshold.
     * The pass size is not resolved: in one four-way run against no passes, 128, 256 and 384 KiB were faster in
     * 13, 8 and 7 of 20 rounds on JDK 25 and 12, 9 and 11 on JDK 17; 512 KiB lost to 128 in 10 and 13 of 16.
     */
    static final int CT_L2_BYTES = 512 * 1024;
    static final int CT_PASS_BYTES = 256 * 1024;
    /** Blocks of at least this many rows keep the passes over G (m x d, once per block) under 4/60 bytes per flop. */
    static final int MIN_ROWS = 60;
    /**
     * Up to this width the products read X in place and nothing is packed: with few neurons, copying X into
     * panels costs more than it saves (bench/compare of this against a limit of 8, n=1024 d=3072 m=16, medians:
     * 21.6 vs 18.7 GFLOP/s on JDK 25, 17.6 vs 16.5 on JDK 17, in place faster in 9 of 12 rounds on both). Panels
     * for m = 16 in blocks sized for L2 like the in-place ones (30 rows), after the gradient by strips: in place
     * still faster or equal (panels faster in 21 of 40 rounds on JDK 25, 12 of 40 on JDK 17).
     */
    static final int IN_PLACE_MAX_M = 32;
    /**
     * In place, a block's rows of X (whole rows) are read twice, so they should stay in L2. 1024x3072x16 (30 rows
     * of 12 KiB) against blocks of 10, 20, 40 and 60 rows, JDK 25, the gradient still by groups of 5: those were
     * faster in 14, 22, 17 and 16 of 60 rounds.
     */
    static final int IN_PLACE_BLOCK_BYTES = 384 * 1024;
    static final int IN_PLACE_MIN_ROWS = 20;
    static final int MAX_ROWS = 240;
    /**
     * The 5 x 4 gradient tile takes a block's rows of a panel in runs of this many (120 x 4L floats: 30 KiB at 16
     * lanes), all groups of neurons one run after another, so the run is read from L1 by every group after the
     * first; a whole block's rows (up to 256 x 256 bytes) do not fit a 48 KiB L1 and every group read them from
     * L2. G's tile is stored and reloaded between runs, which leaves each element's sum over the rows in order.
     * bench/compare against whole blocks (a system property at the time), pinned to one CPU, JDK 17, Intel Xeon
     * VM (family 6 model 167, AVX-512, L1d 48 KiB, L2 2 MiB per core), 2026-12-07, medians: 1024x3072x256
     * 97.1 -> 102.7 GFLOP/s (faster in 20 of 20 rounds), 16384x784x1024 121.3 -> 127.8 (7 of 8); runs of 64 rows
     * 99.6 -> 100.3 (9 of 20), runs of 256 (none) 88.6 -> 89.5 (9 of 20).
     */
    static final int PANEL_RUN_ROWS = 120;
    /**
     * Floats before the first value of the large copies ({@link #xt}, {@link #packed}, {@link #wp}), so that their
     * vectors start on 64-byte lines: G1 places an array larger than half a region at a region's start, and
     * HotSpot's float[] data starts 16 bytes after the array (64-bit, compressed class pointers, the default on JDK
     * 17 to 25), so without them every 64-byte load of those copies spans two lines. Where either does not hold
     * (another collector, a smaller array) the alignment is whatever it is, with or without these 12 floats. A load
     * that spans two lines costs two of L1's, and from L2 two misses: the transposed forward's loop by itself on a
     * 4L x 3072 slice in a 16 MB array (a throwaway program, Intel Xeon VM, 2026-12-07) ran at 116 GFLOP/s from
     * the array's first float and 143 from its 13th (128-131 and 164 under -XX:ObjectAlignmentInBytes=64).
     */
    static final int ALIGN_BASE = 12;
    /**
     * Floats of z per group of rows that {@link #activate} takes phi and phi' of at once (at least one row): the
     * group's z, phi and phi' stay in L1 while its rows are consumed, instead of phi and phi' of a whole block
     * passing through L2 beside its z (480 KiB each at 16384x784x1024; L2 is 1 MiB). bench/compare, 1 thread, JDK 17,
     * Zen 5: 16384x784x1024 151.6 -> 156.6 GFLOP/s (medians, faster in 15 of 16 rounds).
     */
    static final int ACTIVATION_GROUP_FLOATS = 1024;

    private final int n;
    private final int d;
    private final int m;
    private final int dp;
    private final int strips;
    private final int mp;
    /** m rounded up to {@link #NEURON_MULTIPLE}: the rows of C^T and of the gradient scratch on the panel path. */
    private final int mg;
    private final boolean inPlace;
    /**
     * In place, the gradient as G^T by strips ({@link #backwardStrips}) when whole strips pad m no more than groups
     * of 5 do (mp <= mg: m = 8, 16, 24, 32 at 8 lanes); otherwise by groups of 5 as on the panel path. By strips
     * the tiles run fewer instructions per FMA (30 against 34 per 10 in JDK 25's disassembly) but do mp rows of
     * work: bench/compare against groups of 5, medians, JDK 25: 1024x3072x16 +28% (faster in 26 of 30 rounds),
     * 6000x784x20 (24 against 20 rows) -4% (11 of 30), 6000x784x5 (8 against 5) -6% (7 of 30).
     */
    private final boolean byStrips;
    private final int blockRows;
    /** Room for a block that absorbs a short remainder: 1.5 blockRows. */
    private final int blockStride;
    /** Panels (P floats of d) per forward chunk. */
    private final int kChunk;
    /** Vectors of d in the last panel (1 to P / L) on the panel path. */
    private final int lastVectors;
    /** Rows per group of {@link #activate}: {@link #ACTIVATION_GROUP_FLOATS} / mp, at least 1. */
    private final int groupRows;
    /**
     * The features, or in place a copy with rows padded to dp when d is not a multiple of the tile width (and
     * {@link #ROW_MULTIPLE} rows of zeros after the last).
     */
    private final float[] xs;
    private final int xStride;
    /** Rows of xs that a forward tile may read: n, or n + ROW_MULTIPLE in the padded copy. */
    private final int xRows;
    private final float[] y;
    private final float[] coefficient;
    /** W packed into strips for the broadcast forward; null on the transposed path. */
    private final float[] wp;
    /**
     * The forward in the gradient's form ({@link #forwardTransposed}): with the wide tiles on the panel path, where
     * X^T fits the memory bound given to the constructor.
     */
    private final boolean transposed;
    /**
     * On the transposed path, X^T by groups of L samples, (d + 1) L floats apart from {@link #ALIGN_BASE}: sample
     * i, coordinate k at {@code ALIGN_BASE + (i / L) (d + 1) L + k L + i % L}; zero samples after the last up to 3
     * groups past it (a tile reads 4 groups); else null. The extra L floats of a group keep a tile's 4 loads of one
     * coordinate off one L1 set: at d L floats apart (192 KiB at d = 3072) all 4 streams were on the same set.
     * Measured against the two layouts before it, separate JVMs, pinned to one CPU, JDK 17, Intel Xeon VM
     * (AVX-512, L1d 48 KiB, L2 2 MiB), 2026-12-07, medians (GFLOP/s): groups d L apart (d91e5be) 6000x3072x40
     * 69.3, 67.6, 70.7; slices of 4L samples with one offset per group (88d60c5) 64.1, 63.5, 65.4 and
     * 1024x3072x256 95.4, 86.9; these groups 71.5, 72.0 and 95.9, 84.6 (the slices' own gain at 1024x3072x256 over
     * d91e5be, 93.3 -> 100.9 in one JVM, came with their W layout and alignment, which this keeps).
     */
    private final float[] xt;
    /** Floats between two groups of L samples in {@link #xt}: (d + 1) L. */
    private final int xtGroup;
    /**
     * On the transposed path, W by groups of 5 neurons: a group's first 4 neurons' values of one coordinate
     * together, then its fifth neuron's row on its own: neuron j = 5 g + jj, coordinate k at {@code 5 g d + 4 k + jj}
     * for jj < 4 and {@code 5 g d + 4 d + k} for jj = 4; m rounded up to mg, neurons m..mg zero so that a last group
     * needs no tail; else null. The tile loop counts k and reads W at 4 k + c and k + c', X^T at L k + c'': JDK
     * 17's C2 writes 5 k as (k << 2) + k, which its range-check elimination does not take, so with the 5 values
     * together (5 k + jj) two range checks of W stayed in the loop, and counting W's index instead (by 5) left X^T's
     * four (disassembly, 2026-12-07). bench/compare of this layout against the 5 values together, pinned to one
     * CPU, JDK 17, Intel Xeon VM, 2026-12-07, medians: 1024x3072x256 82.0 -> 89.2 GFLOP/s (faster in 19 of 20
     * rounds), 6000x3072x40 66.5 -> 72.5 (10 of 10). Row-major, the tile's 5 broadcasts were d floats apart and C2
     * kept their offsets in 4 registers; groups at a stride of 8, like an earlier C^T, measured 1.5-3 points of a
     * step slower on a Zen VM (bench/profile), 3 of 8 floats unused.
     */
    private final float[] wt;
    /**
     * On the transposed path, X packed once into panels for all n rows (panel v, row i at v P panelStride + i P; zero
     * rows after the last up to {@link #ROW_MULTIPLE}), where it fits the constructor's memory bound beside X^T; else
     * null, and each block is packed into scratch. There the panels serve the gradient alone, and a block's (3 MB at
     * d = 3072) does not stay in L2: packing it each step was one more pass through memory (5.5% of a step at
     * 1024x3072x256, bench/profile). bench/compare against packing per block, 1 thread, JDK 17, Zen 4 VM,
     * 2026-12-03, medians: 1024x3072x256 77.8 -> 84.1 GFLOP/s (faster in 12 of 12 rounds) and 76.7 -> 80.1 (6 of
     * 10), 6000x3072x40 60.5 -> 73.4 (10 of 10) and 62.8 -> 76.4 (9 of 10), 2 threads 1024x3072x256 86.1 -> 106.8
     * (8 of 10). With the broadcast forward, which reads a block's panels once per pair of strips and finds them
     * in L2 after packing, packing once was slower: 16384x784x1024 -4% (1 of 10), 8192x784x128 -6.5% (1 of 10),
     * 6000x784x40 -15% (2 of 10), and 1024x3072x256 with the forward forced to broadcasts -3% (2 of 10).
     */
    private final float[] packed;
    /** Rows between two panels of X: n + ROW_MULTIPLE in {@link #packed}, else blockStride in a block's scratch. */
    private final int panelStride;
    private final RowActivation activation;
    /**
     * On the panel path, the gradient in 5 neurons x 4 vectors of d ({@link #backward5x4}: 20 accumulators) instead
     * of 5 x 2: only where the CPU has 32 vector registers (AVX-512), as 25 live vectors spill on 16.
     */
    private final boolean wideTiles;
    /** The 16-register gradient tile by {@link #ROW_RUN}s of samples ({@link #ROW_RUNS}; tests force both). */
    private final boolean rowRuns;
    /**
     * Where the forward runs by broadcasts on panels ({@link #forward}), a block's z is kept by pairs of strips like
     * C by strips ({@link #cStrip}: a pair's 2L values of one row together, the block's rows one after another)
     * instead of in rows of mp floats, and {@link #activate} gathers its groups of rows from there. In rows, the 5
     * or 10 rows a tile loads and stores at each d-chunk after the first were mp floats apart (4 KiB at m = 1024),
     * each on a page of its own, where the CPU's prefetchers do not follow; by pairs, the tiles of one pair walk
     * the rows contiguously. The same values, so the same sums. Zen 3 VM, 1 thread, 2026-12-03, against rows:
     * bench/profile of 16384x784x1024, the forward tile's share of samples against the gradient tile's: JDK 17
     * 50.6/41.4 -> 45.8/44.8, JDK 25 47.3/44.3 -> 44.4/46.2 (the forward 16% and 10% faster relative to the
     * gradient), {@link #activate} 1.8-1.9% -> 2.7-2.9% with the gather; bench/compare, rounds faster, JDK 17:
     * 16384x784x1024 10 of 16 (medians 36.8 -> 39.3 GFLOP/s, a slow spell), 1024x3072x256 13 of 16 (38.5 -> 40.7),
     * 6000x784x40 10 of 16, 8192x784x128 4 and 10 of 16 (rows 512 bytes apart there: no gain to expect); JDK 25
     * 1024x3072x256 9 of 12, 8192x784x128 10 of 16.
     */
    private final boolean zByStrips;
    private final Scratch[] scratch;

    /** Per-worker buffers, allocated once; sizes are passed in (a nested class must not read the template's statics). */
    private static final class Scratch {
        final float[] z;
        /** A group of rows of z, and their phi and phi' ({@link #groupRows} rows). */
        final float[] zGroup;
        final float[] value;
        final float[] slope;
        final float[] panels;
        final float[] tail;
        /** C for the gradient tiles: C^T by groups of 5 neurons, or C by pairs of strips. */
        final float[] c;
        final float[] lanes;
        /** The 20 accumulators of each transposed forward tile of one slice of samples, before they go into z. */
        final float[] tile;

        Scratch(int rows, int groupRows, int mp, int cPerRow, int dp, boolean inPlace, boolean tail, int lanes,
                int tileGroups) {
            z = new float[rows * mp];
            zGroup = new float[groupRows * mp];
            value = new float[groupRows * mp];
            slope = new float[groupRows * mp];
            panels = inPlace ? null : new float[rows * dp];
            this.tail = tail ? new float[rows * dp] : null;
            c = new float[cPerRow * rows];
            this.lanes = new float[lanes];
            this.tile = new float[tileGroups * 4 * NEURON_MULTIPLE * lanes];
        }
    }

    /**
     * {@code transposedMinD}: d from which the wide tiles' forward is transposed ({@link #TRANSPOSED_MIN_D}; tests
     * force either forward, which give bit-identical results); {@code transposeBytes}: the largest copy of X^T it
     * may make, else the broadcast forward runs, and the bound on X^T and {@link #packed} together; {@code
     * packOnce}: whether X may be packed once where the forward is transposed; {@code rowRuns}: the 16-register
     * gradient tile by runs of samples ({@link #ROW_RUNS}). Each changes speed and memory only, never a result.
     */
    BlockedEvaluator(KernelSpec spec, int workers, RowActivation activation, boolean wideTiles, int transposedMinD,
            long transposeBytes, boolean packOnce, boolean rowRuns) {
        this.wideTiles = wideTiles;
        this.rowRuns = rowRuns;
        this.n = spec.data().size();
        this.d = spec.data().dimension();
        this.m = spec.width();
        this.inPlace = m <= IN_PLACE_MAX_M;
        // in panels X is copied and G kept panel by panel, so no array on that path has rows dp apart
        this.dp = inPlace ? rowStride(d, 2 * L) : roundUp(d, P);
        this.strips = (m + L - 1) / L;
        this.mp = strips * L;
        this.mg = roundUp(m, NEURON_MULTIPLE);
        this.byStrips = byStrips(m, L);
        this.activation = activation;
        this.y = spec.data().labels();
        float[] x = spec.data().features();
        if (dp == d || !inPlace) {
            this.xs = x; // the panels are padded as they are filled
            this.xStride = d;
            this.xRows = n;
        } else {
            this.xs = new float[(n + ROW_MULTIPLE) * dp];
            this.xStride = dp;
            this.xRows = n + ROW_MULTIPLE;
            for (int i = 0; i < n; i++) {
                System.arraycopy(x, i * d, xs, i * dp, d);
            }
        }
        this.coefficient = Arrays.copyOf(spec.outputCoefficients(), mp);
        this.xtGroup = (d + 1) * L;
        long xtFloats = ((long) (n + L - 1) / L + 3) * xtGroup + ALIGN_BASE;
        this.transposed = transposes(d, m, L, wideTiles, transposedMinD) && xtFloats * Float.BYTES <= transposeBytes
                && xtFloats <= Integer.MAX_VALUE - 8;
        this.zByStrips = !inPlace && !transposed;
        this.wp = transposed ? null : new float[ALIGN_BASE + strips * dp * L];
        this.xt = transposed ? transpose(x, n, d, xtGroup, (int) xtFloats) : null;
        this.wt = transposed ? new float[mg * d] : null;
        int panels = (dp + P - 1) / P;
        this.lastVectors = (d - (panels - 1) * P + L - 1) / L;
        this.kChunk = kChunk(dp, P, wideTiles && !inPlace);
        this.blockRows = blockRows(d, m, L, wideTiles, transposed);
        this.blockStride = blockStride(blockRows);
        long packedFloats = (long) (n + ROW_MULTIPLE) * dp;
        long copied = (transposed ? xtFloats : 0) + packedFloats;
        boolean packsOnce = packOnce && transposed && copied * Float.BYTES <= transposeBytes
                && packedFloats <= Integer.MAX_VALUE - 8;
        this.panelStride = packsOnce ? n + ROW_MULTIPLE : blockStride;
        this.packed = panelStride == blockStride ? null : new float[(int) packedFloats + ALIGN_BASE];
        if (packed != null) {
            pack(0, n, n, packed, ALIGN_BASE);
        }
        this.groupRows = Math.max(1, Math.min(blockStride, ACTIVATION_GROUP_FLOATS / mp));
        this.scratch = new Scratch[workers];
        for (int t = 0; t < workers; t++) {
            int cPerRow = byStrips ? mp : mg / NEURON_MULTIPLE * (inPlace ? CT_STRIDE_IN_PLACE : CT_STRIDE);
            // a scratch tail only where a block can end past xs's rows: in place on the caller's own array
            scratch[t] = new Scratch(blockStride, groupRows, mp, cPerRow, dp, inPlace, inPlace && xRows == n, L,
                    transposed ? mg / NEURON_MULTIPLE : 0);
        }
    }

    /** X^T by groups of L samples, {@code group} floats apart ({@link #xt}), read row by row. */
    private static float[] transpose(float[] x, int n, int d, int group, int floats) {
        float[] t = new float[floats];
        for (int i0 = 0; i0 < n; i0 += L) {
            int base = ALIGN_BASE + i0 / L * group;
            for (int i = i0, end = Math.min(n, i0 + L); i < end; i++) {
                for (int k = 0, at = base + i - i0; k < d; k++, at += L) {
                    t[at] = x[i * d + k];
                }
            }
        }
        return t;
    }

    /**
     * Panels (of {@code p} floats) per forward chunk: whole rows where {@code wholeRows}, else chunks of about
     * {@link #K_CHUNK_BYTES}, all of the same size (no short last chunk).
     */
    private static int kChunk(int dp, int p, boolean wholeRows) {
        int panels = (dp + p - 1) / p;
        int chunks = wholeRows ? 1 : (dp * Float.BYTES + K_CHUNK_BYTES - 1) / K_CHUNK_BYTES;
        return (panels + chunks - 1) / chunks;
    }

    /**
     * Rows per block for d, m, the lane count and the tiles, by the limits above; static (it reads none of the
     * template's width constants) so that tests can aim at a block's edges.
     */
    static int blockRows(int d, int m, int lanes, boolean wideTiles) {
        return blockRows(d, m, lanes, wideTiles, transposes(d, m, lanes, wideTiles, TRANSPOSED_MIN_D));
    }

    /** Whether the forward is transposed for d and m from {@code minD} on, before the bound on the copy of X^T. */
    static boolean transposes(int d, int m, int lanes, boolean wideTiles, int minD) {
        return wideTiles && m > IN_PLACE_MAX_M && (d >= minD || d >= raggedMinD(minD) && raggedStrips(m, lanes));
    }

    /** 3/8 of {@code minD} (768 for {@link #TRANSPOSED_MIN_D}): from there on, ragged strips transpose the forward. */
    static int raggedMinD(int minD) {
        return (int) ((long) minD * 3 / 8);
    }

    /**
     * Whether the broadcast forward's strips of {@code lanes} neurons pad m by 15% or more over the transposed
     * forward's groups of 5 (m = 40 at 16 lanes: 48 against 40), enough to pay for the transposed form from {@link
     * #raggedMinD} on.
     */
    static boolean raggedStrips(int m, int lanes) {
        return 20L * roundUp(m, lanes) >= 23L * roundUp(m, NEURON_MULTIPLE);
    }

    /** {@link #blockRows(int, int, int, boolean)} for a forward that is transposed or not. */
    static int blockRows(int d, int m, int lanes, boolean wideTiles, boolean transposed) {
        boolean inPlace = m <= IN_PLACE_MAX_M;
        int p = 4 * lanes;
        int dp = inPlace ? rowStride(d, 2 * lanes) : roundUp(d, p);
        boolean wholeRows = wideTiles && !inPlace;
        int cRows = (wholeRows ? WIDE_C_BYTES : C_BYTES) / (roundUp(m, NEURON_MULTIPLE) * Float.BYTES);
        int rows = inPlace ? Math.min(IN_PLACE_BLOCK_BYTES / (dp * Float.BYTES), cRows)
                : wholeRows ? cRows : Math.min(BLOCK_BYTES / (kChunk(dp, p, false) * p * Float.BYTES), cRows);
        int minRows = inPlace ? IN_PLACE_MIN_ROWS : MIN_ROWS;
        if (transposed) {
            // whole tiles of the transposed forward (4 vectors of samples): the nearest multiple, at least MIN_ROWS
            int quad = 4 * lanes;
            int nearest = (Math.min(MAX_ROWS, rows) + quad / 2) / quad * quad;
            return Math.max(roundUp(minRows, quad), nearest);
        }
        return Math.max(minRows, Math.min(MAX_ROWS, rows / ROW_MULTIPLE * ROW_MULTIPLE));
    }

    /** Rows a block's scratch holds: 1.5 blockRows, for a last block that absorbs a short remainder. */
    static int blockStride(int blockRows) {
        return roundUp(blockRows + blockRows / 2, ROW_MULTIPLE);
    }

    /** Rows of dp floats the gradient pass accumulates into: G^T by strips (mp), else G (mg). */
    private int gradientRows() {
        return byStrips ? mp : mg;
    }

    /**
     * A range's gradient in one of three layouts, each what its gradient tiles read and write: on the panel path G
     * panel by panel, (j, k) at {@code (k / P) mg P + j P + k % P} (a tile's 5 rows x 4 vectors are 1280
     * contiguous bytes at 16 lanes, and the tiles of one panel follow each other); in place G (j, k) at j dp + k,
     * or G^T by strips, (j, k) at (j / L) dp L + k L + j % L ({@link #byStrips}). {@link #reduce} converts.
     */
    @Override
    public int partialLength() {
        return gradientRows() * dp;
    }

    @Override
    public void reduce(float[][] partials, float[] gradient, int from, int to) {
        if (byStrips) {
            // G^T by strips, m <= 32: small next to the block passes
            for (int j = from; j < to; j++) {
                int base = (j / L) * dp * L + j % L;
                for (int k = 0; k < d; k++) {
                    gradient[j * d + k] = sumAt(partials, base + k * L);
                }
            }
        } else if (inPlace) {
            for (int j = from; j < to; j++) {
                RangeEvaluator.sumInOrder(partials, j * dp, gradient, j * d, d);
            }
        } else {
            for (int c = 0; c < dp; c += P) {
                for (int j = from; j < to; j++) {
                    RangeEvaluator.sumInOrder(partials, c * mg + j * P, gradient, j * d + c, Math.min(P, d - c));
                }
            }
        }
    }

    /** The partials' element i summed in array order. */
    private static float sumAt(float[][] partials, int i) {
        float sum = partials[0][i];
        for (int p = 1; p < partials.length; p++) {
            sum += partials[p][i];
        }
        return sum;
    }

    /**
     * Where strip s of C starts in the by-strips layout: strips are stored by pairs, a pair's 2L values of one row
     * together, so row r of strip s is at {@code cStrip(s) + r * cRowStride(s)}.
     */
    private int cStrip(int s) {
        return s / 2 * 2 * L * blockStride + s % 2 * L;
    }

    /** Floats between rows of strip s of C: 2L within a pair, L for a last odd strip. */
    private int cRowStride(int s) {
        return s % 2 == 1 || s + 1 < strips ? 2 * L : L;
    }

    /** Whether width m takes the gradient by strips of {@code lanes} neurons (see {@link #byStrips}). */
    static boolean byStrips(int m, int lanes) {
        return m <= IN_PLACE_MAX_M && roundUp(m, lanes) <= roundUp(m, NEURON_MULTIPLE);
    }

    /**
     * d rounded up to whole units (a panel, or in place the backward tile's pair of vectors), plus one unit when
     * rows would then be a multiple of 4 KiB apart: at a 4 KiB stride the rows a tile reads all fall into the same
     * L1 set.
     */
    static int rowStride(int d, int unit) {
        int stride = roundUp(d, unit);
        return stride * Float.BYTES % 4096 == 0 ? stride + unit : stride;
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /**
     * Packs rows [from, to) of W (m x d) into strips: wp[strip(s) + k L + lane] = w[(s L + lane) d + k]; padding
     * stays 0.
     */
    @Override
    public void prepare(float[] w, int from, int to) {
        if (transposed) {
            for (int j = from; j < to; ) {
                int jj = j % NEURON_MULTIPLE;
                if (jj == 0 && j + 4 <= to) {
                    // a group's first 4 rows at once: whole lines of wt written in order, not every fourth float
                    int base = j * d;
                    for (int k = 0, r = j * d; k < d; k++, r++) {
                        wt[base + 4 * k + 0] = w[r];
                        wt[base + 4 * k + 1] = w[r + d];
                        wt[base + 4 * k + 2] = w[r + 2 * d];
                        wt[base + 4 * k + 3] = w[r + 3 * d];
                    }
                    j += 4;
                    continue;
                }
                int base = j / NEURON_MULTIPLE * NEURON_MULTIPLE * d + (jj < 4 ? jj : 4 * d);
                int step = jj < 4 ? 4 : 1;
                int row = j * d;
                for (int k = 0; k < d; k++) {
                    wt[base + k * step] = w[row + k];
                }
                j++;
            }
            return;
        }
        for (int j = from; j < to; j++) {
            int base = strip(j / L) + j % L;
            int row = j * d;
            for (int k = 0; k < d; k++) {
                wp[base + k * L] = w[row + k];
            }
        }
    }

    @Override
    public double evaluate(int worker, float[] w, int from, int to, float[] margins, float[] gradient, double shift) {
        Scratch s = scratch[worker];
        float[] g = gradient;
        if (inPlace || from == to) {
            Arrays.fill(g, 0, gradientRows() * dp, 0f); // on the panel path the first block's tiles start at zero
        }
        double loss = 0;
        for (int b0 = from, end; b0 < to; b0 = end) {
            // a remainder of up to half a block joins the last one: a partition of 256 rows in blocks of 240
            // made a second pass over G (m x d) for 16 rows (n=1024 d=3072 m=256: 30 -> 40 GFLOP/s)
            end = to - b0 <= blockStride ? to : b0 + blockRows;
            int rows = end - b0;
            int padded = roundUp(rows, ROW_MULTIPLE);
            if (inPlace) {
                float[] xa = xs;
                int xo = b0 * dp;
                if (b0 + padded > xRows) {
                    // the forward tiles take whole tiles of rows: the rows after a block's are another range's or
                    // xs's zeros, and their z is computed but never used; only where the caller's array ends, the
                    // block is padded in scratch (copying every range's last block was 3.2-3.4% of a step at
                    // 1024x3072x16, bench/profile)
                    System.arraycopy(xs, xo, s.tail, 0, rows * dp);
                    Arrays.fill(s.tail, rows * dp, padded * dp, 0f);
                    xa = s.tail;
                    xo = 0;
                }
                forwardRows(xa, xo, padded, s.z);
                loss = activate(b0, rows, s, margins, shift, loss);
                if (byStrips) {
                    backwardStrips(b0 * dp, rows, s.c, g);
                } else {
                    backwardRows(b0, rows, s.c, g);
                }
            } else {
                float[] xp = packed != null ? packed : s.panels;
                int at = packed != null ? b0 : 0; // the block's first row in the panels
                if (packed == null) {
                    pack(b0, rows, padded, s.panels, 0);
                }
                if (transposed) {
                    forwardTransposed(b0, end, s.z, s.tile);
                } else {
                    forward(xp, at, padded, s.z);
                }
                loss = activate(b0, rows, s, margins, shift, loss);
                backward(xp, (packed != null ? ALIGN_BASE : 0) + at * P, rows, s.c, g, b0 == from);
            }
        }
        return loss;
    }

    /**
     * Z = X W^T for the block: per d-chunk and pair of strips (W chunk in L1), every tile of rows. z is kept by
     * pairs of strips ({@link #zByStrips}), so a pair's tiles walk its rows contiguously.
     */
    private void forward(float[] xp, int at, int rows, float[] z) {
        int panels = dp / P;
        for (int v0 = 0; v0 < panels; v0 += kChunk) {
            int v1 = Math.min(panels, v0 + kChunk);
            boolean first = v0 == 0;
            // with the wide tiles, a last panel that d fills in part takes only its vectors of d
            boolean tail = wideTiles && v1 == panels && lastVectors < P / L;
            int full = tail ? v1 - 1 : v1;
            boolean tailFirst = first && full == v0;
            int s = 0;
            for (; s + 2 <= strips; s += 2) {
                int zs = cStrip(s);
                int zr = cRowStride(s);
                if (wideTiles) {
                    for (int r = 0; r < rows; r += 10) {
                        if (full > v0) {
                            forward10x2(xp, at + r, v0, full, strip(s), z, zs + r * zr, first);
                        }
                        if (tail) {
                            forward10x2Tail(xp, at + r, full, lastVectors, strip(s), z, zs + r * zr, tailFirst);
                        }
                    }
                } else {
                    for (int r = 0; r < rows; r += 5) {
                        forward5x2(xp, at + r, v0, v1, strip(s), z, zs + r * zr, first);
                    }
                }
            }
            if (s < strips) {
                int zs = cStrip(s);
                int zr = cRowStride(s);
                for (int r = 0; r < rows; r += 10) {
                    if (full > v0) {
                        forward10x1(xp, at + r, v0, full, strip(s), z, zs + r * zr, first);
                    }
                    if (tail) {
                        forward10x1Tail(xp, at + r, full, lastVectors, strip(s), z, zs + r * zr, tailFirst);
                    }
                }
            }
        }
    }

    /**
     * Z = X W^T for rows [b0, end) in the gradient's form: per 4 vectors of samples of X^T (4 groups of X^T, read
     * from L2 by every group of neurons), every group of 5 neurons ({@link #forwardTransposed5x4}); then
     * the slice's tiles copied into the block's z, row by row. Rows of the first and last slices outside [b0, end)
     * are computed (another range's samples, or X^T's zero padding) and not copied.
     */
    private void forwardTransposed(int b0, int end, float[] z, float[] tiles) {
        final int quad = 4 * L;
        final int columns = Math.min(mg, mp); // z's columns past mg (when mp > mg) stay 0 from allocation
        final int tileFloats = NEURON_MULTIPLE * quad;
        for (int i0 = b0 - b0 % L; i0 < end; i0 += quad) {
            int xo = ALIGN_BASE + i0 / L * xtGroup;
            for (int j = 0; j < columns; j += NEURON_MULTIPLE) {
                forwardTransposed5x4(xt, xo, xtGroup, wt, j * d, tiles, j / NEURON_MULTIPLE * tileFloats);
            }
            // copied after all of the slice's tiles ran: read back at once, the vector stores stall the loads
            // (the copy took 5.8% of a step at 16384x784x1024, bench/profile, against 2.4% one tile later)
            int from = Math.max(b0, i0);
            int to = Math.min(end, i0 + quad);
            for (int j = 0; j < columns; j += NEURON_MULTIPLE) {
                copyTile(tiles, j / NEURON_MULTIPLE * tileFloats, Math.min(NEURON_MULTIPLE, columns - j), from - i0,
                        to - i0, z, (from - b0) * mp + j);
            }
        }
    }

    /** Samples [t0, t1) of a stored tile (from at) into z rows from zo, width neurons of 5. */
    private void copyTile(float[] tile, int at, int width, int t0, int t1, float[] z, int zo) {
        final int quad = 4 * L;
        if (width == NEURON_MULTIPLE) {
            for (int t = t0; t < t1; t++, zo += mp) {
                z[zo + 0] = tile[at + 0 * quad + t];
                z[zo + 1] = tile[at + 1 * quad + t];
                z[zo + 2] = tile[at + 2 * quad + t];
                z[zo + 3] = tile[at + 3 * quad + t];
                z[zo + 4] = tile[at + 4 * quad + t];
            }
            return;
        }
        for (int t = t0; t < t1; t++, zo += mp) {
            for (int jj = 0; jj < width; jj++) {
                z[zo + jj] = tile[at + jj * quad + t];
            }
        }
    }

    /**
     * z of 5 neurons (from wt at wo, laid out as {@link #wt} says) x 4L samples (4 groups of X^T from xo,
     * {@code group} floats apart): 20 accumulators, 4 vector loads and 5 broadcasts per 20 FMAs, as {@link
     * #backward5x4}. Each z sums k = 0..d-1 in order from zero, as the broadcast forward does (fma(x, w, z) and
     * fma(w, x, z) round alike), so the two forwards give bit-identical z. Stored to tile[(jj 4 + v) L + lane] for
     * neuron jj, sample v L + lane.
     */
    private void forwardTransposed5x4(float[] xt, int xo, int group, float[] wt, int wo, float[] tile, int at) {
        FloatVector a00 = FloatVector.zero(SPECIES);
        FloatVector a01 = FloatVector.zero(SPECIES);
        FloatVector a02 = FloatVector.zero(SPECIES);
        FloatVector a03 = FloatVector.zero(SPECIES);
        FloatVector a10 = FloatVector.zero(SPECIES);
        FloatVector a11 = FloatVector.zero(SPECIES);
        FloatVector a12 = FloatVector.zero(SPECIES);
        FloatVector a13 = FloatVector.zero(SPECIES);
        FloatVector a20 = FloatVector.zero(SPECIES);
        FloatVector a21 = FloatVector.zero(SPECIES);
        FloatVector a22 = FloatVector.zero(SPECIES);
        FloatVector a23 = FloatVector.zero(SPECIES);
        FloatVector a30 = FloatVector.zero(SPECIES);
        FloatVector a31 = FloatVector.zero(SPECIES);
        FloatVector a32 = FloatVector.zero(SPECIES);
        FloatVector a33 = FloatVector.zero(SPECIES);
        FloatVector a40 = FloatVector.zero(SPECIES);
        FloatVector a41 = FloatVector.zero(SPECIES);
        FloatVector a42 = FloatVector.zero(SPECIES);
        FloatVector a43 = FloatVector.zero(SPECIES);
        final int x1o = xo + group;
        final int x2o = xo + 2 * group;
        final int x3o = xo + 3 * group;
        final int w4o = wo + 4 * d;
        for (int k = 0; k < d; k++) {
            FloatVector x0 = FloatVector.fromArray(SPECIES, xt, xo + k * L);
            FloatVector x1 = FloatVector.fromArray(SPECIES, xt, x1o + k * L);
            FloatVector x2 = FloatVector.fromArray(SPECIES, xt, x2o + k * L);
            FloatVector x3 = FloatVector.fromArray(SPECIES, xt, x3o + k * L);
            FloatVector b0 = FloatVector.broadcast(SPECIES, wt[wo + k * 4 + 0]);
            a00 = b0.fma(x0, a00); a01 = b0.fma(x1, a01); a02 = b0.fma(x2, a02); a03 = b0.fma(x3, a03);
            FloatVector b1 = FloatVector.broadcast(SPECIES, wt[wo + k * 4 + 1]);
            a10 = b1.fma(x0, a10); a11 = b1.fma(x1, a11); a12 = b1.fma(x2, a12); a13 = b1.fma(x3, a13);
            FloatVector b2 = FloatVector.broadcast(SPECIES, wt[wo + k * 4 + 2]);
            a20 = b2.fma(x0, a20); a21 = b2.fma(x1, a21); a22 = b2.fma(x2, a22); a23 = b2.fma(x3, a23);
            FloatVector b3 = FloatVector.broadcast(SPECIES, wt[wo + k * 4 + 3]);
            a30 = b3.fma(x0, a30); a31 = b3.fma(x1, a31); a32 = b3.fma(x2, a32); a33 = b3.fma(x3, a33);
            FloatVector b4 = FloatVector.broadcast(SPECIES, wt[w4o + k]);
            a40 = b4.fma(x0, a40); a41 = b4.fma(x1, a41); a42 = b4.fma(x2, a42); a43 = b4.fma(x3, a43);
        }
        a00.intoArray(tile, at + 0 * L);
        a01.intoArray(tile, at + 1 * L);
        a02.intoArray(tile, at + 2 * L);
        a03.intoArray(tile, at + 3 * L);
        a10.intoArray(tile, at + 4 * L);
        a11.intoArray(tile, at + 5 * L);
        a12.intoArray(tile, at + 6 * L);
        a13.intoArray(tile, at + 7 * L);
        a20.intoArray(tile, at + 8 * L);
        a21.intoArray(tile, at + 9 * L);
        a22.intoArray(tile, at + 10 * L);
        a23.intoArray(tile, at + 11 * L);
        a30.intoArray(tile, at + 12 * L);
        a31.intoArray(tile, at + 13 * L);
        a32.intoArray(tile, at + 14 * L);
        a33.intoArray(tile, at + 15 * L);
        a40.intoArray(tile, at + 16 * L);
        a41.intoArray(tile, at + 17 * L);
        a42.intoArray(tile, at + 18 * L);
        a43.intoArray(tile, at + 19 * L);
    }

    /** Z = X W^T for the block (rows of xa from xo), in the same order as {@link #forward}. */
    private void forwardRows(float[] xa, int xo, int rows, float[] z) {
        int chunk = kChunk * P;
        for (int k0 = 0; k0 < dp; k0 += chunk) {
            int k1 = Math.min(dp, k0 + chunk);
            boolean first = k0 == 0;
            int s = 0;
            for (; s + 2 <= strips; s += 2) {
                for (int r = 0; r < rows; r += 5) {
                    forwardRows5x2(xa, xo + r * dp, k0, k1, strip(s), z, r * mp + s * L, first);
                }
            }
            if (s < strips) {
                for (int r = 0; r < rows; r += 10) {
                    forwardRows10x1(xa, xo + r * dp, k0, k1, strip(s), z, r * mp + s * L, first);
                }
            }
        }
    }

    /**
     * Rows [r, r + count) of z kept by pairs of strips ({@link #zByStrips}) into rows of mp floats in group: per pair
     * (or last odd strip), its rows one after another, at the offsets {@link #cStrip} and {@link #cRowStride} define.
     */
    private void gatherRows(float[] z, int r, int count, float[] group) {
        for (int st = 0; st < strips; st += 2) {
            int stride = cRowStride(st);
            boolean pair = stride == ZR;
            for (int rr = 0, at = cStrip(st) + r * stride, o = st * L; rr < count; rr++, at += stride, o += mp) {
                FloatVector.fromArray(SPECIES, z, at).intoArray(group, o);
                if (pair) {
                    FloatVector.fromArray(SPECIES, z, at + L).intoArray(group, o + L);
                }
            }
        }
    }

    /**
     * phi, phi', f, margins, loss (added to lossBefore, returned) and g per sample; C[i][j] = g_i c_j phi'(z_ij)
     * into s.c, laid out for the gradient tiles: by groups of 5 neurons (C^T), or by pairs of strips
     * ({@link #byStrips}).
     */
    private double activate(int b0, int rows, Scratch s, float[] margins, double shift, double lossBefore) {
        float[] z = s.z;
        float[] ct = s.c;
        float[] value = s.value;
        float[] slope = s.slope;
        double loss = lossBefore; // one running sum over the range, so the block size cannot change it
        for (int r = 0; r < rows; r++) {
            int o = (r % groupRows) * mp;
            if (o == 0) {
                // phi and phi' of a group of rows into buffers that stay in L1 until the rows below have read them
                int len = Math.min(groupRows, rows - r) * mp;
                if (zByStrips) {
                    gatherRows(z, r, len / mp, s.zGroup);
                } else {
                    System.arraycopy(z, r * mp, s.zGroup, 0, len);
                }
                activation.apply(s.zGroup, value, slope, 0, len);
            }
            FloatVector acc = FloatVector.zero(SPECIES);
            for (int j = 0; j < mp; j += L) {
                acc = FloatVector.fromArray(SPECIES, coefficient, j).fma(FloatVector.fromArray(SPECIES, value, o + j), acc);
            }
            int i = b0 + r;
            // lanes summed in a fixed order: reduceLanes(ADD) may reassociate, and on JDK 25 compiled and
            // interpreted code gave different sums, which broke run-to-run determinism
            acc.intoArray(s.lanes, 0);
            float f = 0;
            for (int l = 0; l < L; l++) {
                f += s.lanes[l];
            }
            float q = y[i] * f;
            margins[i] = q;
            loss += Logistic.loss(q);
            // as the scalar kernel: g = -y e^shift sigmoid(-q) / n formed in double (shift keeps it in float range)
            float gi = (float) (-y[i] * Logistic.scaledNegativeDerivative(q, shift) / n);
            FloatVector gv = FloatVector.broadcast(SPECIES, gi);
            if (byStrips) {
                // C by pairs of strips (cStrip), what the gradient tiles read
                for (int j = 0; j < mp; j += L) {
                    int at = cStrip(j / L) + r * cRowStride(j / L);
                    gv.mul(FloatVector.fromArray(SPECIES, coefficient, j))
                            .mul(FloatVector.fromArray(SPECIES, slope, o + j)).intoArray(ct, at);
                }
                continue;
            }
            // C^T by groups of 5 neurons: ct[j0 / 5 stride blockStride + r stride + (j - j0)]; neurons m..mg of the
            // last group hold +-0 (c_j = 0 there). Where one vector holds a group, it is stored from the group's
            // first neuron: its lanes past the 5 fall into the unused slots and the next rows' slots of the same
            // group, which those rows overwrite after (rows go in order), so only the last rows of the group's
            // blockStride, whose lanes would reach the next group, and a row's last neurons take one value at a
            // time, rounded as the lanes round it. With a System.arraycopy of 5 floats per group, this loop over
            // rows took 3.8-4.0% of a step at 16384x784x1024 (JDK 17, 8 lanes, timed per block in an instrumented
            // copy), 2.3-2.4% with vectors. At 16 lanes (vectors spilling into the next row's slots), bench/compare
            // against one value at a time, 1 thread, JDK 17: 8192x784x128 +4.8% (faster in 12 of 12 rounds),
            // 6000x3072x40 +2.7% (11 of 12), 16384x784x1024 and 1024x3072x256 within noise.
            int stride = inPlace ? CT_STRIDE_IN_PLACE : CT_STRIDE;
            int groupStride = stride * blockStride;
            int vectorsUpTo = NEURON_MULTIPLE <= L && r + (L - 1) / stride < blockStride ? mp - L : -1;
            for (int j0 = 0, c = r * stride; j0 < m; j0 += NEURON_MULTIPLE, c += groupStride) {
                if (j0 <= vectorsUpTo) {
                    gv.mul(FloatVector.fromArray(SPECIES, coefficient, j0))
                            .mul(FloatVector.fromArray(SPECIES, slope, o + j0)).intoArray(ct, c);
                } else {
                    for (int j = j0, end = Math.min(m, j0 + NEURON_MULTIPLE); j < end; j++) {
                        ct[c + j - j0] = gi * coefficient[j] * slope[o + j];
                    }
                }
            }
        }
        return loss;
    }

    /** Where strip s of the packed W ({@link #wp}) starts: its value for coordinate k, lane l at strip(s) + k L + l. */
    private int strip(int s) {
        return ALIGN_BASE + s * dp * L;
    }

    /**
     * Copies rows [b0, b0 + rows) into column panels P floats wide (row t of the panel at column c: base + c
     * panelStride + t P), and zeros for the rows up to {@code padded}; both products then read X from the panels.
     */
    private void pack(int b0, int rows, int padded, float[] panels, int base) {
        for (int r = 0; r < padded; r++) {
            int xi = (b0 + r) * xStride;
            for (int c = 0; c < dp; c += P) {
                int pi = base + c * panelStride + r * P;
                if (r >= rows) {
                    Arrays.fill(panels, pi, pi + P, 0f);
                    continue;
                }
                for (int l = 0; l < P; l += L) {
                    int k = c + l;
                    if (k + L <= d) {
                        FloatVector.fromArray(SPECIES, xs, xi + k).intoArray(panels, pi + l);
                    } else {
                        for (int q = 0; q < L; q++) {
                            panels[pi + l + q] = k + q < d ? xs[xi + k + q] : 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * G += C^T X over the block: per pair of panels (kept in L1), every group of 5 neurons; for a C^T larger than L2,
     * in passes over groups of neurons whose C^T stays in L2 ({@link #CT_L2_BYTES}). Each element of G sums the
     * block's rows in the same order either way.
     */
    private void backward(float[] xp, int xo, int rows, float[] ct, float[] g, boolean first) {
        int groupBytes = rows * CT_STRIDE * Float.BYTES;
        int groups = mg / NEURON_MULTIPLE;
        int dv = roundUp(d, L);
        int perPass = groups * groupBytes <= CT_L2_BYTES ? groups : Math.max(1, CT_PASS_BYTES / groupBytes);
        // the 16-register tile's samples in whole runs, the rest one by one ({@link #ROW_RUN})
        int runs = rowRuns ? rows / ROW_RUN * ROW_RUN : 0;
        for (int j0 = 0; j0 < mg; j0 += perPass * NEURON_MULTIPLE) {
            int j1 = Math.min(mg, j0 + perPass * NEURON_MULTIPLE);
            int step = wideTiles ? P : 2 * L;
            for (int k = 0; k < dv; k += step) {
                // the last panel may hold fewer vectors of d (d = 784 at 16 lanes: 1 of 4); G's columns past them
                // are never written, and never read
                int end = Math.min(dv, k + step);
                if (end - k == P && wideTiles) {
                    for (int r0 = 0; r0 < rows; r0 += PANEL_RUN_ROWS) {
                        int r1 = Math.min(rows, r0 + PANEL_RUN_ROWS);
                        for (int j = j0; j < j1; j += NEURON_MULTIPLE) {
                            backward5x4(xp, xo, r0, r1, ct, j, k, g, first && r0 == 0);
                        }
                    }
                    continue;
                }
                for (int j = j0; j < j1; j += NEURON_MULTIPLE) {
                    int kk = k;
                    for (; kk + 2 * L <= end; kk += 2 * L) {
                        if (runs > 0) {
                            backward5x2ByRuns(xp, xo, runs, ct, j, kk, g, first);
                        }
                        if (runs < rows) {
                            backward5x2(xp, xo, runs, rows, ct, j, kk, g, first && runs == 0);
                        }
                    }
                    if (kk < end) {
                        backward5x1(xp, xo, rows, ct, j, kk, g, first);
                    }
                }
            }
        }
    }

    /**
     * z[t+r][s] (+)= x_(t+r) . w_s for 5 rows x 2 strips over the panel columns [v0, v1) (k = v L + kk);
     * 10 accumulators. The rows' values for one k are P floats apart in a panel: constant offsets from one index.
     */
    private void forward5x2(float[] xp, int t, int v0, int v1, int wo, float[] z, int zo, boolean first) {
        FloatVector c00 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 0 * ZR + 0 * L);
        FloatVector c01 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 0 * ZR + 1 * L);
        FloatVector c10 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 1 * ZR + 0 * L);
        FloatVector c11 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 1 * ZR + 1 * L);
        FloatVector c20 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 2 * ZR + 0 * L);
        FloatVector c21 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 2 * ZR + 1 * L);
        FloatVector c30 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 3 * ZR + 0 * L);
        FloatVector c31 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 3 * ZR + 1 * L);
        FloatVector c40 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 4 * ZR + 0 * L);
        FloatVector c41 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 4 * ZR + 1 * L);
        final int ws = dp * L;
        for (int v = v0; v < v1; v++) {
            final int p = v * P * panelStride + t * P;
            final int wv = wo + v * P * L;
            for (int kk = 0; kk < P; kk++) {
                final int w = wv + kk * L;
                FloatVector w0 = FloatVector.fromArray(SPECIES, wp, w);
                FloatVector w1 = FloatVector.fromArray(SPECIES, wp, w + 1 * ws);
                FloatVector b0 = FloatVector.broadcast(SPECIES, xp[p + 0 * P + kk]);
                c00 = b0.fma(w0, c00); c01 = b0.fma(w1, c01);
                FloatVector b1 = FloatVector.broadcast(SPECIES, xp[p + 1 * P + kk]);
                c10 = b1.fma(w0, c10); c11 = b1.fma(w1, c11);
                FloatVector b2 = FloatVector.broadcast(SPECIES, xp[p + 2 * P + kk]);
                c20 = b2.fma(w0, c20); c21 = b2.fma(w1, c21);
                FloatVector b3 = FloatVector.broadcast(SPECIES, xp[p + 3 * P + kk]);
                c30 = b3.fma(w0, c30); c31 = b3.fma(w1, c31);
                FloatVector b4 = FloatVector.broadcast(SPECIES, xp[p + 4 * P + kk]);
                c40 = b4.fma(w0, c40); c41 = b4.fma(w1, c41);
            }
        }
        c00.intoArray(z, zo + 0 * ZR + 0 * L);
        c01.intoArray(z, zo + 0 * ZR + 1 * L);
        c10.intoArray(z, zo + 1 * ZR + 0 * L);
        c11.intoArray(z, zo + 1 * ZR + 1 * L);
        c20.intoArray(z, zo + 2 * ZR + 0 * L);
        c21.intoArray(z, zo + 2 * ZR + 1 * L);
        c30.intoArray(z, zo + 3 * ZR + 0 * L);
        c31.intoArray(z, zo + 3 * ZR + 1 * L);
        c40.intoArray(z, zo + 4 * ZR + 0 * L);
        c41.intoArray(z, zo + 4 * ZR + 1 * L);
    }

    /**
     * {@link #forward5x2} for 10 rows: 20 accumulators, 2 vector loads of W and 10 broadcasts per 20 FMAs. Where the
     * CPU issues two 512-bit FMAs per cycle (Zen 5), the 10 chains of 5 x 2 barely cover the FMA latency, and each
     * W load serves twice the FMAs. Every z sums its k in the same order as in 5 x 2, so the result is bit-identical.
     */
    private void forward10x2(float[] xp, int t, int v0, int v1, int wo, float[] z, int zo, boolean first) {
        FloatVector c00 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 0 * ZR + 0 * L);
        FloatVector c01 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 0 * ZR + 1 * L);
        FloatVector c10 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 1 * ZR + 0 * L);
        FloatVector c11 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 1 * ZR + 1 * L);
        FloatVector c20 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 2 * ZR + 0 * L);
        FloatVector c21 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 2 * ZR + 1 * L);
        FloatVector c30 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 3 * ZR + 0 * L);
        FloatVector c31 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 3 * ZR + 1 * L);
        FloatVector c40 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 4 * ZR + 0 * L);
        FloatVector c41 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 4 * ZR + 1 * L);
        FloatVector c50 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 5 * ZR + 0 * L);
        FloatVector c51 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 5 * ZR + 1 * L);
        FloatVector c60 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 6 * ZR + 0 * L);
        FloatVector c61 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 6 * ZR + 1 * L);
        FloatVector c70 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 7 * ZR + 0 * L);
        FloatVector c71 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 7 * ZR + 1 * L);
        FloatVector c80 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 8 * ZR + 0 * L);
        FloatVector c81 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 8 * ZR + 1 * L);
        FloatVector c90 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 9 * ZR + 0 * L);
        FloatVector c91 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 9 * ZR + 1 * L);
        final int ws = dp * L;
        for (int v = v0; v < v1; v++) {
            final int p = v * P * panelStride + t * P;
            final int wv = wo + v * P * L;
            for (int kk = 0; kk < P; kk++) {
                final int w = wv + kk * L;
                FloatVector w0 = FloatVector.fromArray(SPECIES, wp, w + 0 * ws);
                FloatVector w1 = FloatVector.fromArray(SPECIES, wp, w + 1 * ws);
                FloatVector b0 = FloatVector.broadcast(SPECIES, xp[p + 0 * P + kk]);
                c00 = b0.fma(w0, c00); c01 = b0.fma(w1, c01);
                FloatVector b1 = FloatVector.broadcast(SPECIES, xp[p + 1 * P + kk]);
                c10 = b1.fma(w0, c10); c11 = b1.fma(w1, c11);
                FloatVector b2 = FloatVector.broadcast(SPECIES, xp[p + 2 * P + kk]);
                c20 = b2.fma(w0, c20); c21 = b2.fma(w1, c21);
                FloatVector b3 = FloatVector.broadcast(SPECIES, xp[p + 3 * P + kk]);
                c30 = b3.fma(w0, c30); c31 = b3.fma(w1, c31);
                FloatVector b4 = FloatVector.broadcast(SPECIES, xp[p + 4 * P + kk]);
                c40 = b4.fma(w0, c40); c41 = b4.fma(w1, c41);
                FloatVector b5 = FloatVector.broadcast(SPECIES, xp[p + 5 * P + kk]);
                c50 = b5.fma(w0, c50); c51 = b5.fma(w1, c51);
                FloatVector b6 = FloatVector.broadcast(SPECIES, xp[p + 6 * P + kk]);
                c60 = b6.fma(w0, c60); c61 = b6.fma(w1, c61);
                FloatVector b7 = FloatVector.broadcast(SPECIES, xp[p + 7 * P + kk]);
                c70 = b7.fma(w0, c70); c71 = b7.fma(w1, c71);
                FloatVector b8 = FloatVector.broadcast(SPECIES, xp[p + 8 * P + kk]);
                c80 = b8.fma(w0, c80); c81 = b8.fma(w1, c81);
                FloatVector b9 = FloatVector.broadcast(SPECIES, xp[p + 9 * P + kk]);
                c90 = b9.fma(w0, c90); c91 = b9.fma(w1, c91);
            }
        }
        c00.intoArray(z, zo + 0 * ZR + 0 * L);
        c01.intoArray(z, zo + 0 * ZR + 1 * L);
        c10.intoArray(z, zo + 1 * ZR + 0 * L);
        c11.intoArray(z, zo + 1 * ZR + 1 * L);
        c20.intoArray(z, zo + 2 * ZR + 0 * L);
        c21.intoArray(z, zo + 2 * ZR + 1 * L);
        c30.intoArray(z, zo + 3 * ZR + 0 * L);
        c31.intoArray(z, zo + 3 * ZR + 1 * L);
        c40.intoArray(z, zo + 4 * ZR + 0 * L);
        c41.intoArray(z, zo + 4 * ZR + 1 * L);
        c50.intoArray(z, zo + 5 * ZR + 0 * L);
        c51.intoArray(z, zo + 5 * ZR + 1 * L);
        c60.intoArray(z, zo + 6 * ZR + 0 * L);
        c61.intoArray(z, zo + 6 * ZR + 1 * L);
        c70.intoArray(z, zo + 7 * ZR + 0 * L);
        c71.intoArray(z, zo + 7 * ZR + 1 * L);
        c80.intoArray(z, zo + 8 * ZR + 0 * L);
        c81.intoArray(z, zo + 8 * ZR + 1 * L);
        c90.intoArray(z, zo + 9 * ZR + 0 * L);
        c91.intoArray(z, zo + 9 * ZR + 1 * L);
    }

    /**
     * {@link #forward10x2} over the first {@code vectors} vectors of panel v alone: a last panel that d fills only
     * in part (d = 784 at 16 lanes: 1 vector of 4). The columns skipped are zeros of both X and W, so every z is the
     * same. A method of its own, as its inner loop keeps a constant bound: a variable bound in forward10x2 itself
     * made it about 25 times slower (C2). bench/compare, 1 thread, JDK 17: 16384x784x1024 +2.0% (faster in 8 of 12
     * rounds), 6000x784x40 +2.5% (9 of 12).
     */
    private void forward10x2Tail(float[] xp, int t, int v, int vectors, int wo, float[] z, int zo, boolean first) {
        FloatVector c00 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 0 * ZR + 0 * L);
        FloatVector c01 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 0 * ZR + 1 * L);
        FloatVector c10 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 1 * ZR + 0 * L);
        FloatVector c11 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 1 * ZR + 1 * L);
        FloatVector c20 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 2 * ZR + 0 * L);
        FloatVector c21 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 2 * ZR + 1 * L);
        FloatVector c30 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 3 * ZR + 0 * L);
        FloatVector c31 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 3 * ZR + 1 * L);
        FloatVector c40 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 4 * ZR + 0 * L);
        FloatVector c41 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 4 * ZR + 1 * L);
        FloatVector c50 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 5 * ZR + 0 * L);
        FloatVector c51 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 5 * ZR + 1 * L);
        FloatVector c60 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 6 * ZR + 0 * L);
        FloatVector c61 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 6 * ZR + 1 * L);
        FloatVector c70 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 7 * ZR + 0 * L);
        FloatVector c71 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 7 * ZR + 1 * L);
        FloatVector c80 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 8 * ZR + 0 * L);
        FloatVector c81 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 8 * ZR + 1 * L);
        FloatVector c90 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 9 * ZR + 0 * L);
        FloatVector c91 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 9 * ZR + 1 * L);
        final int ws = dp * L;
        final int p0 = v * P * panelStride + t * P;
        for (int q = 0; q < vectors; q++) {
            final int p = p0 + q * L;
            final int wv = wo + v * P * L + q * L * L;
            for (int kk = 0; kk < L; kk++) {
                final int w = wv + kk * L;
                FloatVector w0 = FloatVector.fromArray(SPECIES, wp, w + 0 * ws);
                FloatVector w1 = FloatVector.fromArray(SPECIES, wp, w + 1 * ws);
                FloatVector b0 = FloatVector.broadcast(SPECIES, xp[p + 0 * P + kk]);
                c00 = b0.fma(w0, c00); c01 = b0.fma(w1, c01);
                FloatVector b1 = FloatVector.broadcast(SPECIES, xp[p + 1 * P + kk]);
                c10 = b1.fma(w0, c10); c11 = b1.fma(w1, c11);
                FloatVector b2 = FloatVector.broadcast(SPECIES, xp[p + 2 * P + kk]);
                c20 = b2.fma(w0, c20); c21 = b2.fma(w1, c21);
                FloatVector b3 = FloatVector.broadcast(SPECIES, xp[p + 3 * P + kk]);
                c30 = b3.fma(w0, c30); c31 = b3.fma(w1, c31);
                FloatVector b4 = FloatVector.broadcast(SPECIES, xp[p + 4 * P + kk]);
                c40 = b4.fma(w0, c40); c41 = b4.fma(w1, c41);
                FloatVector b5 = FloatVector.broadcast(SPECIES, xp[p + 5 * P + kk]);
                c50 = b5.fma(w0, c50); c51 = b5.fma(w1, c51);
                FloatVector b6 = FloatVector.broadcast(SPECIES, xp[p + 6 * P + kk]);
                c60 = b6.fma(w0, c60); c61 = b6.fma(w1, c61);
                FloatVector b7 = FloatVector.broadcast(SPECIES, xp[p + 7 * P + kk]);
                c70 = b7.fma(w0, c70); c71 = b7.fma(w1, c71);
                FloatVector b8 = FloatVector.broadcast(SPECIES, xp[p + 8 * P + kk]);
                c80 = b8.fma(w0, c80); c81 = b8.fma(w1, c81);
                FloatVector b9 = FloatVector.broadcast(SPECIES, xp[p + 9 * P + kk]);
                c90 = b9.fma(w0, c90); c91 = b9.fma(w1, c91);
            }
        }
        c00.intoArray(z, zo + 0 * ZR + 0 * L);
        c01.intoArray(z, zo + 0 * ZR + 1 * L);
        c10.intoArray(z, zo + 1 * ZR + 0 * L);
        c11.intoArray(z, zo + 1 * ZR + 1 * L);
        c20.intoArray(z, zo + 2 * ZR + 0 * L);
        c21.intoArray(z, zo + 2 * ZR + 1 * L);
        c30.intoArray(z, zo + 3 * ZR + 0 * L);
        c31.intoArray(z, zo + 3 * ZR + 1 * L);
        c40.intoArray(z, zo + 4 * ZR + 0 * L);
        c41.intoArray(z, zo + 4 * ZR + 1 * L);
        c50.intoArray(z, zo + 5 * ZR + 0 * L);
        c51.intoArray(z, zo + 5 * ZR + 1 * L);
        c60.intoArray(z, zo + 6 * ZR + 0 * L);
        c61.intoArray(z, zo + 6 * ZR + 1 * L);
        c70.intoArray(z, zo + 7 * ZR + 0 * L);
        c71.intoArray(z, zo + 7 * ZR + 1 * L);
        c80.intoArray(z, zo + 8 * ZR + 0 * L);
        c81.intoArray(z, zo + 8 * ZR + 1 * L);
        c90.intoArray(z, zo + 9 * ZR + 0 * L);
        c91.intoArray(z, zo + 9 * ZR + 1 * L);
    }


    /**
     * z[t+r][s] (+)= x_(t+r) . w_s for 10 rows x 1 strip over the panel columns [v0, v1) (k = v L + kk);
     * 10 accumulators. The rows' values for one k are P floats apart in a panel: constant offsets from one index.
     */
    private void forward10x1(float[] xp, int t, int v0, int v1, int wo, float[] z, int zo, boolean first) {
        FloatVector c00 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 0 * L + 0 * L);
        FloatVector c10 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 1 * L + 0 * L);
        FloatVector c20 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 2 * L + 0 * L);
        FloatVector c30 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 3 * L + 0 * L);
        FloatVector c40 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 4 * L + 0 * L);
        FloatVector c50 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 5 * L + 0 * L);
        FloatVector c60 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 6 * L + 0 * L);
        FloatVector c70 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 7 * L + 0 * L);
        FloatVector c80 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 8 * L + 0 * L);
        FloatVector c90 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 9 * L + 0 * L);
        for (int v = v0; v < v1; v++) {
            final int p = v * P * panelStride + t * P;
            final int wv = wo + v * P * L;
            for (int kk = 0; kk < P; kk++) {
                final int w = wv + kk * L;
                FloatVector w0 = FloatVector.fromArray(SPECIES, wp, w);
                FloatVector b0 = FloatVector.broadcast(SPECIES, xp[p + 0 * P + kk]);
                c00 = b0.fma(w0, c00);
                FloatVector b1 = FloatVector.broadcast(SPECIES, xp[p + 1 * P + kk]);
                c10 = b1.fma(w0, c10);
                FloatVector b2 = FloatVector.broadcast(SPECIES, xp[p + 2 * P + kk]);
                c20 = b2.fma(w0, c20);
                FloatVector b3 = FloatVector.broadcast(SPECIES, xp[p + 3 * P + kk]);
                c30 = b3.fma(w0, c30);
                FloatVector b4 = FloatVector.broadcast(SPECIES, xp[p + 4 * P + kk]);
                c40 = b4.fma(w0, c40);
                FloatVector b5 = FloatVector.broadcast(SPECIES, xp[p + 5 * P + kk]);
                c50 = b5.fma(w0, c50);
                FloatVector b6 = FloatVector.broadcast(SPECIES, xp[p + 6 * P + kk]);
                c60 = b6.fma(w0, c60);
                FloatVector b7 = FloatVector.broadcast(SPECIES, xp[p + 7 * P + kk]);
                c70 = b7.fma(w0, c70);
                FloatVector b8 = FloatVector.broadcast(SPECIES, xp[p + 8 * P + kk]);
                c80 = b8.fma(w0, c80);
                FloatVector b9 = FloatVector.broadcast(SPECIES, xp[p + 9 * P + kk]);
                c90 = b9.fma(w0, c90);
            }
        }
        c00.intoArray(z, zo + 0 * L + 0 * L);
        c10.intoArray(z, zo + 1 * L + 0 * L);
        c20.intoArray(z, zo + 2 * L + 0 * L);
        c30.intoArray(z, zo + 3 * L + 0 * L);
        c40.intoArray(z, zo + 4 * L + 0 * L);
        c50.intoArray(z, zo + 5 * L + 0 * L);
        c60.intoArray(z, zo + 6 * L + 0 * L);
        c70.intoArray(z, zo + 7 * L + 0 * L);
        c80.intoArray(z, zo + 8 * L + 0 * L);
        c90.intoArray(z, zo + 9 * L + 0 * L);
    }

    /**
     * {@link #forward10x1} over the first {@code vectors} vectors of panel v alone, as {@link #forward10x2Tail}.
     */
    private void forward10x1Tail(float[] xp, int t, int v, int vectors, int wo, float[] z, int zo, boolean first) {
        FloatVector c00 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 0 * L + 0 * L);
        FloatVector c10 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 1 * L + 0 * L);
        FloatVector c20 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 2 * L + 0 * L);
        FloatVector c30 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 3 * L + 0 * L);
        FloatVector c40 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 4 * L + 0 * L);
        FloatVector c50 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 5 * L + 0 * L);
        FloatVector c60 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 6 * L + 0 * L);
        FloatVector c70 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 7 * L + 0 * L);
        FloatVector c80 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 8 * L + 0 * L);
        FloatVector c90 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, zo + 9 * L + 0 * L);
        final int p0 = v * P * panelStride + t * P;
        for (int q = 0; q < vectors; q++) {
            final int p = p0 + q * L;
            final int wv = wo + v * P * L + q * L * L;
            for (int kk = 0; kk < L; kk++) {
                final int w = wv + kk * L;
                FloatVector w0 = FloatVector.fromArray(SPECIES, wp, w);
                FloatVector b0 = FloatVector.broadcast(SPECIES, xp[p + 0 * P + kk]);
                c00 = b0.fma(w0, c00);
                FloatVector b1 = FloatVector.broadcast(SPECIES, xp[p + 1 * P + kk]);
                c10 = b1.fma(w0, c10);
                FloatVector b2 = FloatVector.broadcast(SPECIES, xp[p + 2 * P + kk]);
                c20 = b2.fma(w0, c20);
                FloatVector b3 = FloatVector.broadcast(SPECIES, xp[p + 3 * P + kk]);
                c30 = b3.fma(w0, c30);
                FloatVector b4 = FloatVector.broadcast(SPECIES, xp[p + 4 * P + kk]);
                c40 = b4.fma(w0, c40);
                FloatVector b5 = FloatVector.broadcast(SPECIES, xp[p + 5 * P + kk]);
                c50 = b5.fma(w0, c50);
                FloatVector b6 = FloatVector.broadcast(SPECIES, xp[p + 6 * P + kk]);
                c60 = b6.fma(w0, c60);
                FloatVector b7 = FloatVector.broadcast(SPECIES, xp[p + 7 * P + kk]);
                c70 = b7.fma(w0, c70);
                FloatVector b8 = FloatVector.broadcast(SPECIES, xp[p + 8 * P + kk]);
                c80 = b8.fma(w0, c80);
                FloatVector b9 = FloatVector.broadcast(SPECIES, xp[p + 9 * P + kk]);
                c90 = b9.fma(w0, c90);
            }
        }
        c00.intoArray(z, zo + 0 * L + 0 * L);
        c10.intoArray(z, zo + 1 * L + 0 * L);
        c20.intoArray(z, zo + 2 * L + 0 * L);
        c30.intoArray(z, zo + 3 * L + 0 * L);
        c40.intoArray(z, zo + 4 * L + 0 * L);
        c50.intoArray(z, zo + 5 * L + 0 * L);
        c60.intoArray(z, zo + 6 * L + 0 * L);
        c70.intoArray(z, zo + 7 * L + 0 * L);
        c80.intoArray(z, zo + 8 * L + 0 * L);
        c90.intoArray(z, zo + 9 * L + 0 * L);
    }

    /**
     * g[j..j+5][k..k+2L] += sum_i C^T[j..][i] x_i[k..] over the block's samples [from, rows); 10 accumulators.
     * C^T keeps the 5 neurons' values of one sample together ({@link #CT_STRIDE} apart from the next sample's) and
     * each panel one row's vector: constant offsets from one index each. The loop counts C^T's index, in steps of 5,
     * and X's beside it: counted by the sample i instead, C2 writes i * 5 as (i << 2) + i, which JDK 17's range-check
     * elimination does not take, and kept two checks of C^T in the loop (36 instructions per 10 FMAs in the
     * disassembly; 28 this way, with X's two checks in their place; JDK 25 27 either way).
     */
    private void backward5x2(float[] xp, int xo, int from, int rows, float[] ct, int j, int k, float[] g,
            boolean first) {
        final int go = k / P * mg * P + j * P + k % P;
        FloatVector a00 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 0 * P + 0 * L);
        FloatVector a01 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 0 * P + 1 * L);
        FloatVector a10 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 1 * P + 0 * L);
        FloatVector a11 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 1 * P + 1 * L);
        FloatVector a20 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 2 * P + 0 * L);
        FloatVector a21 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 2 * P + 1 * L);
        FloatVector a30 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 3 * P + 0 * L);
        FloatVector a31 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 3 * P + 1 * L);
        FloatVector a40 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 4 * P + 0 * L);
        FloatVector a41 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 4 * P + 1 * L);
        final int po = (k - k % P) * panelStride + xo + k % P;
        final int to = j / NEURON_MULTIPLE * CT_STRIDE * blockStride;
        int xi = po + from * P;
        for (int ti = to + from * CT_STRIDE, te = to + rows * CT_STRIDE; ti < te; ti += CT_STRIDE, xi += P) {
            FloatVector x0 = FloatVector.fromArray(SPECIES, xp, xi);
            FloatVector x1 = FloatVector.fromArray(SPECIES, xp, xi + L);
            FloatVector b0 = FloatVector.broadcast(SPECIES, ct[ti + 0]);
            a00 = b0.fma(x0, a00); a01 = b0.fma(x1, a01);
            FloatVector b1 = FloatVector.broadcast(SPECIES, ct[ti + 1]);
            a10 = b1.fma(x0, a10); a11 = b1.fma(x1, a11);
            FloatVector b2 = FloatVector.broadcast(SPECIES, ct[ti + 2]);
            a20 = b2.fma(x0, a20); a21 = b2.fma(x1, a21);
            FloatVector b3 = FloatVector.broadcast(SPECIES, ct[ti + 3]);
            a30 = b3.fma(x0, a30); a31 = b3.fma(x1, a31);
            FloatVector b4 = FloatVector.broadcast(SPECIES, ct[ti + 4]);
            a40 = b4.fma(x0, a40); a41 = b4.fma(x1, a41);
        }
        a00.intoArray(g, go + 0 * P + 0 * L);
        a01.intoArray(g, go + 0 * P + 1 * L);
        a10.intoArray(g, go + 1 * P + 0 * L);
        a11.intoArray(g, go + 1 * P + 1 * L);
        a20.intoArray(g, go + 2 * P + 0 * L);
        a21.intoArray(g, go + 2 * P + 1 * L);
        a30.intoArray(g, go + 3 * P + 0 * L);
        a31.intoArray(g, go + 3 * P + 1 * L);
        a40.intoArray(g, go + 4 * P + 0 * L);
        a41.intoArray(g, go + 4 * P + 1 * L);
    }

    /**
     * {@link #backward5x2} over samples [0, rows), a multiple of {@link #ROW_RUN}, in runs of that many (an inner
     * loop of constant count); the caller leaves the rest to backward5x2. The same products in the same order.
     */
    private void backward5x2ByRuns(float[] xp, int xo, int rows, float[] ct, int j, int k, float[] g, boolean first) {
        final int go = k / P * mg * P + j * P + k % P;
        FloatVector a00 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 0 * P + 0 * L);
        FloatVector a01 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 0 * P + 1 * L);
        FloatVector a10 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 1 * P + 0 * L);
        FloatVector a11 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 1 * P + 1 * L);
        FloatVector a20 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 2 * P + 0 * L);
        FloatVector a21 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 2 * P + 1 * L);
        FloatVector a30 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 3 * P + 0 * L);
        FloatVector a31 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 3 * P + 1 * L);
        FloatVector a40 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 4 * P + 0 * L);
        FloatVector a41 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 4 * P + 1 * L);
        final int po = (k - k % P) * panelStride + xo + k % P;
        final int to = j / NEURON_MULTIPLE * CT_STRIDE * blockStride;
        for (int i0 = 0; i0 < rows; i0 += ROW_RUN) {
            final int xr = po + i0 * P;
            final int tr = to + i0 * CT_STRIDE;
            for (int i = 0; i < ROW_RUN; i++) {
                final int xi = xr + i * P;
                FloatVector x0 = FloatVector.fromArray(SPECIES, xp, xi);
                FloatVector x1 = FloatVector.fromArray(SPECIES, xp, xi + L);
                final int ti = tr + i * CT_STRIDE;
                FloatVector b0 = FloatVector.broadcast(SPECIES, ct[ti + 0]);
                a00 = b0.fma(x0, a00); a01 = b0.fma(x1, a01);
                FloatVector b1 = FloatVector.broadcast(SPECIES, ct[ti + 1]);
                a10 = b1.fma(x0, a10); a11 = b1.fma(x1, a11);
                FloatVector b2 = FloatVector.broadcast(SPECIES, ct[ti + 2]);
                a20 = b2.fma(x0, a20); a21 = b2.fma(x1, a21);
                FloatVector b3 = FloatVector.broadcast(SPECIES, ct[ti + 3]);
                a30 = b3.fma(x0, a30); a31 = b3.fma(x1, a31);
                FloatVector b4 = FloatVector.broadcast(SPECIES, ct[ti + 4]);
                a40 = b4.fma(x0, a40); a41 = b4.fma(x1, a41);
            }
        }
        a00.intoArray(g, go + 0 * P + 0 * L);
        a01.intoArray(g, go + 0 * P + 1 * L);
        a10.intoArray(g, go + 1 * P + 0 * L);
        a11.intoArray(g, go + 1 * P + 1 * L);
        a20.intoArray(g, go + 2 * P + 0 * L);
        a21.intoArray(g, go + 2 * P + 1 * L);
        a30.intoArray(g, go + 3 * P + 0 * L);
        a31.intoArray(g, go + 3 * P + 1 * L);
        a40.intoArray(g, go + 4 * P + 0 * L);
        a41.intoArray(g, go + 4 * P + 1 * L);
    }

    /**
     * {@link #backward5x2} for a single vector of d, the last of a short last panel; 5 accumulators. Latency-bound,
     * but a 5 x 4 tile over a panel of 1 real vector would do 4 times the FMAs.
     */
    private void backward5x1(float[] xp, int xo, int rows, float[] ct, int j, int k, float[] g, boolean first) {
        final int go = k / P * mg * P + j * P + k % P;
        FloatVector a00 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 0 * P + 0 * L);
        FloatVector a10 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 1 * P + 0 * L);
        FloatVector a20 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 2 * P + 0 * L);
        FloatVector a30 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 3 * P + 0 * L);
        FloatVector a40 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 4 * P + 0 * L);
        final int po = (k - k % P) * panelStride + xo + k % P;
        final int to = j / NEURON_MULTIPLE * CT_STRIDE * blockStride;
        int xi = po;
        for (int ti = to, te = to + rows * CT_STRIDE; ti < te; ti += CT_STRIDE, xi += P) {
            FloatVector x0 = FloatVector.fromArray(SPECIES, xp, xi);
            FloatVector b0 = FloatVector.broadcast(SPECIES, ct[ti + 0]);
            a00 = b0.fma(x0, a00);
            FloatVector b1 = FloatVector.broadcast(SPECIES, ct[ti + 1]);
            a10 = b1.fma(x0, a10);
            FloatVector b2 = FloatVector.broadcast(SPECIES, ct[ti + 2]);
            a20 = b2.fma(x0, a20);
            FloatVector b3 = FloatVector.broadcast(SPECIES, ct[ti + 3]);
            a30 = b3.fma(x0, a30);
            FloatVector b4 = FloatVector.broadcast(SPECIES, ct[ti + 4]);
            a40 = b4.fma(x0, a40);
        }
        a00.intoArray(g, go + 0 * P + 0 * L);
        a10.intoArray(g, go + 1 * P + 0 * L);
        a20.intoArray(g, go + 2 * P + 0 * L);
        a30.intoArray(g, go + 3 * P + 0 * L);
        a40.intoArray(g, go + 4 * P + 0 * L);
    }

    /**
     * {@link #backward5x2} over a whole panel: g[j..j+5][k..k+4L] += sum_i C^T[j..][i] x_i[k..]; 20 accumulators,
     * 4 vector loads and 5 broadcasts per 20 FMAs (against 2 and 5 per 10), and the block's rows of a panel read
     * contiguously. Each element of G still sums the rows in order, so the result is bit-identical to 5 x 2.
     * The loop counts X's index (by P) and C^T's beside it (by 5): X's four loads need no check, C^T's two stay,
     * and nothing is recomputed from the row (13 scalar instructions per 20 FMAs in JDK 17's disassembly, against
     * 17 counting the row i, with the loop bound reloaded from the stack). Counting C^T's index instead leaves X's
     * checks (-11%, +7% and 0 on three shapes, docs/PERFORMANCE-NOTES.md). Fresh JVMs alternated, pinned to one
     * CPU, Intel Xeon VM, 2026-12-07, medians of the JVMs' medians (GFLOP/s): JDK 17 1024x3072x256 101.0 -> 107.2
     * (higher in 3 of 4 pairs), 16384x784x1024 113.0 -> 117.0 (3 of 3), 8192x784x128 99.2 -> 103.2 (2 of 3),
     * 6000x3072x40 77.9 -> 76.3 (1 of 3); JDK 25 100.6 -> 103.6 (2 of 3) and 117.7 -> 122.9 (2 of 2).
     */
    private void backward5x4(float[] xp, int xo, int from, int rows, float[] ct, int j, int k, float[] g,
            boolean first) {
        final int go = k / P * mg * P + j * P + k % P;
        FloatVector a00 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 0 * P + 0 * L);
        FloatVector a01 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 0 * P + 1 * L);
        FloatVector a02 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 0 * P + 2 * L);
        FloatVector a03 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 0 * P + 3 * L);
        FloatVector a10 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 1 * P + 0 * L);
        FloatVector a11 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 1 * P + 1 * L);
        FloatVector a12 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 1 * P + 2 * L);
        FloatVector a13 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 1 * P + 3 * L);
        FloatVector a20 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 2 * P + 0 * L);
        FloatVector a21 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 2 * P + 1 * L);
        FloatVector a22 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 2 * P + 2 * L);
        FloatVector a23 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 2 * P + 3 * L);
        FloatVector a30 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 3 * P + 0 * L);
        FloatVector a31 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 3 * P + 1 * L);
        FloatVector a32 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 3 * P + 2 * L);
        FloatVector a33 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 3 * P + 3 * L);
        FloatVector a40 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 4 * P + 0 * L);
        FloatVector a41 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 4 * P + 1 * L);
        FloatVector a42 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 4 * P + 2 * L);
        FloatVector a43 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, g, go + 4 * P + 3 * L);
        final int po = k * panelStride + xo;
        final int to = j / NEURON_MULTIPLE * CT_STRIDE * blockStride;
        final int xEnd = po + rows * P;
        for (int xi = po + from * P, ti = to + from * CT_STRIDE; xi < xEnd; xi += P, ti += CT_STRIDE) {
            FloatVector x0 = FloatVector.fromArray(SPECIES, xp, xi + 0 * L);
            FloatVector x1 = FloatVector.fromArray(SPECIES, xp, xi + 1 * L);
            FloatVector x2 = FloatVector.fromArray(SPECIES, xp, xi + 2 * L);
            FloatVector x3 = FloatVector.fromArray(SPECIES, xp, xi + 3 * L);
            FloatVector b0 = FloatVector.broadcast(SPECIES, ct[ti + 0]);
            a00 = b0.fma(x0, a00); a01 = b0.fma(x1, a01); a02 = b0.fma(x2, a02); a03 = b0.fma(x3, a03);
            FloatVector b1 = FloatVector.broadcast(SPECIES, ct[ti + 1]);
            a10 = b1.fma(x0, a10); a11 = b1.fma(x1, a11); a12 = b1.fma(x2, a12); a13 = b1.fma(x3, a13);
            FloatVector b2 = FloatVector.broadcast(SPECIES, ct[ti + 2]);
            a20 = b2.fma(x0, a20); a21 = b2.fma(x1, a21); a22 = b2.fma(x2, a22); a23 = b2.fma(x3, a23);
            FloatVector b3 = FloatVector.broadcast(SPECIES, ct[ti + 3]);
            a30 = b3.fma(x0, a30); a31 = b3.fma(x1, a31); a32 = b3.fma(x2, a32); a33 = b3.fma(x3, a33);
            FloatVector b4 = FloatVector.broadcast(SPECIES, ct[ti + 4]);
            a40 = b4.fma(x0, a40); a41 = b4.fma(x1, a41); a42 = b4.fma(x2, a42); a43 = b4.fma(x3, a43);
        }
        a00.intoArray(g, go + 0 * P + 0 * L);
        a01.intoArray(g, go + 0 * P + 1 * L);
        a02.intoArray(g, go + 0 * P + 2 * L);
        a03.intoArray(g, go + 0 * P + 3 * L);
        a10.intoArray(g, go + 1 * P + 0 * L);
        a11.intoArray(g, go + 1 * P + 1 * L);
        a12.intoArray(g, go + 1 * P + 2 * L);
        a13.intoArray(g, go + 1 * P + 3 * L);
        a20.intoArray(g, go + 2 * P + 0 * L);
        a21.intoArray(g, go + 2 * P + 1 * L);
        a22.intoArray(g, go + 2 * P + 2 * L);
        a23.intoArray(g, go + 2 * P + 3 * L);
        a30.intoArray(g, go + 3 * P + 0 * L);
        a31.intoArray(g, go + 3 * P + 1 * L);
        a32.intoArray(g, go + 3 * P + 2 * L);
        a33.intoArray(g, go + 3 * P + 3 * L);
        a40.intoArray(g, go + 4 * P + 0 * L);
        a41.intoArray(g, go + 4 * P + 1 * L);
        a42.intoArray(g, go + 4 * P + 2 * L);
        a43.intoArray(g, go + 4 * P + 3 * L);
    }

    /**
     * z[r][s] (+)= x_r . w_s for 5 rows x 2 strips over k in [k0, k1); 10 accumulators, started at zero
     * and added to z after the loop, so that no z offset stays live in a register across it.
     */
    private void forwardRows5x2(float[] xa, int xo, int k0, int k1, int wo, float[] z, int zo, boolean first) {
        FloatVector c00 = FloatVector.zero(SPECIES);
        FloatVector c01 = FloatVector.zero(SPECIES);
        FloatVector c10 = FloatVector.zero(SPECIES);
        FloatVector c11 = FloatVector.zero(SPECIES);
        FloatVector c20 = FloatVector.zero(SPECIES);
        FloatVector c21 = FloatVector.zero(SPECIES);
        FloatVector c30 = FloatVector.zero(SPECIES);
        FloatVector c31 = FloatVector.zero(SPECIES);
        FloatVector c40 = FloatVector.zero(SPECIES);
        FloatVector c41 = FloatVector.zero(SPECIES);
        final int ws = dp * L;
        final int x0 = xo + 0 * dp;
        final int x1 = xo + 1 * dp;
        final int x2 = xo + 2 * dp;
        final int x3 = xo + 3 * dp;
        final int x4 = xo + 4 * dp;
        for (int k = k0; k < k1; k++) {
            final int w = wo + k * L;
            FloatVector v0 = FloatVector.fromArray(SPECIES, wp, w);
            FloatVector v1 = FloatVector.fromArray(SPECIES, wp, w + 1 * ws);
            FloatVector b0 = FloatVector.broadcast(SPECIES, xa[x0 + k]);
            c00 = b0.fma(v0, c00); c01 = b0.fma(v1, c01);
            FloatVector b1 = FloatVector.broadcast(SPECIES, xa[x1 + k]);
            c10 = b1.fma(v0, c10); c11 = b1.fma(v1, c11);
            FloatVector b2 = FloatVector.broadcast(SPECIES, xa[x2 + k]);
            c20 = b2.fma(v0, c20); c21 = b2.fma(v1, c21);
            FloatVector b3 = FloatVector.broadcast(SPECIES, xa[x3 + k]);
            c30 = b3.fma(v0, c30); c31 = b3.fma(v1, c31);
            FloatVector b4 = FloatVector.broadcast(SPECIES, xa[x4 + k]);
            c40 = b4.fma(v0, c40); c41 = b4.fma(v1, c41);
        }
        if (first) {
            c00.intoArray(z, zo + 0 * mp + 0 * L);
            c01.intoArray(z, zo + 0 * mp + 1 * L);
            c10.intoArray(z, zo + 1 * mp + 0 * L);
            c11.intoArray(z, zo + 1 * mp + 1 * L);
            c20.intoArray(z, zo + 2 * mp + 0 * L);
            c21.intoArray(z, zo + 2 * mp + 1 * L);
            c30.intoArray(z, zo + 3 * mp + 0 * L);
            c31.intoArray(z, zo + 3 * mp + 1 * L);
            c40.intoArray(z, zo + 4 * mp + 0 * L);
            c41.intoArray(z, zo + 4 * mp + 1 * L);
        } else {
            c00.add(FloatVector.fromArray(SPECIES, z, zo + 0 * mp + 0 * L)).intoArray(z, zo + 0 * mp + 0 * L);
            c01.add(FloatVector.fromArray(SPECIES, z, zo + 0 * mp + 1 * L)).intoArray(z, zo + 0 * mp + 1 * L);
            c10.add(FloatVector.fromArray(SPECIES, z, zo + 1 * mp + 0 * L)).intoArray(z, zo + 1 * mp + 0 * L);
            c11.add(FloatVector.fromArray(SPECIES, z, zo + 1 * mp + 1 * L)).intoArray(z, zo + 1 * mp + 1 * L);
            c20.add(FloatVector.fromArray(SPECIES, z, zo + 2 * mp + 0 * L)).intoArray(z, zo + 2 * mp + 0 * L);
            c21.add(FloatVector.fromArray(SPECIES, z, zo + 2 * mp + 1 * L)).intoArray(z, zo + 2 * mp + 1 * L);
            c30.add(FloatVector.fromArray(SPECIES, z, zo + 3 * mp + 0 * L)).intoArray(z, zo + 3 * mp + 0 * L);
            c31.add(FloatVector.fromArray(SPECIES, z, zo + 3 * mp + 1 * L)).intoArray(z, zo + 3 * mp + 1 * L);
            c40.add(FloatVector.fromArray(SPECIES, z, zo + 4 * mp + 0 * L)).intoArray(z, zo + 4 * mp + 0 * L);
            c41.add(FloatVector.fromArray(SPECIES, z, zo + 4 * mp + 1 * L)).intoArray(z, zo + 4 * mp + 1 * L);
        }
    }

    /**
     * z[r][s] (+)= x_r . w_s for 10 rows x 1 strip over k in [k0, k1); 10 accumulators, started at zero
     * and added to z after the loop, so that no z offset stays live in a register across it.
     */
    private void forwardRows10x1(float[] xa, int xo, int k0, int k1, int wo, float[] z, int zo, boolean first) {
        FloatVector c00 = FloatVector.zero(SPECIES);
        FloatVector c10 = FloatVector.zero(SPECIES);
        FloatVector c20 = FloatVector.zero(SPECIES);
        FloatVector c30 = FloatVector.zero(SPECIES);
        FloatVector c40 = FloatVector.zero(SPECIES);
        FloatVector c50 = FloatVector.zero(SPECIES);
        FloatVector c60 = FloatVector.zero(SPECIES);
        FloatVector c70 = FloatVector.zero(SPECIES);
        FloatVector c80 = FloatVector.zero(SPECIES);
        FloatVector c90 = FloatVector.zero(SPECIES);
        final int x0 = xo + 0 * dp;
        final int x1 = xo + 1 * dp;
        final int x2 = xo + 2 * dp;
        final int x3 = xo + 3 * dp;
        final int x4 = xo + 4 * dp;
        final int x5 = xo + 5 * dp;
        final int x6 = xo + 6 * dp;
        final int x7 = xo + 7 * dp;
        final int x8 = xo + 8 * dp;
        final int x9 = xo + 9 * dp;
        for (int k = k0; k < k1; k++) {
            final int w = wo + k * L;
            FloatVector v0 = FloatVector.fromArray(SPECIES, wp, w);
            FloatVector b0 = FloatVector.broadcast(SPECIES, xa[x0 + k]);
            c00 = b0.fma(v0, c00);
            FloatVector b1 = FloatVector.broadcast(SPECIES, xa[x1 + k]);
            c10 = b1.fma(v0, c10);
            FloatVector b2 = FloatVector.broadcast(SPECIES, xa[x2 + k]);
            c20 = b2.fma(v0, c20);
            FloatVector b3 = FloatVector.broadcast(SPECIES, xa[x3 + k]);
            c30 = b3.fma(v0, c30);
            FloatVector b4 = FloatVector.broadcast(SPECIES, xa[x4 + k]);
            c40 = b4.fma(v0, c40);
            FloatVector b5 = FloatVector.broadcast(SPECIES, xa[x5 + k]);
            c50 = b5.fma(v0, c50);
            FloatVector b6 = FloatVector.broadcast(SPECIES, xa[x6 + k]);
            c60 = b6.fma(v0, c60);
            FloatVector b7 = FloatVector.broadcast(SPECIES, xa[x7 + k]);
            c70 = b7.fma(v0, c70);
            FloatVector b8 = FloatVector.broadcast(SPECIES, xa[x8 + k]);
            c80 = b8.fma(v0, c80);
            FloatVector b9 = FloatVector.broadcast(SPECIES, xa[x9 + k]);
            c90 = b9.fma(v0, c90);
        }
        if (first) {
            c00.intoArray(z, zo + 0 * mp + 0 * L);
            c10.intoArray(z, zo + 1 * mp + 0 * L);
            c20.intoArray(z, zo + 2 * mp + 0 * L);
            c30.intoArray(z, zo + 3 * mp + 0 * L);
            c40.intoArray(z, zo + 4 * mp + 0 * L);
            c50.intoArray(z, zo + 5 * mp + 0 * L);
            c60.intoArray(z, zo + 6 * mp + 0 * L);
            c70.intoArray(z, zo + 7 * mp + 0 * L);
            c80.intoArray(z, zo + 8 * mp + 0 * L);
            c90.intoArray(z, zo + 9 * mp + 0 * L);
        } else {
            c00.add(FloatVector.fromArray(SPECIES, z, zo + 0 * mp + 0 * L)).intoArray(z, zo + 0 * mp + 0 * L);
            c10.add(FloatVector.fromArray(SPECIES, z, zo + 1 * mp + 0 * L)).intoArray(z, zo + 1 * mp + 0 * L);
            c20.add(FloatVector.fromArray(SPECIES, z, zo + 2 * mp + 0 * L)).intoArray(z, zo + 2 * mp + 0 * L);
            c30.add(FloatVector.fromArray(SPECIES, z, zo + 3 * mp + 0 * L)).intoArray(z, zo + 3 * mp + 0 * L);
            c40.add(FloatVector.fromArray(SPECIES, z, zo + 4 * mp + 0 * L)).intoArray(z, zo + 4 * mp + 0 * L);
            c50.add(FloatVector.fromArray(SPECIES, z, zo + 5 * mp + 0 * L)).intoArray(z, zo + 5 * mp + 0 * L);
            c60.add(FloatVector.fromArray(SPECIES, z, zo + 6 * mp + 0 * L)).intoArray(z, zo + 6 * mp + 0 * L);
            c70.add(FloatVector.fromArray(SPECIES, z, zo + 7 * mp + 0 * L)).intoArray(z, zo + 7 * mp + 0 * L);
            c80.add(FloatVector.fromArray(SPECIES, z, zo + 8 * mp + 0 * L)).intoArray(z, zo + 8 * mp + 0 * L);
            c90.add(FloatVector.fromArray(SPECIES, z, zo + 9 * mp + 0 * L)).intoArray(z, zo + 9 * mp + 0 * L);
        }
    }

    /**
     * G += C^T X over the block, X read in place: per pair of vectors of d (that slice of the block's rows stays
     * in L1), every group of 5 neurons.
     */
    private void backwardRows(int b0, int rows, float[] ct, float[] g) {
        for (int k = 0; k < dp; k += 2 * L) {
            for (int j = 0; j < mg; j += NEURON_MULTIPLE) {
                backwardRows5x2(b0 * dp, rows, ct, j, k, g);
            }
        }
    }

    /**
     * G^T += X_block^T C over the block, X read in place, G^T and C by strips of L neurons: per pair of strips,
     * 5 coordinates of d at a time, every row. The x values are broadcast, so this pass needs no padding of d.
     */
    private void backwardStrips(int xo, int rows, float[] cs, float[] gt) {
        int s = 0;
        for (; s + 2 <= strips; s += 2) {
            int k = 0;
            for (; k + 5 <= d; k += 5) {
                backwardStrips5x2(xo, rows, cs, s, k, gt);
            }
            for (; k < d; k++) {
                backwardStrip1(xo, rows, cs, s, k, gt);
                backwardStrip1(xo, rows, cs, s + 1, k, gt);
            }
        }
        if (s < strips) {
            int k = 0;
            for (; k + 10 <= d; k += 10) {
                backwardStrips10x1(xo, rows, cs, s, k, gt);
            }
            for (; k < d; k++) {
                backwardStrip1(xo, rows, cs, s, k, gt);
            }
        }
    }

    /**
     * g[j..j+5][k..k+2L] += sum_i C^T[j..][i] x_i[k..] over the block's rows of X, read in place; 10 accumulators.
     * C^T keeps the 5 neurons' values of one sample together: constant offsets from one index. The same loop as
     * {@link #backward5x2} with a row stride of dp instead of the constant P: one method taking the stride as a
     * parameter ran 4-6% slower on JDK 25 (bench/compare, 8192x784x128: slower in 9 of 10 rounds). Counting C^T's
     * index as backward5x2 does took JDK 17's loop from 42 to 31 instructions per 10 FMAs, but JDK 25 then kept X's
     * index on the stack (a load and a store per sample); bench/compare 6000x784x30 against this form: JDK 25 58.9 ->
     * 53.8 GFLOP/s (faster in 3 of 12 rounds), JDK 17 52.9 -> 53.1 (8 of 12). Not taken.
     */
    private void backwardRows5x2(int xb, int rows, float[] ct, int j, int k, float[] g) {
        FloatVector a00 = FloatVector.fromArray(SPECIES, g, (j + 0) * dp + k + 0 * L);
        FloatVector a01 = FloatVector.fromArray(SPECIES, g, (j + 0) * dp + k + 1 * L);
        FloatVector a10 = FloatVector.fromArray(SPECIES, g, (j + 1) * dp + k + 0 * L);
        FloatVector a11 = FloatVector.fromArray(SPECIES, g, (j + 1) * dp + k + 1 * L);
        FloatVector a20 = FloatVector.fromArray(SPECIES, g, (j + 2) * dp + k + 0 * L);
        FloatVector a21 = FloatVector.fromArray(SPECIES, g, (j + 2) * dp + k + 1 * L);
        FloatVector a30 = FloatVector.fromArray(SPECIES, g, (j + 3) * dp + k + 0 * L);
        FloatVector a31 = FloatVector.fromArray(SPECIES, g, (j + 3) * dp + k + 1 * L);
        FloatVector a40 = FloatVector.fromArray(SPECIES, g, (j + 4) * dp + k + 0 * L);
        FloatVector a41 = FloatVector.fromArray(SPECIES, g, (j + 4) * dp + k + 1 * L);
        final int to = j / NEURON_MULTIPLE * CT_STRIDE_IN_PLACE * blockStride;
        for (int i = 0; i < rows; i++) {
            final int xi = xb + i * dp + k;
            FloatVector x0 = FloatVector.fromArray(SPECIES, xs, xi);
            FloatVector x1 = FloatVector.fromArray(SPECIES, xs, xi + 1 * L);
            final int ti = to + i * CT_STRIDE_IN_PLACE;
            FloatVector b0 = FloatVector.broadcast(SPECIES, ct[ti + 0]);
            a00 = b0.fma(x0, a00); a01 = b0.fma(x1, a01);
            FloatVector b1 = FloatVector.broadcast(SPECIES, ct[ti + 1]);
            a10 = b1.fma(x0, a10); a11 = b1.fma(x1, a11);
            FloatVector b2 = FloatVector.broadcast(SPECIES, ct[ti + 2]);
            a20 = b2.fma(x0, a20); a21 = b2.fma(x1, a21);
            FloatVector b3 = FloatVector.broadcast(SPECIES, ct[ti + 3]);
            a30 = b3.fma(x0, a30); a31 = b3.fma(x1, a31);
            FloatVector b4 = FloatVector.broadcast(SPECIES, ct[ti + 4]);
            a40 = b4.fma(x0, a40); a41 = b4.fma(x1, a41);
        }
        a00.intoArray(g, (j + 0) * dp + k + 0 * L);
        a01.intoArray(g, (j + 0) * dp + k + 1 * L);
        a10.intoArray(g, (j + 1) * dp + k + 0 * L);
        a11.intoArray(g, (j + 1) * dp + k + 1 * L);
        a20.intoArray(g, (j + 2) * dp + k + 0 * L);
        a21.intoArray(g, (j + 2) * dp + k + 1 * L);
        a30.intoArray(g, (j + 3) * dp + k + 0 * L);
        a31.intoArray(g, (j + 3) * dp + k + 1 * L);
        a40.intoArray(g, (j + 4) * dp + k + 0 * L);
        a41.intoArray(g, (j + 4) * dp + k + 1 * L);
    }

    /**
     * g^T[k..k+5][strips s, s+1] += sum_i x_i[k..k+5] C[i][strips s, s+1] over the block; 10 accumulators. C keeps a
     * pair of strips' 2L values of one row together, so both loads share the loop's index; x is read in place,
     * rows dp apart.
     */
    private void backwardStrips5x2(int xo, int rows, float[] cs, int s, int k, float[] gt) {
        final int g0 = (s * dp + k) * L;
        final int g1 = g0 + dp * L;
        FloatVector a00 = FloatVector.fromArray(SPECIES, gt, g0 + 0 * L);
        FloatVector a10 = FloatVector.fromArray(SPECIES, gt, g0 + 1 * L);
        FloatVector a20 = FloatVector.fromArray(SPECIES, gt, g0 + 2 * L);
        FloatVector a30 = FloatVector.fromArray(SPECIES, gt, g0 + 3 * L);
        FloatVector a40 = FloatVector.fromArray(SPECIES, gt, g0 + 4 * L);
        FloatVector a01 = FloatVector.fromArray(SPECIES, gt, g1 + 0 * L);
        FloatVector a11 = FloatVector.fromArray(SPECIES, gt, g1 + 1 * L);
        FloatVector a21 = FloatVector.fromArray(SPECIES, gt, g1 + 2 * L);
        FloatVector a31 = FloatVector.fromArray(SPECIES, gt, g1 + 3 * L);
        FloatVector a41 = FloatVector.fromArray(SPECIES, gt, g1 + 4 * L);
        final int c0 = cStrip(s);
        final int c1 = c0 + rows * 2 * L;
        for (int ci = c0, xi = xo + k; ci < c1; ci += 2 * L, xi += dp) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, cs, ci);
            FloatVector v1 = FloatVector.fromArray(SPECIES, cs, ci + L);
            FloatVector b0 = FloatVector.broadcast(SPECIES, xs[xi + 0]);
            a00 = b0.fma(v0, a00); a01 = b0.fma(v1, a01);
            FloatVector b1 = FloatVector.broadcast(SPECIES, xs[xi + 1]);
            a10 = b1.fma(v0, a10); a11 = b1.fma(v1, a11);
            FloatVector b2 = FloatVector.broadcast(SPECIES, xs[xi + 2]);
            a20 = b2.fma(v0, a20); a21 = b2.fma(v1, a21);
            FloatVector b3 = FloatVector.broadcast(SPECIES, xs[xi + 3]);
            a30 = b3.fma(v0, a30); a31 = b3.fma(v1, a31);
            FloatVector b4 = FloatVector.broadcast(SPECIES, xs[xi + 4]);
            a40 = b4.fma(v0, a40); a41 = b4.fma(v1, a41);
        }
        a00.intoArray(gt, g0 + 0 * L);
        a10.intoArray(gt, g0 + 1 * L);
        a20.intoArray(gt, g0 + 2 * L);
        a30.intoArray(gt, g0 + 3 * L);
        a40.intoArray(gt, g0 + 4 * L);
        a01.intoArray(gt, g1 + 0 * L);
        a11.intoArray(gt, g1 + 1 * L);
        a21.intoArray(gt, g1 + 2 * L);
        a31.intoArray(gt, g1 + 3 * L);
        a41.intoArray(gt, g1 + 4 * L);
    }

    /** {@link #backwardStrips5x2} for a last odd strip (C rows L floats apart): 10 coordinates of d x 1 strip. */
    private void backwardStrips10x1(int xo, int rows, float[] cs, int s, int k, float[] gt) {
        final int g0 = (s * dp + k) * L;
        FloatVector a0 = FloatVector.fromArray(SPECIES, gt, g0 + 0 * L);
        FloatVector a1 = FloatVector.fromArray(SPECIES, gt, g0 + 1 * L);
        FloatVector a2 = FloatVector.fromArray(SPECIES, gt, g0 + 2 * L);
        FloatVector a3 = FloatVector.fromArray(SPECIES, gt, g0 + 3 * L);
        FloatVector a4 = FloatVector.fromArray(SPECIES, gt, g0 + 4 * L);
        FloatVector a5 = FloatVector.fromArray(SPECIES, gt, g0 + 5 * L);
        FloatVector a6 = FloatVector.fromArray(SPECIES, gt, g0 + 6 * L);
        FloatVector a7 = FloatVector.fromArray(SPECIES, gt, g0 + 7 * L);
        FloatVector a8 = FloatVector.fromArray(SPECIES, gt, g0 + 8 * L);
        FloatVector a9 = FloatVector.fromArray(SPECIES, gt, g0 + 9 * L);
        final int c0 = cStrip(s);
        for (int i = 0, xi = xo + k; i < rows; i++, xi += dp) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, cs, c0 + i * L);
            a0 = FloatVector.broadcast(SPECIES, xs[xi + 0]).fma(v0, a0);
            a1 = FloatVector.broadcast(SPECIES, xs[xi + 1]).fma(v0, a1);
            a2 = FloatVector.broadcast(SPECIES, xs[xi + 2]).fma(v0, a2);
            a3 = FloatVector.broadcast(SPECIES, xs[xi + 3]).fma(v0, a3);
            a4 = FloatVector.broadcast(SPECIES, xs[xi + 4]).fma(v0, a4);
            a5 = FloatVector.broadcast(SPECIES, xs[xi + 5]).fma(v0, a5);
            a6 = FloatVector.broadcast(SPECIES, xs[xi + 6]).fma(v0, a6);
            a7 = FloatVector.broadcast(SPECIES, xs[xi + 7]).fma(v0, a7);
            a8 = FloatVector.broadcast(SPECIES, xs[xi + 8]).fma(v0, a8);
            a9 = FloatVector.broadcast(SPECIES, xs[xi + 9]).fma(v0, a9);
        }
        a0.intoArray(gt, g0 + 0 * L);
        a1.intoArray(gt, g0 + 1 * L);
        a2.intoArray(gt, g0 + 2 * L);
        a3.intoArray(gt, g0 + 3 * L);
        a4.intoArray(gt, g0 + 4 * L);
        a5.intoArray(gt, g0 + 5 * L);
        a6.intoArray(gt, g0 + 6 * L);
        a7.intoArray(gt, g0 + 7 * L);
        a8.intoArray(gt, g0 + 8 * L);
        a9.intoArray(gt, g0 + 9 * L);
    }

    /** One strip, one coordinate: the tails of {@link #backwardStrips} (d not a multiple of 5 or 10). */
    private void backwardStrip1(int xo, int rows, float[] cs, int s, int k, float[] gt) {
        final int g0 = (s * dp + k) * L;
        FloatVector a = FloatVector.fromArray(SPECIES, gt, g0);
        final int c0 = cStrip(s);
        final int cStride = cRowStride(s);
        for (int i = 0; i < rows; i++) {
            FloatVector v = FloatVector.fromArray(SPECIES, cs, c0 + i * cStride);
            a = FloatVector.broadcast(SPECIES, xs[xo + i * dp + k]).fma(v, a);
        }
        a.intoArray(gt, g0);
    }
}
