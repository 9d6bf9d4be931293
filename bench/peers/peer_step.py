#!/usr/bin/python3
"""One GD step of bigstep's two-layer network, written the way researchers write it, timed per shape.

    f(W; x) = (b/m) sum_j a_j phi(<w_j, x>),  L(W) = mean_i log(1 + exp(-y_i f(W; x_i))),  W -= eta grad L

--impl torch: idiomatic PyTorch autograd (forward, softplus(-y f).mean(), backward, update under no_grad).
--impl numpy: explicit NumPy forward and backward (two GEMMs through the BLAS + elementwise work).
--impl gemm: the step's two products alone, z = X W^T and Z^T X, through NumPy's BLAS into preallocated outputs:
    no activation, loss or update. Not a step but a ceiling: what the machine's tuned SGEMM takes for the
    4ndm flops every step has to do.
Everything float32, one process per (impl, threads): thread counts must be fixed before the libraries start
their pools, so bench/run sets the environment and this script also limits pools with threadpoolctl.

Prints one JSON object: the environment it saw and, per shape, the median ms per step after warm-up.
Needs Debian's python3-numpy (both impls), python3-torch (torch), python3-threadpoolctl (recommended):
    apt-get update && apt-get install -y python3-numpy python3-torch python3-threadpoolctl libopenblas0-pthread
"""
import argparse
import json
import math
import os
import platform
import statistics
import sys
import time

ETA = 0.05
SEED = 20240601


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--impl", choices=["torch", "numpy", "gemm"], required=True)
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--shapes", required=True, help="comma-separated NxDxM")
    p.add_argument("--activation", default="gelu", choices=["gelu", "gelu-tanh", "softplus", "silu", "sigmoid", "relu"])
    p.add_argument("--warmup-seconds", type=float, default=1.0)
    p.add_argument("--measure-seconds", type=float, default=3.0)
    p.add_argument("--min-steps", type=int, default=5)
    p.add_argument("--max-steps", type=int, default=2000)
    return p.parse_args()


def limit_threads(threads):
    """Returns a description of the thread limits in force (threadpoolctl if present, else env + torch)."""
    info = {"threadpoolctl": None}
    try:
        import threadpoolctl
        controller = threadpoolctl.threadpool_limits(limits=threads)
        info["threadpoolctl"] = threadpoolctl.__version__
        info["pools"] = [
            {k: pool.get(k) for k in ("internal_api", "prefix", "version", "architecture", "threading_layer", "num_threads")}
            for pool in threadpoolctl.threadpool_info()]
        info["_keep"] = controller
    except ImportError:
        info["note"] = "python3-threadpoolctl not installed: limited by OMP/OPENBLAS/MKL_NUM_THREADS (and torch.set_num_threads)"
    return info


def data(np, n, d, m):
    rng = np.random.default_rng(SEED)
    x = rng.standard_normal((n, d), dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    u = rng.standard_normal(d).astype(np.float32)
    y = np.where(x @ u >= 0, 1.0, -1.0).astype(np.float32)
    w = rng.standard_normal((m, d), dtype=np.float32)  # pre-activations ~ N(0, 1) as in the JMH suite
    a = np.where(np.arange(m) < (m + 1) // 2, 1.0, -1.0).astype(np.float32)
    return x, y, w, a


def torch_step_fn(x_np, y_np, w_np, a_np, activation):
    import torch
    import torch.nn.functional as F
    phi = {
        "gelu": F.gelu,
        "gelu-tanh": lambda z: F.gelu(z, approximate="tanh"),
        "softplus": F.softplus,
        "silu": F.silu,
        "sigmoid": torch.sigmoid,
        "relu": F.relu,
    }[activation]
    m = w_np.shape[0]
    x = torch.from_numpy(x_np)
    y = torch.from_numpy(y_np)
    c = torch.from_numpy(a_np) / m  # b = 1
    w = torch.from_numpy(w_np.copy()).requires_grad_()

    def step():
        nonlocal w  # `w -= ...` rebinds the name (to the same tensor, updated in place)
        f = phi(x @ w.T) @ c
        loss = F.softplus(-y * f).mean()
        loss.backward()
        with torch.no_grad():
            w -= ETA * w.grad
        w.grad = None
        return loss.item()
    return step


def numpy_step_fn(np, x, y, w0, a, activation):
    n, _ = x.shape
    m = w0.shape[0]
    c = (a / m).astype(np.float32)
    w = w0.copy()
    erf_source = "none"
    if activation in ("gelu",):
        try:
            from scipy.special import erf  # what a researcher would reach for
            erf_source = "scipy.special.erf"
        except ImportError:
            erf_source = "Abramowitz-Stegun 7.1.26 in NumPy (scipy not installed)"

            def erf(v):
                s = np.sign(v)
                av = np.abs(v)
                t = 1 / (1 + np.float32(0.3275911) * av)
                poly = ((((np.float32(1.061405429) * t - np.float32(1.453152027)) * t + np.float32(1.421413741)) * t
                         - np.float32(0.284496736)) * t + np.float32(0.254829592)) * t
                return s * (1 - poly * np.exp(-av * av))
    inv_sqrt2 = np.float32(1 / math.sqrt(2))
    inv_sqrt2pi = np.float32(1 / math.sqrt(2 * math.pi))

    def phi_dphi(z):
        if activation == "gelu":
            cdf = np.float32(0.5) * (1 + erf(z * inv_sqrt2))
            return z * cdf, cdf + z * np.exp(np.float32(-0.5) * z * z) * inv_sqrt2pi
        if activation == "gelu-tanh":
            k = np.float32(math.sqrt(2 / math.pi))
            inner = k * (z + np.float32(0.044715) * z ** 3)
            t = np.tanh(inner)
            dinner = k * (1 + np.float32(3 * 0.044715) * z * z)
            return np.float32(0.5) * z * (1 + t), np.float32(0.5) * (1 + t) + np.float32(0.5) * z * (1 - t * t) * dinner
        if activation == "softplus":
            s = 1 / (1 + np.exp(-z))
            return np.logaddexp(np.float32(0), z), s
        if activation == "silu":
            s = 1 / (1 + np.exp(-z))
            return z * s, s * (1 + z * (1 - s))
        if activation == "sigmoid":
            s = 1 / (1 + np.exp(-z))
            return s, s * (1 - s)
        if activation == "relu":
            return np.maximum(z, 0), (z > 0).astype(np.float32)
        raise ValueError(activation)

    def step():
        nonlocal w
        z = x @ w.T
        p, dp = phi_dphi(z)
        q = y * (p @ c)
        loss = float(np.mean(np.logaddexp(np.float32(0), -q)))
        g = -y / (1 + np.exp(q)) / n  # d loss / d f_i = -y_i sigmoid(-q_i) / n
        grad = ((g[:, None] * dp) * c).T @ x
        w -= np.float32(ETA) * grad
        return loss
    return step, erf_source


def gemm_step_fn(np, x, w):
    n, d = x.shape
    m = w.shape[0]
    z = np.empty((n, m), dtype=np.float32)
    g = np.empty((m, d), dtype=np.float32)
    wt = w.T  # views: NumPy hands transposed operands to sgemm as transpose flags, no copies

    def step():
        np.matmul(x, wt, out=z)
        np.matmul(z.T, x, out=g)
        return float(g[0, 0])
    return step


def time_steps(step, args):
    t_end = time.perf_counter() + args.warmup_seconds
    warm = 0
    while warm < 2 or time.perf_counter() < t_end:
        step()
        warm += 1
    times = []
    t_end = time.perf_counter() + args.measure_seconds
    while len(times) < args.min_steps or (time.perf_counter() < t_end and len(times) < args.max_steps):
        t0 = time.perf_counter()
        loss = step()
        times.append((time.perf_counter() - t0) * 1e3)
        if not math.isfinite(loss):
            raise SystemExit("peer step diverged (loss %r)" % loss)
    return {"median_ms": statistics.median(times), "min_ms": min(times), "steps": len(times), "warmup_steps": warm}


def main():
    args = parse_args()
    try:
        import numpy as np
    except ImportError:
        print(json.dumps({"impl": args.impl, "threads": args.threads, "skipped":
                          "numpy not installed: apt-get install -y python3-numpy"}))
        return
    limits = limit_threads(args.threads)
    out = {"impl": args.impl, "threads": args.threads, "activation": args.activation, "python": platform.python_version(),
           "numpy": np.__version__,
           "env": {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                                                  "OMP_WAIT_POLICY", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_",
                                                  "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")},
           "results": {}}
    if args.impl == "torch":
        try:
            import torch
        except ImportError:
            out["skipped"] = "torch not installed: apt-get install -y python3-torch"
            print(json.dumps(out))
            return
        torch.set_num_threads(args.threads)
        torch.set_num_interop_threads(1)
        out["torch"] = torch.__version__
        out["torch_threads"] = torch.get_num_threads()
        out["torch_mkldnn"] = torch.backends.mkldnn.is_available()
    limits = limit_threads(args.threads)  # again: importing torch may have brought its own OpenMP pool
    limits.pop("_keep", None)
    out["thread_limits"] = limits
    for shape in args.shapes.split(","):
        n, d, m = (int(v) for v in shape.split("x"))
        x, y, w, a = data(np, n, d, m)
        if args.impl == "torch":
            step = torch_step_fn(x, y, w, a, args.activation)
        elif args.impl == "gemm":
            step = gemm_step_fn(np, x, w)
        else:
            step, out["erf"] = numpy_step_fn(np, x, y, w, a, args.activation)
        r = time_steps(step, args)
        out["results"][shape] = r
        print("%s %d thr %s: %.3f ms/step (median of %d)" % (args.impl, args.threads, shape, r["median_ms"], r["steps"]),
              file=sys.stderr, flush=True)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
