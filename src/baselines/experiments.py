"""Whole-experiment baselines: runs the PyTorch scripts of the shared baselines folder (what a student's
script would do: autograd Hessians, dense eigenvalues, two threads) and records their times in the same
CSV file as kernels.py, with date, versions and machine (see README.md in this folder).

Recorded rows (work, shape):
- landscape, "N=2,3,4": depths 2, 3, 4, width 10, 2,000 GD steps, Hessian and its extreme eigenvalues at
  101 checkpoints (landscape_torch.py --skip-wide): the wall-clock time of the whole process (imports and
  start-up included), as a user waits for it; --repeats processes, their mean and 95% t-interval.
- reluStep, "m = 100000": one full-batch GD step of the width-10^5 ReLU network on 256 x 10 inputs
  (ultrawide_torch.py at that width alone): the process's wall-clock time with --relu-steps steps minus that with a
  quarter as many, over the difference in steps, so that start-up, H* and set-up cancel; --repeats such pairs,
  their mean and 95% t-interval.

Wall-clock time, as the JMH benchmarks on the same page measure ours: so run it on a quiet machine (on a shared one
the time a process waits for a core is not its work; one afternoon's figures under load varied fourfold). The
scripts use two threads; `--cpu` records the processes' CPU time (every thread) instead, an upper bound on the
wall-clock time of a quiet machine.
"""
import argparse
import datetime
import json
import math
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time

from kernels import T975, append, cpu_model, short_blas

HERE = os.path.dirname(os.path.abspath(__file__))


def run(script_dir, script, args, cpu):
    """The script's JSON summary and the seconds its process took: wall-clock, or CPU (user + system, every thread)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.json")
        before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        subprocess.run([sys.executable, os.path.join(script_dir, script), *args, "--json", out], cwd=script_dir, check=True)
        after, wall = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter() - start
        with open(out) as f:
            summary = json.load(f)
        return summary, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime) if cpu else wall


def mean_interval(values):
    """The mean and its two-sided 95% t-interval (nan without repeats), as kernels.py and the page read them."""
    mean = sum(values) / len(values)
    if len(values) < 2:
        return mean, math.nan, math.nan
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))
    half = T975[len(values) - 1] * sd / math.sqrt(len(values))
    return mean, mean - half, mean + half


def versions(env):
    blas = short_blas(env.get("blas_libs", []))
    return f"Python {env['python']}; PyTorch {env['torch']}; {env['torch_num_threads']} threads" + (f"; BLAS {blas}" if blas else "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scripts", required=True, help="the shared baselines folder (landscape_torch.py, ultrawide_torch.py)")
    parser.add_argument("--csv", default=os.path.join(HERE, "..", "..", "content", "baselines.csv"))
    parser.add_argument("--relu-steps", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=5, choices=sorted(k + 1 for k in T975),
                        help="processes (landscape) and process pairs (ReLU step) per recorded row")
    parser.add_argument("--cpu", action="store_true", help="record CPU time (every thread) instead of wall-clock time")
    args = parser.parse_args()
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    machine = f"{cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.machine()}"
    rows = []
    landscape_seconds = []
    for _ in range(args.repeats):
        landscape, seconds = run(args.scripts, "landscape_torch.py", ["--skip-wide"], args.cpu)
        landscape_seconds.append(seconds)
    mean, low, high = mean_interval(landscape_seconds)
    rows.append(["landscape", "N=2,3,4", "pytorch", f"{mean:.6g}", f"{low:.6g}", f"{high:.6g}", args.repeats,
                 landscape["env"]["torch_num_threads"], date, versions(landscape["env"]), machine])
    few = max(1, args.relu_steps // 4)
    steps_seconds = []
    for _ in range(args.repeats):
        seconds_by_steps = {}
        for steps in (few, args.relu_steps):
            wide, seconds_by_steps[steps] = run(args.scripts, "ultrawide_torch.py",
                                                ["--widths", "100000", "--big-width", "100000", "--big-steps", str(steps),
                                                 "--every", str(steps)], args.cpu)
        steps_seconds.append((seconds_by_steps[args.relu_steps] - seconds_by_steps[few]) / (args.relu_steps - few))
    mean, low, high = mean_interval(steps_seconds)
    rows.append(["reluStep", "m = 100000", "pytorch", f"{mean:.6g}", f"{low:.6g}", f"{high:.6g}", args.repeats,
                 wide["env"]["torch_num_threads"], date, versions(wide["env"]), machine])
    append(args.csv, rows)


if __name__ == "__main__":
    main()
