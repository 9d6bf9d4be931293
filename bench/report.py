#!/usr/bin/python3
"""Turns bench/run's results (JMH JSON, peer JSON, probe) into docs/PERFORMANCE.md. Standard library only.

Usage: report.py --results bench/target/results --mode full --command "bench/run" --output docs/PERFORMANCE.md
"""
import argparse
import datetime
import glob
import json
import os
import platform
import re
import subprocess

STEP = "org.bigstep.bench.StepBenchmark.step"
PIECES = "org.bigstep.bench.PiecesBenchmark."
ACTIVATION = "org.bigstep.bench.ActivationBenchmark.evaluate"
CEILING = "org.bigstep.bench.CeilingBenchmark."
GOAL = 1.25  # issue 4: bigstep's full step >= 1.25x faster than tuned PyTorch on every shape
SHAPE_ORDER = ["1024x3072x256", "16384x784x1024", "1024x3072x16", "8192x784x128", "4096x2x32",
               "6000x784x40", "6000x3072x40", "999x785x41"]


def load_json(path, default=None):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


def to_ms(score, unit):
    scale = {"s/op": 1e3, "ms/op": 1.0, "us/op": 1e-3, "ns/op": 1e-6}[unit]
    return score * scale


def shape_of(text):
    n, d, m = (int(v) for v in text.split("x"))
    return n, d, m


def shape_key(s):
    return (SHAPE_ORDER.index(s) if s in SHAPE_ORDER else len(SHAPE_ORDER), s)


def fmt(v, digits=3):
    if v is None:
        return "–"
    if v == 0:
        return "0"
    a = abs(v)
    if a >= 100:
        return "%.0f" % v
    if a >= 10:
        return "%.1f" % v
    if a >= 1:
        return "%.2f" % v
    return "%.*g" % (digits, v)


def machine():
    info = {"model": "?", "flags": set(), "cores": os.cpu_count(), "mem_gib": None, "caches": {}}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name") and info["model"] == "?":
                    info["model"] = line.split(":", 1)[1].strip()
                elif line.startswith("flags") and not info["flags"]:
                    info["flags"] = set(line.split(":", 1)[1].split())
                elif line.startswith("cpu family"):
                    info["family"] = line.split(":", 1)[1].strip()
                elif line.startswith("model") and not line.startswith("model name"):
                    info["cpu_model"] = line.split(":", 1)[1].strip()
    except OSError:
        pass
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    info["mem_gib"] = int(line.split()[1]) / 2 ** 20
    except OSError:
        pass
    try:
        text = subprocess.run(["lscpu"], capture_output=True, text=True, timeout=10).stdout
        for key in ("L1d cache", "L2 cache", "L3 cache", "Hypervisor vendor"):
            m = re.search(r"^%s:\s*(.+)$" % re.escape(key), text, re.M)
            if m:
                info["caches"][key] = m.group(1).strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return info


class Results:
    def __init__(self, directory):
        self.dir = directory
        self.probe = load_json(os.path.join(directory, "probe.json"), {})
        self.jmh = []
        for path in sorted(glob.glob(os.path.join(directory, "jmh-*.json"))):
            self.jmh.extend(load_json(path, []))
        self.peers = {}
        for path in sorted(glob.glob(os.path.join(directory, "peer-*.json"))):
            p = load_json(path)
            if p:
                self.peers[(p["impl"], p["threads"])] = p

    def entries(self, prefix):
        return [e for e in self.jmh if e["benchmark"].startswith(prefix)]

    def ceiling(self):
        lanes = self.probe.get("preferredFloatLanes", 8)
        flops_per_op = self.probe.get("fmaReps", 4096) * self.probe.get("fmaChains", 12) * lanes * 2
        bpe = self.probe.get("triadBytesPerElement", 12)
        c = {}
        for e in self.entries(CEILING):
            name = e["benchmark"][len(CEILING):]
            t = e["threads"]
            sec = to_ms(e["primaryMetric"]["score"], e["primaryMetric"]["scoreUnit"]) / 1e3
            if name.startswith("fma"):
                c[("fma", t)] = t * flops_per_op / sec / 1e9
            elif name.startswith("tile"):
                tile_flops = self.probe.get("tilePasses", 16) * 10 * self.probe.get("tileK", 256) * lanes * 2
                c[("tile", t)] = t * tile_flops / sec / 1e9
            elif name.startswith("triad"):
                elems = int(e["params"]["elements"])
                level = "dram" if elems * 12 > 64 * 2 ** 20 else "l2"
                c[(level, t)] = t * elems * bpe / sec / 1e9
        return c

    def steps(self):
        """(median ms, 90th percentile ms) per (shape, kernel, threads) from StepBenchmark's sample mode; older
        average-time results give (mean, JMH error)."""
        s = {}
        for e in self.entries(STEP):
            p = e["params"]
            pm = e["primaryMetric"]
            unit = pm["scoreUnit"]
            pct = pm.get("scorePercentiles") or {}
            if e.get("mode") == "sample" and "50.0" in pct:
                value = (to_ms(pct["50.0"], unit), to_ms(pct["90.0"], unit) if "90.0" in pct else None)
            else:
                err = pm.get("scoreError")
                # JMH writes "NaN" (a string) when one iteration gives no error estimate
                value = (to_ms(pm["score"], pm["scoreUnit"]),
                         to_ms(err, pm["scoreUnit"]) if isinstance(err, (int, float)) and err == err else None)
            s[(p["shape"], p["kernel"], int(p["threads"]))] = value
        return s


def floors(shape, threads, ceil):
    """(compute floor ms, memory floor ms) for one step: 4ndm flops at the FMA peak; X read once plus the
    O(md) weight traffic (double master read+write, float copy, gradient read twice) at DRAM bandwidth."""
    n, d, m = shape_of(shape)
    peak = ceil.get(("fma", threads))
    bw = ceil.get(("dram", threads))
    compute = 4.0 * n * d * m / (peak * 1e9) * 1e3 if peak else None
    memory = (4.0 * n * d + 32.0 * m * d) / (bw * 1e9) * 1e3 if bw else None
    return compute, memory


def best_kernel(steps, shape, threads):
    for k in ("vector", "scalar"):
        if (shape, k, threads) in steps:
            return k, steps[(shape, k, threads)][0]
    return None, None


def roofline_note(shape, steps, ceil, lanes):
    n, d, m = shape_of(shape)
    x_mb = 4.0 * n * d / 2 ** 20
    where = "L2" if x_mb < 0.5 else ("L3" if x_mb < 32 else "DRAM")
    gflop = 4.0 * n * d * m / 1e9
    size = "%.1f MiB" % x_mb if x_mb >= 1 else "%.0f KiB" % (x_mb * 1024)
    parts = ["X is %s (read from %s each step); 4ndm = %s GFLOP; %s activations, each carrying 4d = %d flops of products."
             % (size, where, fmt(gflop), "{:,}".format(n * m), 4 * d)]
    for t in (1, 2):
        k, ms = best_kernel(steps, shape, t)
        if ms is None:
            continue
        c, mem = floors(shape, t, ceil)
        roof = max(v for v in (c, mem) if v is not None) if (c or mem) else None
        if roof:
            bound = "FMA" if (c or 0) >= (mem or 0) else "bandwidth"
            parts.append("%d thread%s: %s kernel %s ms vs a %s-bound floor of %s ms (%s%% of the roofline)."
                         % (t, "" if t == 1 else "s", k, fmt(ms), bound, fmt(roof), fmt(100 * roof / ms)))
    if 4 * d < 64:
        parts.append("Verdict: overhead/activation-bound, not FMA- or bandwidth-bound: the products are a few flops per "
                     "sample, so the time is phi/phi', the logistic terms and the per-step fixed costs (barriers, W copies). "
                     "Next bottleneck: activation evaluation per lane; vectorise across samples (the tiny-d layout).")
    elif m <= 2 * lanes:
        parts.append("Verdict: narrow layer (m=%d fills %s vector%s of %d lanes): tiles are small, so loads of X per FMA "
                     "and the per-sample activation/logistic work limit the step before the FMA ports do. Next bottleneck: "
                     "X load bandwidth from %s, then the activation." % (m, fmt(m / lanes), "" if m <= lanes else "s", lanes, where))
    else:
        parts.append("Verdict: GEMM-like, arithmetic intensity about m = %d flop per byte of X, above the ridge point, "
                     "so FMA-bound in principle: the gap to the compute floor is register tiling and cache blocking. "
                     "Next bottleneck: the FMA ports; with 2 threads, %s bandwidth%s."
                     % (m, where, " (X does not fit L3)" if where == "DRAM" else ""))
    return " ".join(parts)


PAIRED_GFLOPS = re.compile(r"@1thr best ([\d.]+) median ([\d.]+)\s+\S+@2thr best ([\d.]+) median ([\d.]+) GFLOP/s")
PAIRED_RATIO = re.compile(r"2 threads over 1, per round: median ([\d.]+)x \(range ([\d.]+)-([\d.]+)x\)")
PAIRED_ROUNDS = re.compile(r"faster than \S+ in (\d+) of (\d+) rounds")


def paired_results(results):
    """Per shape, the paired 1- vs 2-thread run's figures (bench/run's paired-SHAPE.txt), or None where unparsed."""
    out = {}
    for path in sorted(glob.glob(os.path.join(results, "paired-*.txt"))):
        shape = os.path.basename(path)[len("paired-"):-len(".txt")]
        text = open(path).read()
        g, q, c = PAIRED_GFLOPS.search(text), PAIRED_RATIO.search(text), PAIRED_ROUNDS.search(text)
        out[shape] = None if not (g and q and c) else {
            "median1": float(g.group(2)), "median2": float(g.group(4)),
            "ratio": float(q.group(1)), "low": float(q.group(2)), "high": float(q.group(3)),
            "wins": int(c.group(1)), "rounds": int(c.group(2))}
    return out


def blas_products_section(w, r, steps, ceil):
    """The step's two products alone through NumPy's BLAS (peer_step.py --impl gemm): what a tuned SGEMM reaches
    on this machine for the flops of a step, next to the FMA ceiling and bigstep's whole step."""
    w("## The step's two products alone in the BLAS (NumPy matmul, no activation, loss or update)")
    w("")
    gemm = {t: r.peers.get(("gemm", t), {}) for t in (1, 2)}
    if not any(g.get("results") for g in gemm.values()):
        w("Not run (--no-peers, --smoke, or NumPy without an optimised BLAS).")
        return
    w("| shape n·d·m | threads | BLAS ms | BLAS GFLOP/s | BLAS % of FMA peak | bigstep step ms (kernel) | bigstep's step / the BLAS's products |")
    w("|---|---|---|---|---|---|---|")
    shapes = set()
    for g in gemm.values():
        shapes.update(g.get("results", {}).keys())
    for s in sorted(shapes, key=shape_key):
        n, d, m = shape_of(s)
        for t in (1, 2):
            res = gemm[t].get("results", {}).get(s)
            if not res:
                continue
            ms = res["median_ms"]
            gf = 4.0 * n * d * m / (ms * 1e-3) / 1e9
            peak = ceil.get(("fma", t))
            k, bms = best_kernel(steps, s, t)
            w("| %s | %d | %s | %s | %s | %s | %s |" % (
                s.replace("x", "·"), t, fmt(ms), fmt(gf), fmt(100 * gf / peak) if peak else "–",
                "%s (%s)" % (fmt(bms), k) if bms else "–", fmt(bms / ms) + "x" if bms else "–"))
    w("")
    w("`X W^T` and `Z^T X` into preallocated arrays, timed together, median after warm-up (bench/peers/peer_step.py "
      "--impl gemm, the peers' environment, one-thread runs pinned like theirs). Not a peer: a ceiling for the 4·n·d·m "
      "flops every step does, set by the machine's tuned SGEMM. A ratio below 1x means bigstep's whole step takes less "
      "time than the BLAS takes for its two products alone.")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--mode", required=True)
    ap.add_argument("--command", required=True)
    ap.add_argument("--output", required=True)
    a = ap.parse_args()
    r = Results(a.results)
    mc = machine()
    ceil = r.ceiling()
    steps = r.steps()
    probe = r.probe
    lanes = probe.get("preferredFloatLanes", 8)
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    load_start = open(os.path.join(a.results, "loadavg-start.txt")).read().split()[:3] if os.path.exists(os.path.join(a.results, "loadavg-start.txt")) else ["?"]
    load_end = open(os.path.join(a.results, "loadavg-end.txt")).read().split()[:3] if os.path.exists(os.path.join(a.results, "loadavg-end.txt")) else ["?"]
    L = []
    w = L.append
    w("# Performance")
    w("")
    w("Generated by `%s` (mode: **%s**) on %s. Do not edit by hand: rerun the command on a quiet machine." % (a.command, a.mode, now))
    if a.mode != "full":
        w("")
        w("> **%s run**: short iterations and a subset of shapes, for development only. Do not cite these numbers; "
          "run `bench/run` (full) for the record." % a.mode.capitalize())
    w("")
    w("## Machine")
    w("")
    fl = mc["flags"]
    w("- CPU: %s (family %s, model %s), %s cores, %s; flags: avx2=%s, fma=%s, avx512f=%s%s"
      % (mc["model"], mc.get("family", "?"), mc.get("cpu_model", "?"), mc["cores"],
         ", ".join("%s %s" % (k, v) for k, v in mc["caches"].items()),
         "avx2" in fl, "fma" in fl, "avx512f" in fl, ", under a hypervisor" if "hypervisor" in fl else ""))
    if mc["mem_gib"]:
        w("- Memory: %.0f GiB; OS: %s %s" % (mc["mem_gib"], platform.system(), platform.release()))
    w("- JDK: %s (%s %s) at `%s`" % (probe.get("javaVersion", "?"), probe.get("vmName", "?"), probe.get("vmVersion", "?"), probe.get("javaHome", "?")))
    w("- Vector API preferred float species: %s bits = %s lanes" % (probe.get("preferredFloatBits", "?"), lanes))
    if probe.get("vectorKernel"):
        w("- bigstep vector kernel: available, %s bits" % probe.get("vectorKernelBits"))
    else:
        w("- bigstep vector kernel: **not available** (%s); only the scalar kernel was measured" % probe.get("vectorReason", "?"))
    w("- Load average at start / end: %s / %s (a value near or above the core count means the numbers are unreliable)"
      % (" ".join(load_start), " ".join(load_end)))
    pinning_path = os.path.join(a.results, "pinning.txt")
    if os.path.exists(pinning_path):
        w("- One-thread runs (JMH forks and peers): pinned to %s; two-thread runs are not pinned"
          % open(pinning_path).read().strip())
    w("")
    failures = os.path.join(a.results, "failures.txt")
    if os.path.exists(failures):
        w("> **Some benchmarks failed** (their rows are missing); excerpts from the JMH logs:")
        w("")
        w("```")
        w(open(failures).read().strip()[:3000])
        w("```")
        w("")
    w("## Ceilings (CeilingBenchmark)")
    w("")
    w("| ceiling | 1 thread | 2 threads |")
    w("|---|---|---|")
    w("| FP32 FMA, %d-bit vectors, %d chains (GFLOP/s) | %s | %s |" % (probe.get("preferredFloatBits", 0), probe.get("fmaChains", 12), fmt(ceil.get(("fma", 1))), fmt(ceil.get(("fma", 2)))))
    if ("tile", 1) in ceil:
        w("| the kernel's 5x2 forward tile loop, data in L1 (GFLOP/s) | %s | %s |" % (fmt(ceil.get(("tile", 1))), fmt(ceil.get(("tile", 2)))))
    w("| triad, L2-resident, 384 KiB/thread (GB/s) | %s | %s |" % (fmt(ceil.get(("l2", 1))), fmt(ceil.get(("l2", 2)))))
    w("| triad, DRAM, 192 MiB/thread (GB/s) | %s | %s |" % (fmt(ceil.get(("dram", 1))), fmt(ceil.get(("dram", 2)))))
    w("")
    w("Bandwidth counts 12 bytes per triad element (STREAM convention). Percentages below are of the FMA ceiling at the same thread count.")
    w("")
    w("## Full GD step (StepBenchmark: kernel evaluate at the float32 W, gradient norm, one pass updating the double master W, its float32 copy and norm; GELU)")
    w("")
    w("| shape n·d·m | kernel | threads | ms/step (median) | p90 | GFLOP/s | % of FMA peak | % of roofline | speedup vs scalar | speedup 2 thr vs 1 |")
    w("|---|---|---|---|---|---|---|---|---|---|")
    shapes = sorted({k[0] for k in steps}, key=shape_key)
    for s in shapes:
        n, d, m = shape_of(s)
        for k in ("scalar", "vector"):
            for t in (1, 2):
                if (s, k, t) not in steps:
                    continue
                ms, err = steps[(s, k, t)]
                gf = 4.0 * n * d * m / (ms * 1e-3) / 1e9
                peak = ceil.get(("fma", t))
                c, mem = floors(s, t, ceil)
                roof = max(v for v in (c, mem) if v is not None) if (c or mem) else None
                sc = steps.get((s, "scalar", t))
                one = steps.get((s, k, 1))
                w("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |" % (
                    s.replace("x", "·"), k, t, fmt(ms), fmt(err), fmt(gf),
                    fmt(100 * gf / peak) if peak else "–", fmt(100 * roof / ms) if roof else "–",
                    fmt(sc[0] / ms) + "x" if sc and k != "scalar" else "–",
                    fmt(one[0] / ms) + "x" if one and t == 2 else "–"))
    if not shapes:
        w("| (no step results) | | | | | | | | | |")
    w("")
    w("Every step is timed (JMH sample mode); ms/step is the median and p90 the 90th percentile, so a few slow seconds "
      "caused by other tenants of a shared machine do not move the figure, and it compares like for like with the peers' "
      "median. GFLOP/s counts 4·n·d·m flops per step (the two products). The roofline floor is max(4ndm / FMA peak, "
      "(4nd + 32md bytes) / DRAM bandwidth) at the same thread count.")
    w("")
    paired = paired_results(a.results)
    w("## Two threads over one, paired (PairedCompare --full-step)")
    w("")
    if paired:
        w("| shape n·d·m | 1 thread, median GFLOP/s | 2 threads, median GFLOP/s | 2 thr / 1 thr per round: median | range | rounds 2 thr faster |")
        w("|---|---|---|---|---|---|")
        for s in sorted(paired, key=shape_key):
            v = paired[s]
            if v is None:
                w("| %s | (output not recognised: see bench/target/results/paired-%s.txt) | | | | |" % (s.replace("x", "·"), s))
                continue
            w("| %s | %s | %s | %sx | %s-%sx | %d of %d |" % (
                s.replace("x", "·"), fmt(v["median1"]), fmt(v["median2"]), fmt(v["ratio"]), fmt(v["low"]),
                fmt(v["high"]), v["wins"], v["rounds"]))
        w("")
        w("The vector kernel's full GD step (as StepBenchmark's) at 1 and 2 threads in one JVM, alternating step by step, "
          "after warm-up rounds: each round's ratio compares the same minute of the machine. The table above times 1 and "
          "2 threads minutes apart, so on a shared VM its last column also measures how the second core's minutes "
          "differ. This JVM is not pinned, so neither thread count is.")
    else:
        w("Not run (the vector kernel is not available here, or this mode skips it).")
    w("")
    w("## Peer comparison (same step in PyTorch autograd and NumPy, same shapes, GELU, float32)")
    w("")
    if not r.peers:
        note = ""
        p = os.path.join(a.results, "peers-skipped.txt")
        if os.path.exists(p):
            note = open(p).read().strip()
        w("Peers were not run%s." % (": " + note if note else " (--no-peers or --smoke)"))
    else:
        w("| shape n·d·m | threads | bigstep ms (kernel) | PyTorch ms | NumPy ms | bigstep vs PyTorch | goal ≥ %.2fx |" % GOAL)
        w("|---|---|---|---|---|---|---|")
        peer_shapes = set()
        for p in r.peers.values():
            peer_shapes.update(p.get("results", {}).keys())
        for s in sorted(peer_shapes | set(shapes), key=shape_key):
            for t in (1, 2):
                k, ms = best_kernel(steps, s, t)
                pt = r.peers.get(("torch", t), {}).get("results", {}).get(s, {}).get("median_ms")
                pn = r.peers.get(("numpy", t), {}).get("results", {}).get(s, {}).get("median_ms")
                if ms is None and pt is None and pn is None:
                    continue
                sp = pt / ms if (pt and ms) else None
                w("| %s | %d | %s | %s | %s | %s | %s |" % (
                    s.replace("x", "·"), t, "%s (%s)" % (fmt(ms), k) if ms else "–", fmt(pt), fmt(pn),
                    fmt(sp) + "x" if sp else "–", ("yes" if sp >= GOAL else "**no**") if sp else "–"))
        w("")
        w("Peers report the median ms/step after warm-up (bench/peers/peer_step.py).")
        w("")
        any_peer = next(iter(r.peers.values()))
        env = open(os.path.join(a.results, "peer-env.txt")).read().strip() if os.path.exists(os.path.join(a.results, "peer-env.txt")) else "?"
        w("Peer environment, set for the peer processes only: `%s`, plus per run `OMP_NUM_THREADS`, "
          "`OPENBLAS_NUM_THREADS`, `MKL_NUM_THREADS` = the thread count, `torch.set_num_threads(t)`, "
          "`torch.set_num_interop_threads(1)`, and threadpoolctl limits." % env)
        for (impl, t), p in sorted(r.peers.items()):
            if p.get("skipped"):
                w("- %s, %d thread(s): skipped: %s" % (impl, t, p["skipped"]))
        tl = any_peer.get("thread_limits", {})
        pools = tl.get("pools", [])
        w("- Python %s, NumPy %s%s; threadpoolctl %s" % (
            any_peer.get("python"), any_peer.get("numpy"),
            ", PyTorch %s" % r.peers.get(("torch", 1), {}).get("torch") if ("torch", 1) in r.peers else "",
            tl.get("threadpoolctl") or "absent (%s)" % tl.get("note", "")))
        for pool in pools:
            w("- thread pool: %s %s %s%s" % (pool.get("internal_api"), pool.get("version") or "",
                                           "(kernel: %s, threading: %s)" % (pool.get("architecture"), pool.get("threading_layer"))
                                           if pool.get("architecture") else "", ""))
        erf = r.peers.get(("numpy", 1), {}).get("erf")
        if erf:
            w("- NumPy GELU's erf: %s" % erf)
    w("")
    blas_products_section(w, r, steps, ceil)
    w("")
    w("## Step pieces, unfused, 1 thread (PiecesBenchmark)")
    w("")
    pieces = r.entries(PIECES)
    if pieces:
        w("`scalar` = the reference kernel's loops; `vector` = plain Vector API loops (not the fused kernel, which does "
          "not expose its pieces yet). forward/gradient: 2ndm flops each; activation: GELU and GELU' on n·m values.")
        w("")
        w("| shape n·d·m | piece | impl | ms | GFLOP/s or Gvalues/s |")
        w("|---|---|---|---|---|")
        rows = []
        for e in pieces:
            s = e["params"]["shape"]
            n, d, m = shape_of(s)
            piece = e["benchmark"][len(PIECES):]
            ms = to_ms(e["primaryMetric"]["score"], e["primaryMetric"]["scoreUnit"])
            rate = (2.0 * n * d * m if piece != "activation" else n * m) / (ms * 1e-3) / 1e9
            rows.append((shape_key(s), piece, e["params"]["impl"], s, ms, rate))
        for _, piece, impl, s, ms, rate in sorted(rows):
            w("| %s | %s | %s | %s | %s |" % (s.replace("x", "·"), piece, impl, fmt(ms), fmt(rate)))
    else:
        w("Not run in this mode.")
    w("")
    w("## Every activation, kernel evaluate at 4096·2·32, 1 thread (ActivationBenchmark)")
    w("")
    acts = r.entries(ACTIVATION)
    if acts:
        table = {}
        for e in acts:
            table.setdefault(e["params"]["activation"], {})[e["params"]["kernel"]] = to_ms(
                e["primaryMetric"]["score"], e["primaryMetric"]["scoreUnit"]) * 1e3
        w("| activation | scalar µs | vector µs | vector speedup |")
        w("|---|---|---|---|")
        for act, v in table.items():
            sp = v["scalar"] / v["vector"] if "scalar" in v and "vector" in v else None
            w("| %s | %s | %s | %s |" % (act, fmt(v.get("scalar")), fmt(v.get("vector")), fmt(sp) + "x" if sp else "–"))
    else:
        w("Not run in this mode.")
    w("")
    w("## Roofline notes")
    w("")
    w("Ridge point: FMA peak / DRAM bandwidth = %s flop/byte on 1 thread. A step reads X once (intensity about m "
      "flop per byte of X), so every shape with m above that is compute-bound in principle; what keeps a shape "
      "below its floor is named per shape. Floors use the measured ceilings above."
      % (fmt(ceil[("fma", 1)] / ceil[("dram", 1)]) if ("fma", 1) in ceil and ("dram", 1) in ceil else "?"))
    w("")
    for s in shapes:
        w("- **%s**: %s" % (s.replace("x", "·"), roofline_note(s, steps, ceil, lanes)))
    w("")
    w("## How to reproduce")
    w("")
    w("`%s` from the repository root (see bench/README.md). Raw results: bench/target/results/ (JMH JSON, peer JSON, probe)." % a.command)
    w("")
    with open(a.output, "w") as f:
        f.write("\n".join(L))


if __name__ == "__main__":
    main()
