/*
 * Not part of bigstep (whose engine has no native code): a diagnostic that runs the vector kernel's two register
 * tiles, written with AVX-512 intrinsics and compiled by gcc, to show what this CPU gives those loops when the
 * compiler is not C2. bench/tiles builds it and runs it beside its Java twin (bench/src/.../TileLoops.java: the
 * same loops, layouts, patterns, check and output), pinned to one CPU.
 *
 * Each loop has the shape, data layout and visiting order of its Java original in BlockedEvaluator:
 *   forward  - forwardTransposed5x4: z of 5 neurons x 4 groups of 16 samples, 20 accumulators over k = 0..d-1,
 *              4 vector loads of X^T (groups (d + 1) 16 floats apart) and 5 broadcasts of W (a group's first
 *              4 neurons together per coordinate, the fifth on its own) per 20 FMAs;
 *   gradient - backward5x4: G's tile of 5 neurons x 64 coordinates, loaded, updated over a run of rows (4
 *              vector loads of a packed panel row and 5 broadcasts of C^T, 5 values per sample) and stored.
 * Two data patterns each: "l1", small enough to stay in the 48 KiB L1; "step", the sizes and order of a
 * one-thread step at n = 1024, d = 3072, m = 256 (the forward over 16 slices of 64 samples x 52 groups of
 * neurons; the gradient over 4 blocks of 256 rows, 48 panels, runs of 120 rows, 52 groups, one C^T, a
 * gradient buffer per block as per partition). "peak" is the loop of CeilingBenchmark.fma1 (12 FMA chains).
 * Flops count 2 per multiply-add lane, as the benchmarks do. Output: "loop<TAB>GFLOP/s" lines, the median of 5
 * one-second repetitions. Before timing, one forward tile and one gradient tile are checked against sums in double.
 */
#include <immintrin.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { L = 16, P = 64, GROUPS_STEP = 52, RUN = 120 };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static float *floats(size_t count) {
    float *a = aligned_alloc(64, (count * sizeof(float) + 63) / 64 * 64);
    if (a == NULL) {
        fprintf(stderr, "native-tiles: out of memory\n");
        exit(1);
    }
    for (size_t i = 0; i < count; i++) {
        a[i] = (float) (i % 13) * 1e-3f;
    }
    return a;
}

#define ACC(j, v) __m512 a##j##v
#define ZERO4(j) ACC(j, 0) = _mm512_setzero_ps(); ACC(j, 1) = _mm512_setzero_ps(); \
    ACC(j, 2) = _mm512_setzero_ps(); ACC(j, 3) = _mm512_setzero_ps()
#define LOAD4(j, g) ACC(j, 0) = _mm512_load_ps(g + j * P + 0 * L); ACC(j, 1) = _mm512_load_ps(g + j * P + 1 * L); \
    ACC(j, 2) = _mm512_load_ps(g + j * P + 2 * L); ACC(j, 3) = _mm512_load_ps(g + j * P + 3 * L)
#define FMA4(j, b) a##j##0 = _mm512_fmadd_ps(b, x0, a##j##0); a##j##1 = _mm512_fmadd_ps(b, x1, a##j##1); \
    a##j##2 = _mm512_fmadd_ps(b, x2, a##j##2); a##j##3 = _mm512_fmadd_ps(b, x3, a##j##3)
#define STORE4(j, o, stride) _mm512_store_ps(o + j * stride + 0 * L, a##j##0); \
    _mm512_store_ps(o + j * stride + 1 * L, a##j##1); _mm512_store_ps(o + j * stride + 2 * L, a##j##2); \
    _mm512_store_ps(o + j * stride + 3 * L, a##j##3)

/*
 * The scalar work C2 adds to each loop's iteration, for the "c2work" rows. Against gcc's 4-5 scalar instructions
 * per 20 FMAs (pointer increments and the loop test), C2's gradient loop has 13 (index arithmetic and two range
 * checks of C^T, compare-and-branch never taken) and its forward loop 22 (every address recomputed from k, two
 * operands added from the stack), in the disassembly of JDK 17's code on the Intel VM (2026-12-07). The copies
 * below add to gcc's loops: the gradient 6 register adds and 2 compare-and-branch never taken (15 scalar
 * instructions in all, as objdump shows), the forward 16 register adds and 2 adds from memory (23), spread over 4
 * chains so that no chain's latency bounds the loop. Whatever those cost here, C2's own instructions cost too.
 */
static long sink[4];
static volatile long spilled[2];
/* one asm statement per kind, so that the compiler adds no moves around them */
#define ADD6 __asm__ volatile("add $1, %0\n\tadd $1, %1\n\tadd $1, %2\n\tadd $1, %3\n\tadd $1, %0\n\tadd $1, %1" \
    : "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4))
#define ADD8_MEM __asm__ volatile("add $1, %0\n\tadd $1, %1\n\tadd $1, %2\n\tadd $1, %3\n\t" \
    "add $1, %0\n\tadd $1, %1\n\tadd $1, %2\n\tadd %4, %3" : "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4) \
    : "m"(spilled[0]))
#define ADD8 __asm__ volatile("add $1, %0\n\tadd $1, %1\n\tadd $1, %2\n\tadd $1, %3\n\t" \
    "add $1, %0\n\tadd $1, %1\n\tadd $1, %2\n\tadd $1, %3" : "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4))
#define CHECK2 if (__builtin_expect((unsigned long) r3 >= (unsigned long) limit, 0)) goto failed; \
    if (__builtin_expect((unsigned long) r4 >= (unsigned long) limit, 0)) goto failed
#define NO_WORK
#define C2_GRADIENT_WORK ADD6; CHECK2;
#define C2_FORWARD_WORK ADD8; ADD8_MEM; __asm__ volatile("add $1, %0\n\tadd %1, %0" : "+r"(r4) : "m"(spilled[1]));
#define WORK_BEGIN long r1 = sink[0], r2 = sink[1], r3 = sink[2], r4 = sink[3], limit = -1 - spilled[0]; \
    (void) limit
#define WORK_END sink[0] = r1; sink[1] = r2; sink[2] = r3; sink[3] = r4; return; \
    failed: __attribute__((unused)); sink[0] = -1

typedef void (*Forward)(const float *, long, const float *, long, float *);
typedef void (*Gradient)(const float *, const float *, long, long, float *);

/* forwardTransposed5x4: xt at a slice's first group, groups `group` floats apart; wt at a group of 5 neurons. */
#define FORWARD5X4(name, work) \
__attribute__((noinline)) static void name(const float *xt, long group, const float *wt, long d, float *tile) { \
    WORK_BEGIN; \
    ZERO4(0); ZERO4(1); ZERO4(2); ZERO4(3); ZERO4(4); \
    const float *x1p = xt + group, *x2p = xt + 2 * group, *x3p = xt + 3 * group, *w4 = wt + 4 * d; \
    for (long k = 0; k < d; k++) { \
        __m512 x0 = _mm512_load_ps(xt + L * k), x1 = _mm512_load_ps(x1p + L * k); \
        __m512 x2 = _mm512_load_ps(x2p + L * k), x3 = _mm512_load_ps(x3p + L * k); \
        __m512 b0 = _mm512_set1_ps(wt[4 * k + 0]); FMA4(0, b0); \
        __m512 b1 = _mm512_set1_ps(wt[4 * k + 1]); FMA4(1, b1); \
        __m512 b2 = _mm512_set1_ps(wt[4 * k + 2]); FMA4(2, b2); \
        __m512 b3 = _mm512_set1_ps(wt[4 * k + 3]); FMA4(3, b3); \
        __m512 b4 = _mm512_set1_ps(w4[k]); FMA4(4, b4); \
        work \
    } \
    STORE4(0, tile, 4 * L); STORE4(1, tile, 4 * L); STORE4(2, tile, 4 * L); STORE4(3, tile, 4 * L); \
    STORE4(4, tile, 4 * L); \
    WORK_END; \
}
FORWARD5X4(forward5x4, NO_WORK)
FORWARD5X4(forward5x4C2Work, C2_FORWARD_WORK)

/* backward5x4: G's tile (5 rows of P floats from g) += C^T's 5 values of each row i x that row of the panel. */
#define GRADIENT5X4(name, work) \
__attribute__((noinline)) static void name(const float *panel, const float *ct, long from, long to, float *g) { \
    WORK_BEGIN; \
    LOAD4(0, g); LOAD4(1, g); LOAD4(2, g); LOAD4(3, g); LOAD4(4, g); \
    for (long i = from; i < to; i++) { \
        const float *xi = panel + i * P, *ti = ct + 5 * i; \
        __m512 x0 = _mm512_load_ps(xi + 0 * L), x1 = _mm512_load_ps(xi + 1 * L); \
        __m512 x2 = _mm512_load_ps(xi + 2 * L), x3 = _mm512_load_ps(xi + 3 * L); \
        __m512 b0 = _mm512_set1_ps(ti[0]); FMA4(0, b0); \
        __m512 b1 = _mm512_set1_ps(ti[1]); FMA4(1, b1); \
        __m512 b2 = _mm512_set1_ps(ti[2]); FMA4(2, b2); \
        __m512 b3 = _mm512_set1_ps(ti[3]); FMA4(3, b3); \
        __m512 b4 = _mm512_set1_ps(ti[4]); FMA4(4, b4); \
        work \
    } \
    STORE4(0, g, P); STORE4(1, g, P); STORE4(2, g, P); STORE4(3, g, P); STORE4(4, g, P); \
    WORK_END; \
}
GRADIENT5X4(gradient5x4, NO_WORK)
GRADIENT5X4(gradient5x4C2Work, C2_GRADIENT_WORK)

/* CeilingBenchmark.fmaChains: acc = x y + acc on 12 independent registers, reps times. */
__attribute__((noinline)) static void peak(long reps, float *out) {
    __m512 x = _mm512_set1_ps(1e-3f), y = _mm512_set1_ps(1e-3f);
    /* distinct starting values, so that the compiler cannot merge identical chains */
    __m512 c0 = _mm512_set1_ps(0), c1 = _mm512_set1_ps(1), c2 = _mm512_set1_ps(2), c3 = _mm512_set1_ps(3);
    __m512 c4 = _mm512_set1_ps(4), c5 = _mm512_set1_ps(5), c6 = _mm512_set1_ps(6), c7 = _mm512_set1_ps(7);
    __m512 c8 = _mm512_set1_ps(8), c9 = _mm512_set1_ps(9), c10 = _mm512_set1_ps(10), c11 = _mm512_set1_ps(11);
    for (long r = 0; r < reps; r++) {
        c0 = _mm512_fmadd_ps(x, y, c0); c1 = _mm512_fmadd_ps(x, y, c1); c2 = _mm512_fmadd_ps(x, y, c2);
        c3 = _mm512_fmadd_ps(x, y, c3); c4 = _mm512_fmadd_ps(x, y, c4); c5 = _mm512_fmadd_ps(x, y, c5);
        c6 = _mm512_fmadd_ps(x, y, c6); c7 = _mm512_fmadd_ps(x, y, c7); c8 = _mm512_fmadd_ps(x, y, c8);
        c9 = _mm512_fmadd_ps(x, y, c9); c10 = _mm512_fmadd_ps(x, y, c10); c11 = _mm512_fmadd_ps(x, y, c11);
        __asm__ volatile("" : "+v"(x), "+v"(y)); /* x and y opaque: no chain can be folded or hoisted */
    }
    __m512 s = _mm512_add_ps(_mm512_add_ps(_mm512_add_ps(c0, c1), _mm512_add_ps(c2, c3)),
            _mm512_add_ps(_mm512_add_ps(c4, c5), _mm512_add_ps(c6, c7)));
    s = _mm512_add_ps(s, _mm512_add_ps(_mm512_add_ps(c8, c9), _mm512_add_ps(c10, c11)));
    _mm512_store_ps(out, s);
}

/* One pass of the forward: slices x groups of tiles over d coordinates. Returns its flops. */
static double forwardPass(Forward tile, const float *xt, long d, int groups, int slices, const float *wt,
        float *tiles) {
    long group = (d + 1) * L;
    for (int s = 0; s < slices; s++) {
        for (int j = 0; j < groups; j++) {
            tile(xt + (long) s * 4 * group, group, wt + (long) j * 5 * d, d, tiles + j * 20 * L);
        }
    }
    return 2.0 * 20 * L * d * groups * slices;
}

/*
 * One pass of the gradient over `blocks` blocks of `rows` rows: per block, per panel, runs of RUN rows, every
 * group; panels of all n rows (panel v at v P panelStride), one C^T for every block as the kernel's per-worker
 * scratch (group j at j 5 ctStride), G panel-major per block ([panel][groups][5][P]).
 */
static double gradientPass(Gradient tile, const float *xp, long panelStride, int panels, int blocks, long rows,
        const float *ct, long ctStride, int groups, float *g) {
    long gBlock = (long) panels * groups * 5 * P;
    for (int b = 0; b < blocks; b++) {
        for (int v = 0; v < panels; v++) {
            const float *panel = xp + (long) v * P * panelStride + b * rows * P;
            for (long r0 = 0; r0 < rows; r0 += RUN) {
                long r1 = r0 + RUN < rows ? r0 + RUN : rows;
                for (int j = 0; j < groups; j++) {
                    tile(panel, ct + (long) j * 5 * ctStride, r0, r1,
                            g + b * gBlock + ((long) v * groups + j) * 5 * P);
                }
            }
        }
    }
    return 2.0 * 20 * L * rows * panels * groups * blocks;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static void expect(const char *what, int a, int b, double expected, float found) {
    if (fabs(found - expected) > 1e-4 * (1 + fabs(expected))) {
        fprintf(stderr, "native-tiles: %s[%d][%d]: expected %g, found %g\n", what, a, b, expected, found);
        exit(1);
    }
}

/* One forward tile (slice 0, group 0) and one gradient tile (one run, from zero) against sums in double. */
static void check(Forward forward, Gradient gradient, const float *xt, long d, const float *wt, float *tiles,
        const float *xp, const float *ct) {
    long group = (d + 1) * L;
    forward(xt, group, wt, d, tiles);
    for (int jj = 0; jj < 5; jj++) {
        for (int t = 0; t < 4 * L; t++) {
            double z = 0;
            for (long k = 0; k < d; k++) {
                z += (double) xt[t / L * group + k * L + t % L] * (jj < 4 ? wt[4 * k + jj] : wt[4 * d + k]);
            }
            expect("forward z", jj, t, z, tiles[(jj * 4 + t / L) * L + t % L]);
        }
    }
    float *g = aligned_alloc(64, 5 * P * sizeof(float));
    memset(g, 0, 5 * P * sizeof(float));
    gradient(xp, ct, 0, RUN, g);
    for (int jj = 0; jj < 5; jj++) {
        for (int c = 0; c < P; c++) {
            double sum = 0;
            for (int i = 0; i < RUN; i++) {
                sum += (double) ct[5 * i + jj] * xp[i * P + c];
            }
            expect("gradient g", jj, c, sum, g[jj * P + c]);
        }
    }
    free(g);
}

/* The data of both patterns. */
typedef struct {
    long dl, ds, panelStride, ctStride;
    float *xtl, *wtl, *xts, *wts, *tiles, *xpl, *ctl, *gl, *xps, *cts, *gs;
} Data;

/* One pass of row `t` (0 peak, 1 forward l1, 2 forward step, 3 gradient l1, 4 gradient step); its flops. */
static double pass(int t, const Data *a, int c2Work) {
    static float out[16] __attribute__((aligned(64)));
    Forward forward = c2Work ? forward5x4C2Work : forward5x4;
    Gradient gradient = c2Work ? gradient5x4C2Work : gradient5x4;
    switch (t) {
        case 0: peak(1 << 20, out); return 2.0 * 12 * L * (1 << 20);
        case 1: return forwardPass(forward, a->xtl, a->dl, 4, 1, a->wtl, a->tiles);
        case 2: return forwardPass(forward, a->xts, a->ds, GROUPS_STEP, 16, a->wts, a->tiles);
        case 3: return gradientPass(gradient, a->xpl, RUN, 1, 1, RUN, a->ctl, RUN, 4, a->gl);
        default: return gradientPass(gradient, a->xps, a->panelStride, 48, 4, 256, a->cts, a->ctStride, GROUPS_STEP,
                a->gs);
    }
}

/* GFLOP/s of one second of passes of row t. */
static double rate(int t, const Data *a, int c2Work) {
    double t0 = now(), flops = 0;
    do {
        flops += pass(t, a, c2Work);
    } while (now() - t0 < 1.0);
    return flops / (now() - t0) / 1e9;
}

/*
 * Arguments: "all", "peak", "forward" or "gradient" (rows whose name contains it, and the peak), each the median
 * of 5 one-second runs; or "c2work": every loop also with C2's scalar work (C2_FORWARD_WORK, C2_GRADIENT_WORK),
 * the two versions of a loop alternating second by second, 5 each, as rows "<loop>" and "<loop> +C2 work".
 */
int main(int argc, char **argv) {
    if (!__builtin_cpu_supports("avx512f")) {
        fprintf(stderr, "native-tiles: this CPU has no AVX-512 (the tiles are the kernel's 16-lane form)\n");
        return 2;
    }
    const char *which = argc > 1 ? argv[1] : "all";
    int c2Work = strcmp(which, "c2work") == 0;
    const char *names[] = {"peak", "forward l1", "forward step", "gradient l1", "gradient step"};
    Data a;
    /* forward, l1: d = 128, 4 groups, 1 slice (X^T 33 KiB, W 10 KiB); step: d = 3072, 52 groups, 16 slices */
    a.dl = 128;
    a.ds = 3072;
    a.xtl = floats(4 * (a.dl + 1) * L);
    a.wtl = floats(4 * 5 * a.dl);
    a.xts = floats(16 * 4 * (a.ds + 1) * L);
    a.wts = floats(GROUPS_STEP * 5 * a.ds);
    a.tiles = floats(GROUPS_STEP * 20 * L);
    /* gradient, l1: one run of 120 rows of one panel, 4 groups (X 30 KiB, C^T 9.4 KiB, G 5 KiB);
       step: n = 1024 (panelStride 1034), 48 panels, 4 blocks of 256 rows, 52 groups, C^T 390 rows a group */
    a.xpl = floats(RUN * P);
    a.ctl = floats(4 * 5 * RUN);
    a.gl = floats(4 * 5 * P);
    a.panelStride = 1034;
    a.ctStride = 390;
    a.xps = floats(48 * P * a.panelStride);
    a.cts = floats(GROUPS_STEP * 5 * a.ctStride);
    a.gs = floats(4L * 48 * GROUPS_STEP * 5 * P);
    check(forward5x4, gradient5x4, a.xtl, a.dl, a.wtl, a.tiles, a.xpl, a.ctl);
    check(forward5x4C2Work, gradient5x4C2Work, a.xtl, a.dl, a.wtl, a.tiles, a.xpl, a.ctl);
    for (int t = 0; t < 5; t++) {
        if (!c2Work && strcmp(which, "all") != 0 && strstr(names[t], which) == NULL && t != 0) {
            continue;
        }
        double rates[5], worked[5];
        for (int rep = 0; rep < 5; rep++) {
            rates[rep] = rate(t, &a, 0);
            if (c2Work && t > 0) {
                worked[rep] = rate(t, &a, 1);
            }
        }
        qsort(rates, 5, sizeof(double), compare);
        printf("%s\t%.1f\n", names[t], rates[2]);
        if (c2Work && t > 0) {
            qsort(worked, 5, sizeof(double), compare);
            printf("%s +C2 work\t%.1f\n", names[t], worked[2]);
        }
    }
    return 0;
}
