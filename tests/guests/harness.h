/*
 * harness.h: the compiled suite guests' common part, included by suite.c and corpus.c: the
 * wasi_ephemeral_parallel imports re-exported under their own names (the test harness calls them
 * as a guest would), the staging area, and the kernel signature.
 */
#ifndef WASI_PARALLEL_TEST_HARNESS_H
#define WASI_PARALLEL_TEST_HARNESS_H

#include <stdint.h>

#include "wasi_parallel.h"

#define EXPORT(name) __attribute__((export_name(name)))

EXPORT("get_device") int32_t get_device(int32_t hint, int32_t *out) {
    return wasi_parallel_get_device(hint, out);
}
EXPORT("create_buffer") int32_t create_buffer(int32_t device, int32_t size, int32_t access,
                                              int32_t *out) {
    return wasi_parallel_create_buffer(device, size, access, out);
}
EXPORT("write_buffer") int32_t write_buffer(const void *ptr, int32_t len, int32_t buffer) {
    return wasi_parallel_write_buffer(ptr, len, buffer);
}
EXPORT("read_buffer") int32_t read_buffer(int32_t buffer, void *ptr, int32_t len) {
    return wasi_parallel_read_buffer(buffer, ptr, len);
}
EXPORT("parallel_for") int32_t parallel_for(wasi_parallel_kernel kernel, int32_t items,
                                            int32_t block, const int32_t *ins, int32_t in_count,
                                            const int32_t *outs, int32_t out_count) {
    return wasi_parallel_for(kernel, items, block, ins, in_count, outs, out_count);
}

static uint8_t scratch[1 << 17];
EXPORT("staging") void *staging(void) { return scratch; }

#define KERNEL(name, A, B, O)                                                                  \
    static void name(int32_t i, int32_t n, int32_t block, const A *a, int32_t a_len,          \
                     const B *b, int32_t b_len, O *out, int32_t out_len)

#endif
