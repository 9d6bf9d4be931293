package org.bigstep.kernel.vector;

import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.bigstep.kernel.KernelSpec;
import org.bigstep.kernel.RangeEvaluator;
import org.bigstep.loss.Logistic;

/**
 * The fused, cache-blocked step for d above {@link VectorEvaluatorFactory#COLUMN_MAX_D}; a template defined
 * once per width by {@link SpeciesTemplates}.
 *
 * <p>Per block of {@link #blockRows} samples (about {@link #BLOCK_BYTES} of X): (1) forward Z = X_block W^T in
 * the broadcast form: W is packed each step into strips of L neurons (one vector = L neurons at one input
 * coordinate), one x value is broadcast and FMA'd into R samples x S strips of accumulators (over d-chunks of
 * {@link #K_CHUNK} when the 3-strip W panel would not stay in L2); (2) phi and phi' of the block, f, the
 * margin, the loss and the logistic derivative per sample, and C = g_i c_j phi'(z_ij), kept transposed
 * (neuron-major). Then per superblock of several blocks (about {@link #C_BYTES} of C, so one pass over G
 * serves many samples): (3) X's rows are packed into column panels 3L wide, and G += C^T X runs with J = 4
 * neurons x K = 3 vectors of d in accumulators, reading the panel and C^T sequentially. Reading X rows in
 * place there (one 96-byte piece of each of hundreds of rows) ran at about 27 GFLOP/s; the packed form at
 * about 40 (n = 480, d = 3072, m = 256, one thread). Only block-sized scratch is written.
 *
 * <p>Tiles are sized for 16 vector registers (AVX2): forward 4x3 (12 accumulators + 3 W + 1 broadcast),
 * 6x2 when two strips remain, 8x1 for one; backward 4x3, with 4x1, 1x3 and 1x1 for the tails (6x2 and 12x1
 * backward tiles measured the same as 4x3). Kernels are unrolled by hand because C2 keeps vectors in registers
 * only as named locals, never in arrays. Tails: d is padded with zeros to a multiple of L (a padded copy of X
 * when d is not one already), m is padded to whole strips in the packed W (coefficients 0), and the last
 * partial block of a range is copied into a zero-padded scratch block, so the tile loops have no remainders.
 */
final class BlockedEvaluator implements RangeEvaluator {

    static final VectorSpecies<Float> SPECIES = SpeciesTemplates.species(MethodHandles.lookup());
    private static final int L = SPECIES.length();
    /** Forward tiles take 4, 6 or 8 rows; blocks and padded tails are multiples of all three. */
    static final int ROW_MULTIPLE = 24;
    /** Above this, the forward's W panel (3 strips x d x L floats) is split into d-chunks of about K_CHUNK. */
    static final int PANEL_BYTES = 128 * 1024;
    /** d-chunk of the forward product: 3 strips x 256 x L floats (24 KiB at L = 8) stay in L1. */
    static final int K_CHUNK = 256;
    /** Target bytes of X per sample block, so that the block is still in L2 for the gradient pass. */
    static final int BLOCK_BYTES = 192 * 1024;
    /** Target bytes of C per gradient pass: several forward blocks share one pass over G (m x d). */
    static final int C_BYTES = 256 * 1024;

    private final int n;
    private final int d;
    private final int m;
    private final int dp;
    private final int strips;
    private final int mp;
    private final int blockRows;
    private final int superRows;
    /** Room for a superblock that absorbs a short remainder: 1.5 superRows, in whole blocks. */
    private final int superStride;
    private final int kChunk;
    private final float[] xs;
    private final float[] y;
    private final float[] coefficient;
    private final float[] wp;
    private final RowActivation activation;
    private final Scratch[] scratch;

    /** Per-worker buffers, allocated once; sizes are passed in (a nested class must not read the template's statics). */
    private static final class Scratch {
        final float[] z;
        final float[] value;
        final float[] slope;
        final float[] tail;
        final float[] gradient;
        final float[] panels;
        final float[] transposed;
        final float[] lanes;

        Scratch(int blockRows, int superRows, int mp, int dp, int m, boolean paddedGradient, int lanes) {
            z = new float[superRows * mp];
            value = new float[superRows * mp];
            slope = new float[superRows * mp];
            tail = new float[blockRows * dp];
            panels = new float[superRows * dp];
            transposed = new float[m * superRows];
            this.lanes = new float[lanes];
            gradient = paddedGradient ? new float[m * dp] : null;
        }
    }

    BlockedEvaluator(KernelSpec spec, int workers, RowActivation activation) {
        this.n = spec.data().size();
        this.d = spec.data().dimension();
        this.m = spec.width();
        this.dp = rowStride(d);
        this.strips = (m + L - 1) / L;
        this.mp = strips * L;
        this.activation = activation;
        this.y = spec.data().labels();
        float[] x = spec.data().features();
        if (dp == d) {
            this.xs = x;
        } else {
            this.xs = new float[n * dp];
            for (int i = 0; i < n; i++) {
                System.arraycopy(x, i * d, xs, i * dp, d);
            }
        }
        this.coefficient = Arrays.copyOf(spec.outputCoefficients(), mp);
        this.wp = new float[strips * dp * L];
        int rows = Math.max(1, BLOCK_BYTES / (dp * Float.BYTES) / ROW_MULTIPLE) * ROW_MULTIPLE;
        this.blockRows = Math.min(rows, 10 * ROW_MULTIPLE);
        int blocks = Math.max(1, Math.min(C_BYTES / (blockRows * mp * Float.BYTES), 20));
        this.superRows = blocks * blockRows;
        this.superStride = (blocks + (blocks + 1) / 2) * blockRows;
        // measured: d = 784 ran 15% faster unchunked (its 3-strip panel, 75 KiB, stays in L2), d = 3072 20% faster
        // in chunks of 256 (its panel, 296 KiB, does not)
        boolean panelFitsL2 = 3L * dp * L * Float.BYTES <= PANEL_BYTES;
        int chunks = panelFitsL2 ? 1 : (dp + K_CHUNK - 1) / K_CHUNK;
        this.kChunk = (dp + chunks - 1) / chunks; // equal chunks: no short last chunk re-loading 12 accumulators
        this.scratch = new Scratch[workers];
        for (int t = 0; t < workers; t++) {
            scratch[t] = new Scratch(blockRows, superStride, mp, dp, m, dp != d, L);
        }
    }

    /**
     * d rounded up to whole vectors, plus one vector when rows would then be a multiple of 4 KiB apart:
     * the gradient pass reads one chunk from each of hundreds of rows, and at a 4 KiB stride they all fall
     * into the same L1 set. (On the busy 2-core test machine the pad made no measurable difference at d = 3072.)
     */
    static int rowStride(int d) {
        int stride = roundUp(d, L);
        return stride * Float.BYTES % 4096 == 0 ? stride + L : stride;
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** Packs W (m x d) into strips: wp[(s dp + k) L + lane] = w[(s L + lane) d + k]; padding stays 0. */
    @Override
    public void prepare(float[] w) {
        for (int j = 0; j < m; j++) {
            int base = (j / L) * dp * L + j % L;
            int row = j * d;
            for (int k = 0; k < d; k++) {
                wp[base + k * L] = w[row + k];
            }
        }
    }

    @Override
    public double evaluate(int worker, float[] w, int from, int to, float[] margins, float[] gradient, double shift) {
        Scratch s = scratch[worker];
        float[] g = s.gradient == null ? gradient : s.gradient;
        Arrays.fill(g, 0, m * dp, 0f);
        double loss = 0;
        for (int sb0 = from, superEnd; sb0 < to; sb0 = superEnd) {
            // a remainder of up to half a superblock joins the last one: a partition of 256 rows with
            // superblocks of 240 made a second pass over G (m x d) for 16 rows (n=1024 d=3072 m=256: 30 -> 40 GFLOP/s)
            superEnd = to - sb0 <= superStride ? to : sb0 + superRows;
            for (int b0 = sb0; b0 < superEnd; b0 += blockRows) {
                int rows = Math.min(blockRows, superEnd - b0);
                int padded = roundUp(rows, ROW_MULTIPLE);
                float[] xa = xs;
                int xo = b0 * dp;
                if (padded != rows) {
                    // only the range's last block: pad it in scratch so the forward tiles need no row tail
                    System.arraycopy(xs, b0 * dp, s.tail, 0, rows * dp);
                    Arrays.fill(s.tail, rows * dp, padded * dp, 0f);
                    xa = s.tail;
                    xo = 0;
                }
                int zo = (b0 - sb0) * mp;
                forward(xa, xo, padded, s.z, zo);
                loss += activate(sb0, b0, rows, s, margins, zo, shift);
            }
            pack(sb0, superEnd - sb0, s.panels);
            backward(s.panels, superEnd - sb0, s.transposed, g);
        }
        if (g != gradient) {
            for (int j = 0; j < m; j++) {
                System.arraycopy(g, j * dp, gradient, j * d, d);
            }
        }
        return loss;
    }

    private void forward(float[] xa, int xo, int rows, float[] z, int zo) {
        for (int k0 = 0; k0 < dp; k0 += kChunk) {
            int k1 = Math.min(dp, k0 + kChunk);
            boolean first = k0 == 0;
            int s = 0;
            for (; s + 3 <= strips; s += 3) {
                for (int r = 0; r < rows; r += 4) {
                    forward4x3(xa, xo + r * dp, k0, k1, s * dp * L, z, zo + r * mp + s * L, first);
                }
            }
            if (strips - s == 2) {
                for (int r = 0; r < rows; r += 6) {
                    forward6x2(xa, xo + r * dp, k0, k1, s * dp * L, z, zo + r * mp + s * L, first);
                }
            } else if (strips - s == 1) {
                for (int r = 0; r < rows; r += 8) {
                    forward8x1(xa, xo + r * dp, k0, k1, s * dp * L, z, zo + r * mp + s * L, first);
                }
            }
        }
    }

    /** phi, phi', f, margins, loss and g per sample; leaves C[i][j] = g_i c_j phi'(z_ij) in z. */
    private double activate(int sb0, int b0, int rows, Scratch s, float[] margins, int zo, double shift) {
        float[] z = s.z;
        float[] ct = s.transposed;
        float[] value = s.value;
        float[] slope = s.slope;
        activation.apply(z, value, slope, zo, zo + rows * mp);
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            int o = zo + r * mp;
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
            for (int j = 0; j < mp; j += L) {
                gv.mul(FloatVector.fromArray(SPECIES, coefficient, j)).mul(FloatVector.fromArray(SPECIES, slope, o + j))
                        .intoArray(z, o + j);
            }
            int t = i - sb0;
            for (int j = 0; j < m; j++) {
                ct[j * superStride + t] = z[o + j];
            }
        }
        return loss;
    }

    /** The superblock's rows of the chunk of 3L (or L) columns starting at k, contiguous from k superStride. */
    private void pack(int sb0, int rows, float[] panels) {
        int k = 0;
        for (; k + 3 * L <= dp; k += 3 * L) {
            int po = k * superStride;
            for (int i = 0; i < rows; i++) {
                int xi = (sb0 + i) * dp + k;
                int pi = po + i * 3 * L;
                FloatVector.fromArray(SPECIES, xs, xi).intoArray(panels, pi);
                FloatVector.fromArray(SPECIES, xs, xi + L).intoArray(panels, pi + L);
                FloatVector.fromArray(SPECIES, xs, xi + 2 * L).intoArray(panels, pi + 2 * L);
            }
        }
        for (; k < dp; k += L) {
            int po = k * superStride;
            for (int i = 0; i < rows; i++) {
                FloatVector.fromArray(SPECIES, xs, (sb0 + i) * dp + k).intoArray(panels, po + i * L);
            }
        }
    }

    /** G += C^T X over the superblock, from the packed panels and the transposed C (both read sequentially). */
    private void backward(float[] xp, int rows, float[] ct, float[] g) {
        int k = 0;
        for (; k + 3 * L <= dp; k += 3 * L) {
            int po = k * superStride;
            int j = 0;
            for (; j + 4 <= m; j += 4) {
                backward4x3(xp, po, rows, ct, j, k, g);
            }
            for (; j < m; j++) {
                backward1x3(xp, po, rows, ct, j, k, g);
            }
        }
        for (; k < dp; k += L) {
            int po = k * superStride;
            int j = 0;
            for (; j + 4 <= m; j += 4) {
                backward4x1(xp, po, rows, ct, j, k, g);
            }
            for (; j < m; j++) {
                backward1x1(xp, po, rows, ct, j, k, g);
            }
        }
    }

    /** z[r][s] (+)= x_r . w_s for 4 rows x 3 strips over k in [k0, k1); 12 accumulators. */
    private void forward4x3(float[] xa, int xo, int k0, int k1, int wo, float[] z, int zo, boolean first) {
        final int ws = dp * L;
        final int z0 = zo + 0 * mp;
        final int z1 = zo + 1 * mp;
        final int z2 = zo + 2 * mp;
        final int z3 = zo + 3 * mp;
        FloatVector c00 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z0 + 0 * L);
        FloatVector c01 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z0 + 1 * L);
        FloatVector c02 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z0 + 2 * L);
        FloatVector c10 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z1 + 0 * L);
        FloatVector c11 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z1 + 1 * L);
        FloatVector c12 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z1 + 2 * L);
        FloatVector c20 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z2 + 0 * L);
        FloatVector c21 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z2 + 1 * L);
        FloatVector c22 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z2 + 2 * L);
        FloatVector c30 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z3 + 0 * L);
        FloatVector c31 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z3 + 1 * L);
        FloatVector c32 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z3 + 2 * L);
        final int x0 = xo + 0 * dp;
        final int x1 = xo + 1 * dp;
        final int x2 = xo + 2 * dp;
        final int x3 = xo + 3 * dp;
        for (int k = k0; k < k1; k++) {
            final int w = wo + k * L;
            FloatVector v0 = FloatVector.fromArray(SPECIES, wp, w + 0 * ws);
            FloatVector v1 = FloatVector.fromArray(SPECIES, wp, w + 1 * ws);
            FloatVector v2 = FloatVector.fromArray(SPECIES, wp, w + 2 * ws);
            FloatVector b0 = FloatVector.broadcast(SPECIES, xa[x0 + k]);
            c00 = b0.fma(v0, c00); c01 = b0.fma(v1, c01); c02 = b0.fma(v2, c02);
            FloatVector b1 = FloatVector.broadcast(SPECIES, xa[x1 + k]);
            c10 = b1.fma(v0, c10); c11 = b1.fma(v1, c11); c12 = b1.fma(v2, c12);
            FloatVector b2 = FloatVector.broadcast(SPECIES, xa[x2 + k]);
            c20 = b2.fma(v0, c20); c21 = b2.fma(v1, c21); c22 = b2.fma(v2, c22);
            FloatVector b3 = FloatVector.broadcast(SPECIES, xa[x3 + k]);
            c30 = b3.fma(v0, c30); c31 = b3.fma(v1, c31); c32 = b3.fma(v2, c32);
        }
        c00.intoArray(z, z0 + 0 * L);
        c01.intoArray(z, z0 + 1 * L);
        c02.intoArray(z, z0 + 2 * L);
        c10.intoArray(z, z1 + 0 * L);
        c11.intoArray(z, z1 + 1 * L);
        c12.intoArray(z, z1 + 2 * L);
        c20.intoArray(z, z2 + 0 * L);
        c21.intoArray(z, z2 + 1 * L);
        c22.intoArray(z, z2 + 2 * L);
        c30.intoArray(z, z3 + 0 * L);
        c31.intoArray(z, z3 + 1 * L);
        c32.intoArray(z, z3 + 2 * L);
    }

    /** z[r][s] (+)= x_r . w_s for 6 rows x 2 strips over k in [k0, k1); 12 accumulators. */
    private void forward6x2(float[] xa, int xo, int k0, int k1, int wo, float[] z, int zo, boolean first) {
        final int ws = dp * L;
        final int z0 = zo + 0 * mp;
        final int z1 = zo + 1 * mp;
        final int z2 = zo + 2 * mp;
        final int z3 = zo + 3 * mp;
        final int z4 = zo + 4 * mp;
        final int z5 = zo + 5 * mp;
        FloatVector c00 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z0 + 0 * L);
        FloatVector c01 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z0 + 1 * L);
        FloatVector c10 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z1 + 0 * L);
        FloatVector c11 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z1 + 1 * L);
        FloatVector c20 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z2 + 0 * L);
        FloatVector c21 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z2 + 1 * L);
        FloatVector c30 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z3 + 0 * L);
        FloatVector c31 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z3 + 1 * L);
        FloatVector c40 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z4 + 0 * L);
        FloatVector c41 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z4 + 1 * L);
        FloatVector c50 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z5 + 0 * L);
        FloatVector c51 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z5 + 1 * L);
        final int x0 = xo + 0 * dp;
        final int x1 = xo + 1 * dp;
        final int x2 = xo + 2 * dp;
        final int x3 = xo + 3 * dp;
        final int x4 = xo + 4 * dp;
        final int x5 = xo + 5 * dp;
        for (int k = k0; k < k1; k++) {
            final int w = wo + k * L;
            FloatVector v0 = FloatVector.fromArray(SPECIES, wp, w + 0 * ws);
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
            FloatVector b5 = FloatVector.broadcast(SPECIES, xa[x5 + k]);
            c50 = b5.fma(v0, c50); c51 = b5.fma(v1, c51);
        }
        c00.intoArray(z, z0 + 0 * L);
        c01.intoArray(z, z0 + 1 * L);
        c10.intoArray(z, z1 + 0 * L);
        c11.intoArray(z, z1 + 1 * L);
        c20.intoArray(z, z2 + 0 * L);
        c21.intoArray(z, z2 + 1 * L);
        c30.intoArray(z, z3 + 0 * L);
        c31.intoArray(z, z3 + 1 * L);
        c40.intoArray(z, z4 + 0 * L);
        c41.intoArray(z, z4 + 1 * L);
        c50.intoArray(z, z5 + 0 * L);
        c51.intoArray(z, z5 + 1 * L);
    }

    /** z[r][s] (+)= x_r . w_s for 8 rows x 1 strips over k in [k0, k1); 8 accumulators. */
    private void forward8x1(float[] xa, int xo, int k0, int k1, int wo, float[] z, int zo, boolean first) {
        final int ws = dp * L;
        final int z0 = zo + 0 * mp;
        final int z1 = zo + 1 * mp;
        final int z2 = zo + 2 * mp;
        final int z3 = zo + 3 * mp;
        final int z4 = zo + 4 * mp;
        final int z5 = zo + 5 * mp;
        final int z6 = zo + 6 * mp;
        final int z7 = zo + 7 * mp;
        FloatVector c00 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z0 + 0 * L);
        FloatVector c10 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z1 + 0 * L);
        FloatVector c20 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z2 + 0 * L);
        FloatVector c30 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z3 + 0 * L);
        FloatVector c40 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z4 + 0 * L);
        FloatVector c50 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z5 + 0 * L);
        FloatVector c60 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z6 + 0 * L);
        FloatVector c70 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, z, z7 + 0 * L);
        final int x0 = xo + 0 * dp;
        final int x1 = xo + 1 * dp;
        final int x2 = xo + 2 * dp;
        final int x3 = xo + 3 * dp;
        final int x4 = xo + 4 * dp;
        final int x5 = xo + 5 * dp;
        final int x6 = xo + 6 * dp;
        final int x7 = xo + 7 * dp;
        for (int k = k0; k < k1; k++) {
            final int w = wo + k * L;
            FloatVector v0 = FloatVector.fromArray(SPECIES, wp, w + 0 * ws);
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
        }
        c00.intoArray(z, z0 + 0 * L);
        c10.intoArray(z, z1 + 0 * L);
        c20.intoArray(z, z2 + 0 * L);
        c30.intoArray(z, z3 + 0 * L);
        c40.intoArray(z, z4 + 0 * L);
        c50.intoArray(z, z5 + 0 * L);
        c60.intoArray(z, z6 + 0 * L);
        c70.intoArray(z, z7 + 0 * L);
    }

    /** g[j..j+4][k..k+3L] += sum_i cT[j][i] xp[i][..] over the packed panel; 12 accumulators. */
    private void backward4x3(float[] xp, int po, int rows, float[] ct, int j, int k, float[] g) {
        final int g0 = (j + 0) * dp + k;
        final int g1 = (j + 1) * dp + k;
        final int g2 = (j + 2) * dp + k;
        final int g3 = (j + 3) * dp + k;
        final int t0 = (j + 0) * superStride;
        final int t1 = (j + 1) * superStride;
        final int t2 = (j + 2) * superStride;
        final int t3 = (j + 3) * superStride;
        FloatVector a00 = FloatVector.fromArray(SPECIES, g, g0 + 0 * L);
        FloatVector a01 = FloatVector.fromArray(SPECIES, g, g0 + 1 * L);
        FloatVector a02 = FloatVector.fromArray(SPECIES, g, g0 + 2 * L);
        FloatVector a10 = FloatVector.fromArray(SPECIES, g, g1 + 0 * L);
        FloatVector a11 = FloatVector.fromArray(SPECIES, g, g1 + 1 * L);
        FloatVector a12 = FloatVector.fromArray(SPECIES, g, g1 + 2 * L);
        FloatVector a20 = FloatVector.fromArray(SPECIES, g, g2 + 0 * L);
        FloatVector a21 = FloatVector.fromArray(SPECIES, g, g2 + 1 * L);
        FloatVector a22 = FloatVector.fromArray(SPECIES, g, g2 + 2 * L);
        FloatVector a30 = FloatVector.fromArray(SPECIES, g, g3 + 0 * L);
        FloatVector a31 = FloatVector.fromArray(SPECIES, g, g3 + 1 * L);
        FloatVector a32 = FloatVector.fromArray(SPECIES, g, g3 + 2 * L);
        for (int i = 0; i < rows; i++) {
            final int xi = po + i * 3 * L;
            FloatVector x0 = FloatVector.fromArray(SPECIES, xp, xi + 0 * L);
            FloatVector x1 = FloatVector.fromArray(SPECIES, xp, xi + 1 * L);
            FloatVector x2 = FloatVector.fromArray(SPECIES, xp, xi + 2 * L);
            FloatVector b0 = FloatVector.broadcast(SPECIES, ct[t0 + i]);
            a00 = b0.fma(x0, a00); a01 = b0.fma(x1, a01); a02 = b0.fma(x2, a02);
            FloatVector b1 = FloatVector.broadcast(SPECIES, ct[t1 + i]);
            a10 = b1.fma(x0, a10); a11 = b1.fma(x1, a11); a12 = b1.fma(x2, a12);
            FloatVector b2 = FloatVector.broadcast(SPECIES, ct[t2 + i]);
            a20 = b2.fma(x0, a20); a21 = b2.fma(x1, a21); a22 = b2.fma(x2, a22);
            FloatVector b3 = FloatVector.broadcast(SPECIES, ct[t3 + i]);
            a30 = b3.fma(x0, a30); a31 = b3.fma(x1, a31); a32 = b3.fma(x2, a32);
        }
        a00.intoArray(g, g0 + 0 * L);
        a01.intoArray(g, g0 + 1 * L);
        a02.intoArray(g, g0 + 2 * L);
        a10.intoArray(g, g1 + 0 * L);
        a11.intoArray(g, g1 + 1 * L);
        a12.intoArray(g, g1 + 2 * L);
        a20.intoArray(g, g2 + 0 * L);
        a21.intoArray(g, g2 + 1 * L);
        a22.intoArray(g, g2 + 2 * L);
        a30.intoArray(g, g3 + 0 * L);
        a31.intoArray(g, g3 + 1 * L);
        a32.intoArray(g, g3 + 2 * L);
    }

    /** g[j..j+4][k..k+1L] += sum_i cT[j][i] xp[i][..] over the packed panel; 4 accumulators. */
    private void backward4x1(float[] xp, int po, int rows, float[] ct, int j, int k, float[] g) {
        final int g0 = (j + 0) * dp + k;
        final int g1 = (j + 1) * dp + k;
        final int g2 = (j + 2) * dp + k;
        final int g3 = (j + 3) * dp + k;
        final int t0 = (j + 0) * superStride;
        final int t1 = (j + 1) * superStride;
        final int t2 = (j + 2) * superStride;
        final int t3 = (j + 3) * superStride;
        FloatVector a00 = FloatVector.fromArray(SPECIES, g, g0 + 0 * L);
        FloatVector a10 = FloatVector.fromArray(SPECIES, g, g1 + 0 * L);
        FloatVector a20 = FloatVector.fromArray(SPECIES, g, g2 + 0 * L);
        FloatVector a30 = FloatVector.fromArray(SPECIES, g, g3 + 0 * L);
        for (int i = 0; i < rows; i++) {
            final int xi = po + i * 1 * L;
            FloatVector x0 = FloatVector.fromArray(SPECIES, xp, xi + 0 * L);
            FloatVector b0 = FloatVector.broadcast(SPECIES, ct[t0 + i]);
            a00 = b0.fma(x0, a00);
            FloatVector b1 = FloatVector.broadcast(SPECIES, ct[t1 + i]);
            a10 = b1.fma(x0, a10);
            FloatVector b2 = FloatVector.broadcast(SPECIES, ct[t2 + i]);
            a20 = b2.fma(x0, a20);
            FloatVector b3 = FloatVector.broadcast(SPECIES, ct[t3 + i]);
            a30 = b3.fma(x0, a30);
        }
        a00.intoArray(g, g0 + 0 * L);
        a10.intoArray(g, g1 + 0 * L);
        a20.intoArray(g, g2 + 0 * L);
        a30.intoArray(g, g3 + 0 * L);
    }

    /** g[j..j+1][k..k+3L] += sum_i cT[j][i] xp[i][..] over the packed panel; 3 accumulators. */
    private void backward1x3(float[] xp, int po, int rows, float[] ct, int j, int k, float[] g) {
        final int g0 = (j + 0) * dp + k;
        final int t0 = (j + 0) * superStride;
        FloatVector a00 = FloatVector.fromArray(SPECIES, g, g0 + 0 * L);
        FloatVector a01 = FloatVector.fromArray(SPECIES, g, g0 + 1 * L);
        FloatVector a02 = FloatVector.fromArray(SPECIES, g, g0 + 2 * L);
        for (int i = 0; i < rows; i++) {
            final int xi = po + i * 3 * L;
            FloatVector x0 = FloatVector.fromArray(SPECIES, xp, xi + 0 * L);
            FloatVector x1 = FloatVector.fromArray(SPECIES, xp, xi + 1 * L);
            FloatVector x2 = FloatVector.fromArray(SPECIES, xp, xi + 2 * L);
            FloatVector b0 = FloatVector.broadcast(SPECIES, ct[t0 + i]);
            a00 = b0.fma(x0, a00); a01 = b0.fma(x1, a01); a02 = b0.fma(x2, a02);
        }
        a00.intoArray(g, g0 + 0 * L);
        a01.intoArray(g, g0 + 1 * L);
        a02.intoArray(g, g0 + 2 * L);
    }

    /** g[j..j+1][k..k+1L] += sum_i cT[j][i] xp[i][..] over the packed panel; 1 accumulators. */
    private void backward1x1(float[] xp, int po, int rows, float[] ct, int j, int k, float[] g) {
        final int g0 = (j + 0) * dp + k;
        final int t0 = (j + 0) * superStride;
        FloatVector a00 = FloatVector.fromArray(SPECIES, g, g0 + 0 * L);
        for (int i = 0; i < rows; i++) {
            final int xi = po + i * 1 * L;
            FloatVector x0 = FloatVector.fromArray(SPECIES, xp, xi + 0 * L);
            FloatVector b0 = FloatVector.broadcast(SPECIES, ct[t0 + i]);
            a00 = b0.fma(x0, a00);
        }
        a00.intoArray(g, g0 + 0 * L);
    }

}
