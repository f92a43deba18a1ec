"""Whole-experiment baselines: runs the PyTorch scripts of the shared baselines folder (what a student's
script would do: autograd Hessians, dense eigenvalues, two threads) and records their times in the same
CSV file as kernels.py, with date, versions and machine (see README.md in this folder).

Recorded rows (work, shape):
- landscape, "N=2,3,4": depths 2, 3, 4, width 10, 2,000 GD steps, Hessian and its extreme eigenvalues at
  101 checkpoints (landscape_torch.py --skip-wide), one run: the CPU time of the whole process (both threads,
  imports and start-up included).
- reluStep, "m = 100000": one full-batch GD step of the width-10^5 ReLU network on 256 x 10 inputs
  (ultrawide_torch.py at that width alone): the process's CPU time with --relu-steps steps minus that with a
  quarter as many, over the difference in steps, so that start-up, H* and set-up cancel.

CPU time rather than the scripts' own wall-clock figures: on a shared machine the time a process waits for a core
is not its work (the wall-clock figures of one afternoon varied fourfold); with two threads, CPU time counts both,
so it is an upper bound on the work's wall-clock time on a quiet machine.
"""
import argparse
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile

from kernels import append, cpu_model, short_blas

HERE = os.path.dirname(os.path.abspath(__file__))


def run(script_dir, script, args):
    """The script's JSON summary and the CPU seconds (user + system, every thread) its process took."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.json")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, os.path.join(script_dir, script), *args, "--json", out], cwd=script_dir, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        with open(out) as f:
            return json.load(f), (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def versions(env):
    blas = short_blas(env.get("blas_libs", []))
    return f"Python {env['python']}; PyTorch {env['torch']}; {env['torch_num_threads']} threads" + (f"; BLAS {blas}" if blas else "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scripts", required=True, help="the shared baselines folder (landscape_torch.py, ultrawide_torch.py)")
    parser.add_argument("--csv", default=os.path.join(HERE, "..", "..", "content", "baselines.csv"))
    parser.add_argument("--relu-steps", type=int, default=40)
    args = parser.parse_args()
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    machine = f"{cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.machine()}"
    nan = "nan"
    rows = []
    landscape, cpu = run(args.scripts, "landscape_torch.py", ["--skip-wide"])
    rows.append(["landscape", "N=2,3,4", "pytorch", f"{cpu:.6g}", nan, nan, 1, landscape["env"]["torch_num_threads"], date,
                 versions(landscape["env"]), machine])
    few = max(1, args.relu_steps // 4)
    cpu_by_steps = {}
    for steps in (few, args.relu_steps):
        wide, cpu_by_steps[steps] = run(args.scripts, "ultrawide_torch.py", ["--widths", "100000", "--big-width", "100000",
                                                                             "--big-steps", str(steps), "--every", str(steps)])
    step = (cpu_by_steps[args.relu_steps] - cpu_by_steps[few]) / (args.relu_steps - few)
    rows.append(["reluStep", "m = 100000", "pytorch", f"{step:.6g}", nan, nan, args.relu_steps - few, wide["env"]["torch_num_threads"],
                 date, versions(wide["env"]), machine])
    append(args.csv, rows)


if __name__ == "__main__":
    main()
