#!/usr/bin/env python3
"""Regenerates the arbitrary-precision reference values the accuracy tests compare against.

Usage:  python3 tools/numerics/make_reference.py [output-dir] [prefix ...]
        (default: tests/ActivationGen.Numerics.Tests/Reference, every function; with prefixes, e.g.
        "hardsigmoid", only the functions and grids whose names start with one of them)

Needs mpmath (Debian: apt-get install python3-mpmath). Deterministic: the same files every run.

For each element type T in {float, double} it writes
  <T>/inputs.bin.gz          the pre-activation grid z (T, little-endian)
  <T>/outputs.bin.gz         the grid of outputs y used by the from-output derivatives
  <T>/<function>.bin.gz      for each grid point: the exact value rounded to nearest T, then a float32
                             residual (exact - rounded) / ulp(rounded), so exact = rounded + residual·ulp
Grid (per type, >= 10^5 points): special values (NaN, ±inf, ±0, ±MaxValue, subnormals, the smallest
normal, exp overflow/underflow edges), 40,000 points uniform in [-30, 30], 40,000 log-spaced magnitudes
from the smallest subnormal to MaxValue with alternating signs, and 20,000 points packed around the
edges where e^(-|z|) and e^(-2|z|) leave the normal range.
"""
import gzip
import math
import os
import random
import struct
import sys

import mpmath as mp

mp.mp.dps = 60

TYPES = {
    # name: (pack char, int pack char, mantissa bits, min exponent, smallest subnormal, max value)
    "float": ("f", "I", 24, -126, 2.0 ** -149, struct.unpack("f", struct.pack("I", 0x7F7FFFFF))[0]),
    "double": ("d", "Q", 53, -1022, 2.0 ** -1074, sys.float_info.max),
}


def to_type(x, t):
    """Round a Python float (double) to the element type."""
    fmt = TYPES[t][0]
    return struct.unpack(fmt, struct.pack(fmt, x))[0] if t == "float" else x


def ulp(v, t):
    """Spacing of T at the (finite, rounded) value v: 2^(e - p + 1), or the subnormal step."""
    _, _, p, emin, tiny, _ = TYPES[t]
    if v == 0:
        return mp.mpf(tiny)
    _, e = mp.frexp(abs(mp.mpf(v)))  # v = m·2^e, m in [0.5, 1)
    e = max(int(e) - 1, emin)
    return mp.ldexp(mp.mpf(1), e - p + 1)


def round_to(x, t):
    """Round an mpf to nearest T (ties to even), handling subnormals and overflow."""
    _, _, p, emin, tiny, maxv = TYPES[t]
    if mp.isnan(x):
        return float("nan")
    if mp.isinf(x):
        return float(x)
    if x == 0:
        return 0.0
    a = abs(x)
    _, e = mp.frexp(a)  # a = m·2^e, m in [0.5, 1), so 2^(e-1) <= a < 2^e
    e = int(e) - 1
    step = mp.ldexp(mp.mpf(1), max(e, emin) - p + 1)
    q = a / step
    n = mp.floor(q)
    frac = q - n
    if frac > 0.5 or (frac == 0.5 and int(n) % 2 == 1):
        n += 1
    r = n * step
    if r > maxv:
        return math.copysign(float("inf"), float(x))
    return math.copysign(float(r), float(x))


def grid(t):
    _, _, _, _, tiny, maxv = TYPES[t]
    rng = random.Random(20261130 if t == "float" else 20261131)
    pts = []
    min_normal = 2.0 ** TYPES[t][3]
    specials = [float("nan"), float("inf"), -float("inf"), 0.0, -0.0, maxv, -maxv, tiny, -tiny,
                min_normal, -min_normal, min_normal - tiny, -(min_normal - tiny), 1.0, -1.0, 0.5, -0.5]
    if t == "float":
        specials += [88.72284, -88.72284, 87.33654, -87.33654, 103.97208, -103.97208, 104.0, -104.0, 89.0, -89.0,
                     9.01, -9.01, 10.0, -10.0, 44.36142, -44.36142, 51.986, -51.986, 52.0, -52.0]
    else:
        specials += [709.782712893384, -709.782712893384, 708.3964185322641, -708.3964185322641,
                     744.4400719213812, -744.4400719213812, 745.1332191019411, -745.1332191019411, 746.0, -746.0,
                     710.0, -710.0, 19.06, -19.06, 20.0, -20.0, 372.5666, -372.5666, 373.0, -373.0]
    pts += specials
    for i in range(40000):
        pts.append(-30.0 + 60.0 * (i + 0.5) / 40000)
    lo, hi = math.log10(tiny), math.log10(maxv)
    for i in range(40000):
        m = 10.0 ** (lo + (hi - lo) * (i + 0.5) / 40000)
        pts.append(m if i % 2 == 0 else -m)
    edges = [(-110.0, -85.0), (40.0, 56.0)] if t == "float" else [(-750.0, -700.0), (350.0, 375.0)]
    for a, b in edges:
        for _ in range(10000):
            v = rng.uniform(a, b)
            pts.append(v if rng.random() < 0.5 else -v)
    return [to_type(v, t) for v in pts]


def output_grid(t, symmetric):
    """Outputs y: of the sigmoid in [0, 1], of tanh in [-1, 1]."""
    _, _, _, _, tiny, _ = TYPES[t]
    pts = [float("nan"), 0.0, -0.0, 1.0, 0.5, tiny, 2.0 ** TYPES[t][3]]
    if symmetric:
        pts += [-1.0, -0.5, -tiny]
    low = -1.0 if symmetric else 0.0
    for i in range(40000):
        pts.append(low + (1.0 - low) * (i + 0.5) / 40000)
    lo = math.log10(tiny)
    for i in range(30000):
        v = 10.0 ** (lo * (i + 0.5) / 30000)
        pts.append(-v if symmetric and i % 2 else v)
    p = TYPES[t][2]
    for i in range(30000):
        v = 1.0 - 10.0 ** (-(p * math.log10(2)) * (i + 0.5) / 30000)
        pts.append(-v if symmetric and i % 2 else v)
    return [to_type(v, t) for v in pts]


def hardsigmoid_grid(t):
    """Inputs of the hard sigmoid: dense in [-3.5, 3.5], every value within 2,000 steps of the edges -3 and 3
    (where (z + 3)/6 is tiny or next to 1), log-spaced magnitudes near 0, and the special values."""
    _, _, _, _, tiny, maxv = TYPES[t]
    fmt, ifmt = TYPES[t][0], TYPES[t][1]
    pts = [float("nan"), float("inf"), -float("inf"), 0.0, -0.0, maxv, -maxv, tiny, -tiny, 3.0, -3.0, 1.5, -1.5]
    for i in range(62000):
        pts.append(-3.5 + 7.0 * (i + 0.5) / 62000)
    for edge in (3.0, -3.0):
        bits = struct.unpack("<" + ifmt, struct.pack("<" + fmt, edge))[0]
        for k in range(1, 2001):
            for b in (bits - k, bits + k):
                pts.append(struct.unpack("<" + fmt, struct.pack("<" + ifmt, b))[0])
    lo = math.log10(tiny)
    for i in range(30000):
        v = 10.0 ** (lo + (0.5 - lo) * (i + 0.5) / 30000)
        pts.append(v if i % 2 == 0 else -v)
    return [to_type(v, t) for v in pts]


def hardsigmoid(z):
    return mp.mpf(0) if z <= -3 else mp.mpf(1) if z >= 3 else (z + 3) / 6


def sigmoid(z):
    return 1 / (1 + mp.exp(-z))


FUNCTIONS = {
    # name: (grid, exact function of an mpf, value at +inf/-inf)
    "sigmoid.forward": ("inputs", sigmoid),
    "sigmoid.derivative": ("inputs", lambda z: sigmoid(z) * sigmoid(-z)),
    "sigmoid.fromoutput": ("sigmoid.outputs", lambda y: y * (1 - y)),
    "tanh.forward": ("inputs", mp.tanh),
    "tanh.derivative": ("inputs", lambda z: mp.sech(z) ** 2),
    "tanh.fromoutput": ("tanh.outputs", lambda y: 1 - y * y),
    "hardsigmoid.forward": ("hardsigmoid.inputs", hardsigmoid),
    "hardsigmoid.derivative": ("hardsigmoid.inputs", lambda z: mp.mpf(1) / 6 if -3 < z < 3 else mp.mpf(0)),
}

LIMITS = {
    "sigmoid.forward": (1.0, 0.0),
    "sigmoid.derivative": (0.0, 0.0),
    "tanh.forward": (1.0, -1.0),
    "tanh.derivative": (0.0, 0.0),
    "hardsigmoid.forward": (1.0, 0.0),
    "hardsigmoid.derivative": (0.0, 0.0),
}


def evaluate(name, fn, x, t):
    if math.isnan(x):
        return float("nan"), 0.0
    if math.isinf(x):
        v = LIMITS[name][0 if x > 0 else 1]
        return v, 0.0
    exact = fn(mp.mpf(x))
    r = round_to(exact, t)
    if math.isinf(r):
        return r, 0.0
    residual = float((exact - mp.mpf(r)) / ulp(r, t))
    return r, residual


def write(path, fmt, values):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write(struct.pack("<i", len(values)))
        for v in values:
            f.write(struct.pack("<" + fmt, *v) if isinstance(v, tuple) else struct.pack("<" + fmt, v))


def main():
    args = sys.argv[1:]
    out = args.pop(0) if args and os.sep in args[0] or args and args[0].startswith(".") else os.path.join(
        os.path.dirname(__file__), "..", "..", "tests", "ActivationGen.Numerics.Tests", "Reference")
    prefixes = tuple(args) or ("",)
    for t in ("float", "double"):
        fmt = TYPES[t][0]
        grids = {"inputs": grid(t), "sigmoid.outputs": output_grid(t, False), "tanh.outputs": output_grid(t, True),
                 "hardsigmoid.inputs": hardsigmoid_grid(t)}
        for g, values in grids.items():
            if g.startswith(prefixes):
                write(os.path.join(out, t, g + ".bin.gz"), fmt, values)
        for name, (g, fn) in FUNCTIONS.items():
            if not name.startswith(prefixes):
                continue
            rows = [evaluate(name, fn, x, t) for x in grids[g]]
            write(os.path.join(out, t, name + ".bin.gz"), fmt + "f", rows)
            print(t, name, len(rows), "points", flush=True)


if __name__ == "__main__":
    main()
