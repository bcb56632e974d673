/*
 * saxpy.c: a C guest of wasi-parallel, y[i] = a * x[i] + y[i] over 1000 floats in blocks of 64.
 *
 *   clang --target=wasm32-wasi -O2 -I kernels/include kernels/c/saxpy.c -o saxpy.wasm
 *   wasi-parallel run saxpy.wasm
 *
 * Prints "saxpy validates" and exits 0 when every element is right.
 */
#include <stdio.h>

#include "wasi_parallel.h"

#define N 1000
#define BLOCK 64

static const float A = 2.5f;

static void saxpy(int32_t item, int32_t items, int32_t block, const float *x, int32_t x_len,
                  float *y, int32_t y_len) {
    int32_t n = x_len / (int32_t)sizeof(float);
    int32_t start = item * block;
    int32_t end = start + block < n ? start + block : n;
    (void)items;
    (void)y_len;
    for (int32_t i = start; i < end; i++) {
        y[i] = A * x[i] + y[i];
    }
}

static float x[N], y[N];

int main(void) {
    int32_t device, xb, yb;
    for (int i = 0; i < N; i++) {
        x[i] = (float)i;
        y[i] = 1.0f;
    }
    if (wasi_parallel_get_device(WASI_PARALLEL_CPU, &device) ||
        wasi_parallel_create_buffer(device, sizeof x, WASI_PARALLEL_READ, &xb) ||
        wasi_parallel_create_buffer(device, sizeof y, WASI_PARALLEL_READ_WRITE, &yb) ||
        wasi_parallel_write_buffer(x, sizeof x, xb) || wasi_parallel_write_buffer(y, sizeof y, yb)) {
        fprintf(stderr, "setting up buffers failed\n");
        return 1;
    }
    int32_t ins[] = {xb}, outs[] = {yb};
    int32_t err = wasi_parallel_for((wasi_parallel_kernel)saxpy, (N + BLOCK - 1) / BLOCK, BLOCK,
                                    ins, 1, outs, 1);
    if (err || wasi_parallel_read_buffer(yb, y, sizeof y)) {
        fprintf(stderr, "parallel_for failed: %d\n", err);
        return 1;
    }
    for (int i = 0; i < N; i++) {
        if (y[i] != A * (float)i + 1.0f) {
            printf("wrong y[%d] = %f\n", i, y[i]);
            return 1;
        }
    }
    printf("saxpy validates\n");
    return 0;
}
