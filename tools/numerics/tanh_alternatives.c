/*
 * Two cheaper forms of tanh that were measured and rejected (2026-12-02): both exceed the 2-ulp bound.
 * Scalar C model of the vector kernels (same operations, same roundings, fma where the kernels fuse),
 * with exp's "shorter" polynomial (ExpApproximation.cs) and the magic-number reduction of x = 2|z|.
 *
 *   gcc -O2 tools/numerics/tanh_alternatives.c -o /tmp/tanh_alternatives -lquadmath -lm
 *   /tmp/tanh_alternatives 3000000      (every float in [0, 8] twice, then 3 M doubles; about 3 min)
 *
 * Forms, with em1 = e^(2a) - 1 = fma(s, q, s - 1) (s = 2^n, q = e^r - 1; s - 1 exact), a = |z|:
 *   A  tanh a = em1 / (em1 + 2)                       23 vector operations instead of the kernel's 38 (double)
 *   B  h = em1/2, w = 1/(1 + h) (one rounding: fma(s/2, q, s/2 + 1/2)):
 *        small a: h - h^2 w (Newton step on h/(1 + h)),   large a: 1 - w (= 1 - 2m, the kernel's form)
 *      29 operations; the kernel's degree-10 polynomial T goes.
 * Printed: the maximum error in ulp (of the correctly rounded result) per interval of a. Float against
 * double tanh (exact to about 2^-29 float ulp), double against libquadmath's tanhq.
 */
#include <math.h>
#include <quadmath.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double DP[] = {0.5000000000000001, 0.16666666666666669, 0.04166666666662413, 0.008333333333330062,
    0.0013888888917213717, 0.00019841269863053618, 2.4801521295954376e-05, 2.7557268459997064e-06,
    2.7620088445409746e-07, 2.510038549551032e-08};
static const float FP[] = {0.5f, 0.16666576266288757f, 0.041666556149721146f, 0.008363178931176662f,
    0.0013926184037700295f};

/* P(r) = pe(r^2) + r*po(r^2), Horner in u = r^2, as ExpApproximation.Reduce splits it. */
static double poly_d(double r, double u)
{
    double pe = DP[8], po = DP[9];
    for (int i = 6; i >= 0; i -= 2) pe = fma(pe, u, DP[i]);
    for (int i = 7; i >= 1; i -= 2) po = fma(po, u, DP[i]);
    return pe + r * po;
}

static float poly_f(float r, float u)
{
    float pe = FP[4], po = FP[3];
    for (int i = 2; i >= 0; i -= 2) pe = fmaf(pe, u, FP[i]);
    po = fmaf(po, u, FP[1]);
    return pe + r * po;
}

/* Sets the results of form A, form B's small-a branch and form B's large-a branch. */
static void forms_d(double a, double y[3])
{
    double magic = 6755399441055744.0, x = 2 * a;
    double t = fma(x, 1.4426950408889634, magic), n = t - magic;
    double r = fma(n, -1.9082149292705877E-10, fma(n, -0.6931471803691238, x)), u = r * r;
    double q = fma(u, poly_d(r, u), r), s = ldexp(1.0, (int)n), hs = s / 2;
    double em1 = fma(s, q, s - 1);
    double h = fma(hs, q, hs - 0.5), w = 1 / fma(hs, q, hs + 0.5);
    y[0] = em1 / (em1 + 2);
    y[1] = fma(-(h * h), w, h);
    y[2] = 1 - w;
}

static void forms_f(float a, float y[3])
{
    float magic = 12582912.0f, x = 2 * a;
    float t = fmaf(x, 1.4426950408889634f, magic), n = t - magic;
    float r = fmaf(n, -1.428606765330187e-06f, fmaf(n, -0.693145751953125f, x)), u = r * r;
    float q = fmaf(u, poly_f(r, u), r), s = ldexpf(1.0f, (int)n), hs = s / 2;
    float em1 = fmaf(s, q, s - 1);
    float h = fmaf(hs, q, hs - 0.5f), w = 1 / fmaf(hs, q, hs + 0.5f);
    y[0] = em1 / (em1 + 2);
    y[1] = fmaf(-(h * h), w, h);
    y[2] = 1 - w;
}

#define BUCKETS 12
static const double EDGE[BUCKETS] = {0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.75, 1, 1e9};

static int bucket(double a)
{
    int k = 0;
    while (a >= EDGE[k]) k++;
    return k;
}

static void print(const char *type, double max[BUCKETS][3])
{
    printf("%s: max ulp by a = |z|   (A: em1/(em1+2) | B small: h - h^2 w | B large: 1 - w)\n", type);
    for (int k = 0; k < BUCKETS; k++)
        printf("  a < %-5g  %7.3f  %7.3f  %7.3f\n", EDGE[k], max[k][0], max[k][1], max[k][2]);
}

int main(int argc, char **argv)
{
    long samples = argc > 1 ? atol(argv[1]) : 3000000;
    double maxf[BUCKETS][3] = {{0}}, maxd[BUCKETS][3] = {{0}};
    for (uint32_t bits = 0; bits <= 0x41000000u; bits++) { /* every float in [0, 8] */
        float a, y[3];
        memcpy(&a, &bits, 4);
        forms_f(a, y);
        double exact = tanh((double)a);
        float rounded = (float)exact;
        double ulp = (double)nextafterf(rounded, INFINITY) - rounded;
        for (int j = 0; j < 3; j++) {
            double e = fabs((double)y[j] - exact) / ulp;
            if (e > maxf[bucket(a)][j]) maxf[bucket(a)][j] = e;
        }
    }
    print("float, every value in [0, 8]", maxf);
    srand48(42);
    for (long i = 0; i < samples; i++) { /* uniform on [0, 18], log-uniform on [1e-12, 18], uniform on [0, 1] */
        double a = i % 3 == 0 ? drand48() * 18 : i % 3 == 1 ? exp(log(1e-12) + drand48() * log(18 / 1e-12)) : drand48();
        double y[3];
        forms_d(a, y);
        __float128 exact = tanhq((__float128)a);
        double rounded = (double)exact, ulp = nextafter(rounded, INFINITY) - rounded;
        for (int j = 0; j < 3; j++) {
            double e = fabs((double)(((__float128)y[j] - exact) / ulp));
            if (e > maxd[bucket(a)][j]) maxd[bucket(a)][j] = e;
        }
    }
    printf("\n");
    print("double, sampled", maxd);
    return 0;
}
