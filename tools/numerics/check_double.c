/*
 * Maximum ulp error of the double sigmoid and tanh span members against quad precision (GCC's
 * __float128 and libquadmath's expq/tanhq, 113-bit significand: a double result's error is measured
 * to about 2^-60 ulp).
 *
 *   dotnet run -c Release --project tests/ActivationGen.Accuracy -- --double-sample 20000000 /tmp/ag
 *   gcc -O2 tools/numerics/check_double.c -o /tmp/check_double -lquadmath -lm
 *   /tmp/check_double /tmp/ag/Sigmoid.bin sigmoid && /tmp/check_double /tmp/ag/Tanh.bin tanh
 *
 * Each file holds (z, y) pairs of little-endian doubles as the Accuracy tool writes them. The ulp is the
 * one of docs/numerics.md: the spacing above the correctly rounded exact value. Exit code 1 above 2 ulp.
 */
#include <math.h>
#include <quadmath.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[2], "sigmoid") != 0 && strcmp(argv[2], "tanh") != 0)) {
        fprintf(stderr, "usage: check_double FILE sigmoid|tanh\n");
        return 2;
    }
    int tanh_mode = strcmp(argv[2], "tanh") == 0;
    FILE *f = fopen(argv[1], "rb");
    if (f == NULL) {
        perror(argv[1]);
        return 2;
    }
    double zy[2], max = 0, worst = 0;
    long count = 0, nan_mismatch = 0;
    while (fread(zy, sizeof(double), 2, f) == 2) {
        count++;
        if (isnan(zy[0]) || isnan(zy[1])) {
            nan_mismatch += isnan(zy[0]) != isnan(zy[1]);
            continue;
        }
        __float128 z = zy[0];
        /* Stable forms: neither overflows nor cancels. */
        __float128 exact = tanh_mode ? tanhq(z) : z >= 0 ? 1 / (1 + expq(-z)) : expq(z) / (1 + expq(z));
        double rounded = (double)exact, magnitude = fabs(rounded);
        double ulp = nextafter(magnitude, INFINITY) - magnitude;
        double error = fabs((double)(((__float128)zy[1] - exact) / ulp));
        if (error > max) {
            max = error;
            worst = zy[0];
        }
    }
    fclose(f);
    printf("%s %s: %ld points, max %.3f ulp at z = %.17g, %ld NaN mismatches\n", argv[1], argv[2], count, max, worst, nan_mismatch);
    return max <= 2 && nan_mismatch == 0 ? 0 : 1;
}
