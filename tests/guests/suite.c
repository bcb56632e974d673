/*
 * suite.c: kernels of the cross-device suite as C compiles them (clang -O2 and -O3, wasm32).
 *
 * Every kernel has the suite's signature: (item, items, block, a, a_len, b, b_len, out, out_len)
 * with `a` and `b` arrays of 8-byte input slots. The guest re-exports the wasi_ephemeral_parallel
 * imports under their own names (the test harness calls them as a guest would), and exports
 * `kernel_pointer(k)` (the table index of kernel k) and `staging()` (a scratch area).
 */
#include <math.h>
#include <stdint.h>

#include "harness.h"

/* Slots of 8 bytes: element i of an int32_t view is at 2 * i. */
KERNEL(c_stencil, int32_t, int32_t, int32_t) {
    int32_t count = a_len / 8;
    int32_t left = a[2 * (i > 0 ? i - 1 : i)], right = a[2 * (i + 1 < count ? i + 1 : i)];
    out[2 * i] = left + 2 * a[2 * i] - right + b[2 * i] / (b[2 * i] == 0 ? 1 : 3);
}

KERNEL(c_bytes, int32_t, int32_t, uint8_t) {
    out[i] = (uint8_t)(a[2 * i] * 3 + (b[2 * i] >> 4));
}

KERNEL(c_double_math, double, double, double) {
    double x = a[i], y = b[i];
    double r = fabs(x) < 1e6 ? floor(x * 0.5) + sqrt(fabs(y)) : copysign(2.0, x);
    out[3 * i] = r;
    out[3 * i + 1] = fmin(x, y) - ceil(y);
    out[3 * i + 2] = x != x ? -1.0 : trunc(x / 3.0);
}

KERNEL(c_hash64, uint64_t, uint64_t, uint64_t) {
    uint64_t z = a[i] + 0x9e3779b97f4a7c15ull * (uint64_t)(i + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    out[i] = (z ^ (z >> 31)) % (b[i] | 1);
}

struct particle {
    int32_t id;
    float mass;
    double position;
};

KERNEL(c_struct, double, double, struct particle) {
    double p = a[i] == a[i] ? a[i] : 0.0;
    out[i].id = i * 7;
    out[i].mass = (float)(p * 0.25);
    out[i].position = p + (double)out[i].id;
}

__attribute__((noinline)) static int32_t classify(int32_t v) {
    switch (v & 7) {
    case 0: return v / 2;
    case 1: return -v;
    case 2: return v * v;
    case 3: return v ^ 0x5555;
    case 5: return v % 9;
    default: return 11;
    }
}

KERNEL(c_switch_call, int32_t, int32_t, int32_t) {
    out[2 * i] = classify(a[2 * i]) + classify(b[2 * i] + i);
}

KERNEL(c_loops, int32_t, int32_t, int32_t) {
    int32_t sum = 0;
    for (int32_t j = 0; j < (i & 15); j++) {
        if (j == 11) break;
        for (int32_t k = 0; k < j; k++) {
            if ((k ^ j) & 1) continue;
            sum += a[2 * ((i + k) & 63)] ^ k;
        }
    }
    out[2 * i] = sum;
}

KERNEL(c_float_convert, float, float, int32_t) {
    float x = a[2 * i];
    out[2 * i] = x > -1e9f && x < 1e9f ? (int32_t)x : (int32_t)(x != x) - 2;
    out[2 * i + 1] = (int32_t)(uint32_t)(fabsf(b[2 * i]) < 4e9f ? (uint32_t)fabsf(b[2 * i]) : 7u);
}

static const void *const kernels[] = {
    (const void *)c_stencil, (const void *)c_bytes, (const void *)c_double_math,
    (const void *)c_hash64, (const void *)c_struct, (const void *)c_switch_call,
    (const void *)c_loops, (const void *)c_float_convert,
};

EXPORT("kernel_pointer") int32_t kernel_pointer(int32_t k) {
    return (int32_t)(uintptr_t)kernels[k];
}
