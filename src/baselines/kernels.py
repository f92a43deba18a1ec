"""Kernel-level baselines: the deep linear network's gradient, Hessian-vector product and Hessian
with PyTorch (autograd) and with NumPy (hand-written products on the machine's BLAS), one thread,
float64, at the shapes the JMH benchmarks measure. Appends its measurements to a CSV file that the
performance page reads (see README.md in this folder).

The work is the benchmarks': the loss of the end-to-end matrix W = W_N ... W_1 through the data's
second moments, L(W) = 1/2 tr(W Sxx W^T) - tr(Syx W^T) + const, with Sxx = X^T X / n and
Syx = Y^T X / n of the standardized diabetes data (d_0 = 10, d_N = 1); so the cost does not depend
on the number of samples, as in optreport's kernels.
"""
import argparse
import csv
import datetime
import math
import os
import platform
import sys
import time

# one thread, as every optreport kernel: set before NumPy's BLAS and PyTorch start their pools
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import numpy as np  # noqa: E402
import torch  # noqa: E402

# the shapes of the quick setting's benchmarks (BenchmarkSuite.ENTRIES): the targets' sizes
SHAPES = {
    "gradient": ["10x10x1", "10x10x10x1", "10x10x10x10x1"],
    "hvp": ["10x310x310x1"],
    "hessian": ["10x13x13x1", "10x30x30x1"],
}
# Student's t quantile (two-sided 95%) for df = repeats - 1, as report.stats.Replicates computes the interval
T975 = {2: 4.303, 4: 2.776, 6: 2.447, 9: 2.262}


def diabetes_moments(path):
    """Sxx (10 x 10) and Syx (1 x 10) of the z-scored diabetes data (population standard deviation)."""
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    z = (data - data.mean(axis=0)) / data.std(axis=0)
    x, y = z[:, :-1], z[:, -1:]
    n = x.shape[0]
    return x.T @ x / n, y.T @ x / n


def widths(shape):
    return [int(w) for w in shape.split("x")]


def random_weights(ws, rng):
    """Weights W_j (d_j x d_{j-1}), N(0, 1/d_{j-1}): the cost does not depend on their values."""
    return [rng.standard_normal((ws[j + 1], ws[j])) / math.sqrt(ws[j]) for j in range(len(ws) - 1)]


# ---- NumPy: the products optreport's kernels perform, written out -------------------------------------------

def np_gradient(ws, sxx, syx):
    """grad_j = A_j^T G B_j^T with prefixes B_j = W_{j-1} ... W_1, suffixes A_j = W_N ... W_{j+1}."""
    n = len(ws)
    prefix = [None] * (n + 1)          # prefix[j] = W_{j-1} ... W_1 (0-based: product of ws[:j]); prefix[0] = I
    prefix[1] = ws[0]
    for j in range(2, n + 1):
        prefix[j] = ws[j - 1] @ prefix[j - 1]
    g = prefix[n] @ sxx - syx
    suffix = [None] * n                # suffix[j] = ws[n-1] ... ws[j+1]; suffix[n-1] = I
    if n >= 2:
        suffix[n - 2] = ws[n - 1]
    for j in range(n - 3, -1, -1):
        suffix[j] = suffix[j + 1] @ ws[j + 1]
    grads = []
    for j in range(n):
        left = g if j == n - 1 else suffix[j].T @ g
        grads.append(left if j == 0 else left @ prefix[j].T)
    return grads, prefix, suffix, g


def np_hvp(ws, vs, sxx, syx):
    """The directional derivative of the gradient along vs (forward mode through the same products)."""
    n = len(ws)
    grads, prefix, suffix, g = np_gradient(ws, sxx, syx)
    dprefix = [None] * (n + 1)
    dprefix[1] = vs[0]
    for j in range(2, n + 1):
        dprefix[j] = vs[j - 1] @ prefix[j - 1] + ws[j - 1] @ dprefix[j - 1]
    dg = dprefix[n] @ sxx
    dsuffix = [None] * n
    if n >= 2:
        dsuffix[n - 2] = vs[n - 1]
    for j in range(n - 3, -1, -1):
        dsuffix[j] = dsuffix[j + 1] @ ws[j + 1] + suffix[j + 1] @ vs[j + 1]
    out = []
    for j in range(n):
        a, da = (None, None) if j == n - 1 else (suffix[j], dsuffix[j])
        left = g if a is None else a.T @ g
        dleft = dg if a is None else da.T @ g + a.T @ dg
        if j == 0:
            out.append(dleft)
        else:
            out.append(dleft @ prefix[j].T + left @ dprefix[j].T)
    return out


def np_hessian(ws, sxx, syx):
    """Column by column: one Hessian-vector product per unit direction (NumPy has no automatic Hessian)."""
    sizes = [w.size for w in ws]
    p = sum(sizes)
    h = np.empty((p, p))
    for c in range(p):
        e = np.zeros(p)
        e[c] = 1
        vs, k = [], 0
        for w in ws:
            vs.append(e[k:k + w.size].reshape(w.shape))
            k += w.size
        h[c] = np.concatenate([d.ravel() for d in np_hvp(ws, vs, sxx, syx)])
    return h


# ---- PyTorch: autograd, as a student's script would -------------------------------------------------------

def torch_loss(flat, shapes, sxx, syx):
    ws, k = [], 0
    for r, c in shapes:
        ws.append(flat[k:k + r * c].reshape(r, c))
        k += r * c
    w = ws[0]
    for layer in ws[1:]:
        w = layer @ w
    return 0.5 * ((w @ sxx) * w).sum() - (syx * w).sum()


def torch_kernels(ws, sxx, syx):
    shapes = [w.shape for w in ws]
    tsxx, tsyx = torch.from_numpy(sxx), torch.from_numpy(syx)
    flat = torch.from_numpy(np.concatenate([w.ravel() for w in ws])).requires_grad_(True)
    v = torch.from_numpy(np.random.default_rng(7).standard_normal(flat.numel()))
    f = lambda x: torch_loss(x, shapes, tsxx, tsyx)  # noqa: E731

    def gradient():
        return torch.autograd.grad(f(flat), flat)[0]

    def hvp():
        (g,) = torch.autograd.grad(f(flat), flat, create_graph=True)
        return torch.autograd.grad(g @ v, flat)[0]

    def hessian():
        return torch.autograd.functional.hessian(f, flat.detach())

    return {"gradient": gradient, "hvp": hvp, "hessian": hessian}


def numpy_kernels(ws, sxx, syx):
    vs = [np.random.default_rng(7).standard_normal(w.shape) for w in ws]
    return {"gradient": lambda: np_gradient(ws, sxx, syx)[0], "hvp": lambda: np_hvp(ws, vs, sxx, syx),
            "hessian": lambda: np_hessian(ws, sxx, syx)}


def check_agreement(ws, sxx, syx):
    """NumPy's and PyTorch's kernels compute the same numbers (so the two time the same work)."""
    t = torch_kernels(ws, sxx, syx)
    n = numpy_kernels(ws, sxx, syx)
    flat = lambda parts: np.concatenate([p.ravel() for p in parts])  # noqa: E731
    assert np.allclose(flat(n["gradient"]()), t["gradient"]().numpy(), rtol=1e-10, atol=1e-12)
    rng = np.random.default_rng(7)
    vs = [rng.standard_normal(w.shape) for w in ws]
    # torch's HVP used the same seed's direction drawn as one flat vector: compare against NumPy's on that direction
    v = np.random.default_rng(7).standard_normal(sum(w.size for w in ws))
    vs, k = [], 0
    for w in ws:
        vs.append(v[k:k + w.size].reshape(w.shape))
        k += w.size
    assert np.allclose(flat(np_hvp(ws, vs, sxx, syx)), t["hvp"]().numpy(), rtol=1e-9, atol=1e-12)


def measure(fn, repeats, min_seconds):
    """Mean CPU seconds per call over `repeats` repeats of enough calls to last min_seconds, and its 95% t-interval.

    CPU time of the process (one thread), not wall-clock: on a shared machine the time the process waits for a core
    is not the kernel's, so it is left out; on a quiet machine the two agree.
    """
    fn()
    start = time.process_time()
    fn()
    once = time.process_time() - start
    calls = max(1, int(min_seconds / max(once, 1e-9)))
    means = []
    for _ in range(repeats):
        start = time.process_time()
        for _ in range(calls):
            fn()
        means.append((time.process_time() - start) / calls)
    mean = sum(means) / len(means)
    sd = math.sqrt(sum((m - mean) ** 2 for m in means) / (len(means) - 1))
    half = T975[repeats - 1] * sd / math.sqrt(len(means))
    return mean, mean - half, mean + half


def blas_library():
    """The BLAS shared object this process mapped (Debian's alternatives decide it)."""
    with open("/proc/self/maps") as maps:
        return short_blas({line.split()[-1] for line in maps if "blas" in line.lower() and ".so" in line})


def short_blas(paths):
    """The implementation's library file name (libopenblasp-r0.3.21.so), else every BLAS file's resolved name."""
    names = sorted({os.path.basename(os.path.realpath(p)) for p in paths})
    tuned = [n for n in names if n.startswith(("libopenblas", "libmkl", "libblis"))]
    return " ".join(tuned or names) or "unknown"


def cpu_model():
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=os.path.join(here, "..", "main", "resources", "datasets", "diabetes.csv"))
    parser.add_argument("--csv", default=os.path.join(here, "..", "..", "content", "baselines.csv"))
    parser.add_argument("--repeats", type=int, default=7, choices=sorted(k + 1 for k in T975))
    parser.add_argument("--min-seconds", type=float, default=0.2, help="each repeat lasts at least this long")
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float64)
    sxx, syx = diabetes_moments(args.data)
    rng = np.random.default_rng(23)
    versions = f"Python {platform.python_version()}; NumPy {np.__version__}; PyTorch {torch.__version__}; BLAS {blas_library()}"
    machine = f"{cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.machine()}"
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    rows = []
    for work, shapes in SHAPES.items():
        for shape in shapes:
            ws = random_weights(widths(shape), rng)
            check_agreement(ws, sxx, syx)
            for implementation, kernels in (("pytorch", torch_kernels(ws, sxx, syx)), ("numpy", numpy_kernels(ws, sxx, syx))):
                mean, low, high = measure(kernels[work], args.repeats, args.min_seconds)
                print(f"{work:9s} {shape:15s} {implementation:8s} {mean * 1e6:12.2f} us  [{low * 1e6:.2f}, {high * 1e6:.2f}]", file=sys.stderr)
                rows.append([work, shape, implementation, f"{mean:.6g}", f"{low:.6g}", f"{high:.6g}", args.repeats, 1,
                             date, versions, machine])
    append(args.csv, rows)


HEADER = ["work", "shape", "implementation", "seconds", "low95", "high95", "repeats", "threads", "date", "versions", "machine"]


def append(path, rows):
    """Replaces this script's earlier rows (same work, shape, implementation) and keeps every other row."""
    kept = []
    if os.path.exists(path):
        with open(path, newline="") as f:
            reader = csv.reader(line for line in f if not line.startswith("#"))
            next(reader, None)
            mine = {(r[0], r[1], r[2]) for r in rows}
            kept = [r for r in reader if (r[0], r[1], r[2]) not in mine]
    with open(path, "w", newline="") as f:
        f.write("# measured by src/baselines/*.py (see src/baselines/README.md); read by the performance page\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(kept + rows)


if __name__ == "__main__":
    main()
