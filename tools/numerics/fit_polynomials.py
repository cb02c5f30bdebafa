#!/usr/bin/env python3
"""Fits the polynomials the generated kernels use, and prints their approximation error.

Usage:  python3 tools/numerics/fit_polynomials.py      (needs mpmath; Debian: python3-mpmath)

Each fit is a Chebyshev interpolant (mpmath.chebyfit) of the target on a slightly widened interval,
which is within a small factor of the minimax polynomial. Coefficients are then rounded to the element
type, and the error of the rounded polynomial is measured on a dense grid at 50 digits. The printed
coefficient lists (lowest degree first) are what src/ActivationGen.Generator/Numerics/*.cs hold.

  exp:  e^r - 1 = r + r^2 * P(r),   |r| <= ln2/2        float degree 5, double degree 10 (sigmoid);
                                                          float degree 4, double degree 9 (tanh: "shorter")
  tanh: tanh(a) = a + a^3 * T(a^2), 0 <= a <= 0.55      float degree 4, double degree 10 (in a^2)
"""
import struct

import mpmath as mp

mp.mp.dps = 50


def to_float(x):
    return struct.unpack("f", struct.pack("f", float(x)))[0]


def exp_p(r):
    if abs(r) < mp.mpf("1e-30"):
        return mp.mpf(1) / 2 + r / 6
    return (mp.expm1(r) - r) / r ** 2


def tanh_t(u):
    if u < mp.mpf("1e-30"):
        return mp.mpf(-1) / 3 + 2 * u / 15
    a = mp.sqrt(u)
    return (mp.tanh(a) - a) / (a ** 3)


def fit(f, lo, hi, degree, cast):
    coefficients, _ = mp.chebyfit(f, [lo, hi], degree + 1, error=True)
    return [cast(c) for c in reversed(coefficients)]  # lowest degree first


def horner(c, x):
    acc = mp.mpf(0)
    for ci in reversed(c):
        acc = acc * x + mp.mpf(ci)
    return acc


def main():
    half_ln2 = mp.log(2) / 2
    for name, cast, bits, exp_degree, tanh_degree in (("float", to_float, 24, 5, 4), ("double", float, 53, 10, 10)):
        for degree in (exp_degree, exp_degree - 1):
            p = fit(exp_p, -half_ln2 * mp.mpf("1.0001"), half_ln2 * mp.mpf("1.0001"), degree, cast)
            worst = max(abs((1 + r + r * r * horner(p, r)) / mp.exp(r) - 1)
                        for r in (-half_ln2 + 2 * half_ln2 * i / 4000 for i in range(4001)))
            print(f"{name} exp P (degree {degree}): max relative error {float(worst):.3g} = {float(worst * 2 ** bits):.4f} ulp")
            print("   ", ", ".join(repr(x) for x in p))

        top = mp.mpf("0.55") ** 2 * mp.mpf("1.0001")
        t = fit(tanh_t, 0, top, tanh_degree, cast)
        worst = max(abs((a + a ** 3 * horner(t, a * a)) / mp.tanh(a) - 1)
                    for a in (mp.mpf("0.55") * (i + 1) / 4000 for i in range(4000)))
        print(f"{name} tanh T (degree {tanh_degree} in a^2): max relative error {float(worst):.3g} = {float(worst * 2 ** bits):.4f} ulp")
        print("   ", ", ".join(repr(x) for x in t))


if __name__ == "__main__":
    main()
