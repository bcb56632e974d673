/*
 * corpus.c: the coverage corpus's C kernels, in the styles people write (restrict and plain
 * pointers, 2-D indexing, local tiles, memcpy/memset, structs, switch, pointer walks, bytes,
 * manual unrolling, atomics), built by tests/corpus.rs with clang -O2 and -O3, with and without
 * -mbulk-memory, and with -matomics, and run on every device against the CPU executor.
 *
 * Every kernel has the suite's signature: (item, items, block, a, a_len, b, b_len, out, out_len)
 * with `a` and `b` arrays of 8-byte input slots. The guest re-exports the wasi_ephemeral_parallel
 * imports under their own names (the test harness calls them as a guest would), and exports
 * `kernel_pointer(k)` (the table index of kernel k) and `staging()` (a scratch area).
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "harness.h"

#define SLOTS 256

/* saxpy with restrict pointers, two floats per item. */
KERNEL(c_saxpy_restrict, float, float, float) {
    const float *restrict x = a + 2 * i;
    const float *restrict y = b + 2 * i;
    float *restrict o = out + 2 * i;
    for (int k = 0; k < 2; k++) o[k] = 2.5f * x[k] + y[k];
}

/* saxpy through plain pointers, over a run of items' elements: compilers may check aliasing. */
KERNEL(c_saxpy_plain, float, float, float) {
    const float *x = a + 2 * i;
    const float *y = b + 2 * i;
    float *o = out + 2 * i;
    for (int k = 0; k < 2; k++) o[k] = x[k] * 0.75f - y[k];
}

/* A 5-point stencil on a 16 x 32 grid with 2-D indexing. */
KERNEL(c_stencil_2d, int32_t, int32_t, int32_t) {
    enum { W = 32, H = 16 };
    int32_t cell = (2 * i) % (W * H), r = cell / W, c = cell % W;
    const int32_t *g = a;
    int32_t s = 4 * g[r * W + c];
    if (r > 0) s -= g[(r - 1) * W + c];
    if (r < H - 1) s -= g[(r + 1) * W + c];
    if (c > 0) s -= g[r * W + c - 1];
    if (c < W - 1) s -= g[r * W + c + 1];
    out[2 * i] = s;
}

/* A local tile zeroed by its initialiser, filled and reduced. */
KERNEL(c_local_tile, double, double, double) {
    double tile[4][4] = {{0}};
    for (int r = 0; r < 4; r++)
        for (int c = 0; c <= r; c++) tile[r][c] = a[(i + r * 4 + c) % SLOTS] * (r + 1) - b[(i + c) % SLOTS];
    double s = 0;
    for (int r = 0; r < 4; r++)
        for (int c = 0; c < 4; c++) s += isfinite(tile[r][c]) ? tile[r][c] * (c - r) : 1.0;
    out[i] = s;
}

/* memcpy of a computed length, memset of the rest. */
KERNEL(c_memcpy, int32_t, int32_t, uint8_t) {
    int32_t len = (i % 7) * 4 + 1;
    memcpy(out + 32 * i, (const uint8_t *)a + 8 * (i % 250), len);
    memset(out + 32 * i + len, 0x5a, 32 - len);
}

struct vec3 { float x, y, z; };

/* An array of structs. */
KERNEL(c_struct_array, float, float, float) {
    const struct vec3 *v = (const struct vec3 *)a;
    int32_t count = a_len / (int32_t)sizeof(struct vec3);
    struct vec3 p = v[i % count], q = v[(i * 7 + 3) % count];
    float cross = p.x * q.y - p.y * q.x;
    float dot = p.x * q.x + p.y * q.y + p.z * q.z;
    out[2 * i] = isfinite(dot) ? dot - cross : 0.0f;
}

/* A local accumulator array of 8 counters. */
KERNEL(c_local_counts, int32_t, int32_t, int32_t) {
    int32_t counts[8] = {0};
    for (int k = 0; k < 24; k++) counts[(uint32_t)a[2 * ((i + k) % SLOTS)] % 8] += k + 1;
    int32_t s = 0;
    for (int k = 0; k < 8; k++) s = s * 31 + counts[k];
    out[2 * i] = s;
}

/* MurmurHash3's finaliser. */
KERNEL(c_murmur, uint32_t, uint32_t, uint32_t) {
    uint32_t h = a[2 * i] ^ b[2 * i];
    h ^= h >> 16; h *= 0x85ebca6bu; h ^= h >> 13; h *= 0xc2b2ae35u; h ^= h >> 16;
    out[2 * i] = h;
}

/* A switch with fall-through. */
KERNEL(c_switch, int32_t, int32_t, int32_t) {
    int32_t x = a[2 * i], r = 0;
    switch ((uint32_t)x % 6) {
    case 0: r += x; /* fall through */
    case 1: r ^= 0x55; break;
    case 2: r = x * 3; break;
    case 3:
    case 4: r = -x; break;
    default: r = b[2 * i];
    }
    out[2 * i] = r;
}

/* A loop walking a pointer to an end pointer. */
KERNEL(c_pointer_walk, int32_t, int32_t, int32_t) {
    const int32_t *p = a + 2 * (i % (SLOTS - 8)), *end = p + 16;
    int32_t s = 0;
    for (; p < end; p += 2) s = s * 3 + *p;
    out[2 * i] = s;
}

/* Bytes read and written. */
KERNEL(c_bytes_rw, uint8_t, uint8_t, uint8_t) {
    const uint8_t *in = a + 8 * i;
    for (int k = 0; k < 8; k++) out[8 * i + k] = (uint8_t)(in[k] * 7 + in[7 - k] + b[8 * i + k]);
}

/* A manually unrolled sum. */
KERNEL(c_unrolled, float, float, float) {
    const float *x = a + 2 * (i % (SLOTS - 4));
    float s0 = x[0] * b[0], s1 = x[1] * b[1], s2 = x[2] * b[2], s3 = x[3] * b[3];
    out[2 * i] = (s0 + s1) + (s2 + s3);
}

/* An atomic counter in the item's own slot (atomic instructions with -matomics). */
KERNEL(c_atomic_counter, uint32_t, uint32_t, uint32_t) {
    for (int k = 0; k < 4; k++)
        __atomic_fetch_add(&out[2 * i], a[2 * ((i + k) % SLOTS)] % 1000u, __ATOMIC_SEQ_CST);
    uint32_t expected = __atomic_load_n(&out[2 * i], __ATOMIC_SEQ_CST);
    __atomic_compare_exchange_n(&out[2 * i], &expected, expected ^ b[2 * i], 0, __ATOMIC_SEQ_CST,
                                __ATOMIC_SEQ_CST);
}

/* A three-byte blur of a row starting at any byte: clang -O3 -msimd128 reads it as vectors at
 * unaligned addresses (v128.load align=1). */
KERNEL(c_byte_blur, uint8_t, uint8_t, uint8_t) {
    const uint8_t *row = a + (3 * i + 1) % 200;
    uint8_t *dst = out + 32 * i;
    for (int x = 0; x < 32; x++)
        dst[x] = (uint8_t)((row[x] + 2 * row[x + 1] + row[x + 2] + 2) >> 2);
}

/* A 5-point stencil over a row of a 16 x 32 grid: a loop clang -O3 -msimd128 unrolls into
 * straight-line vector code (35 loads and 9 stores, each with its checks on GPUs). */
KERNEL(c_stencil_row, int32_t, int32_t, float) {
    enum { W = 32, H = 16 };
    int32_t r = 1 + i % (H - 2);
    const int32_t *g = a;
    float *dst = out + W * i;
    dst[0] = dst[W - 1] = 0.0f;
    for (int x = 1; x < W - 1; x++)
        dst[x] = 4.0f * (float)g[r * W + x] - (float)g[(r - 1) * W + x] -
                 (float)g[(r + 1) * W + x] - (float)g[r * W + x - 1] - (float)g[r * W + x + 1];
}

/* A dot product of 16-bit integers, as clang -O3 -msimd128 vectorises it (widening multiplies). */
KERNEL(c_dot16, int16_t, int16_t, int32_t) {
    const int16_t *x = a + (8 * i) % 960, *y = b + (4 * i) % 960;
    int32_t s = 0;
    for (int k = 0; k < 64; k++) s += (int32_t)x[k] * y[k];
    out[2 * i] = s;
}

static const void *const kernels[] = {
    (const void *)c_saxpy_restrict, (const void *)c_saxpy_plain, (const void *)c_stencil_2d,
    (const void *)c_local_tile, (const void *)c_memcpy, (const void *)c_struct_array,
    (const void *)c_local_counts, (const void *)c_murmur, (const void *)c_switch,
    (const void *)c_pointer_walk, (const void *)c_bytes_rw, (const void *)c_unrolled,
    (const void *)c_atomic_counter, (const void *)c_byte_blur, (const void *)c_dot16,
    (const void *)c_stencil_row,
};

EXPORT("kernel_pointer") int32_t kernel_pointer(int32_t k) {
    return (int32_t)(uintptr_t)kernels[k];
}
