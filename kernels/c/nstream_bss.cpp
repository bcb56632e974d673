// nstream_bss.cpp: the 2021 prototype's C++ style of guest: STREAM triad arrays as large static
// arrays (bss, 3 x 128 MiB of initial memory), a kernel reached through a function pointer, and
// the ABI through wasi_parallel.h. The arrays' first LENGTH elements go to device buffers; the
// kernel reads a constant table from the guest's static data too.
//
// Build: clang --target=wasm32-wasi -x c++ -O2 -fno-exceptions -I kernels/include
//        kernels/c/nstream_bss.cpp -o nstream_bss.wasm
// (C++ without the C++ standard library, which Debian's wasi sysroot does not have.)

#include <stdint.h>
#include <stdio.h>

#include "wasi_parallel.h"

namespace {

constexpr int32_t CAPACITY = 1 << 24;   // elements per array: 128 MiB of doubles
constexpr int32_t LENGTH = 1 << 20;     // elements used
constexpr int32_t BLOCK = 1024;         // elements per work item
constexpr int32_t ITERATIONS = 4;

double A[CAPACITY], B[CAPACITY], C[CAPACITY];

// Scales per block, read from static data by the kernel.
const double SCALE[4] = {3.0, 2.0, 1.0, 0.5};

struct Triad {
    static void kernel(int32_t item, int32_t, int32_t block, const double *b, int32_t b_len,
                       const double *c, int32_t c_len, double *a, int32_t a_len) {
        int32_t start = item * block;
        int32_t end = start + block;
        int32_t count = a_len / 8;
        if (end > count) end = count;
        double scale = SCALE[item & 3];
        for (int32_t k = start; k < end; k++) a[k] += b[k] + scale * c[k];
    }
};

bool check(int32_t errno_value, const char *what) {
    if (errno_value != 0) fprintf(stderr, "%s failed: errno %d\n", what, errno_value);
    return errno_value == 0;
}

}  // namespace

int main() {
    for (int32_t k = 0; k < LENGTH; k++) {
        A[k] = 0.0;
        B[k] = 2.0;
        C[k] = 2.0;
    }
    int32_t device, a, b, c;
    int32_t bytes = LENGTH * 8;
    if (!check(wasi_parallel_get_device(WASI_PARALLEL_DISCRETE_GPU, &device), "get_device") ||
        !check(wasi_parallel_create_buffer(device, bytes, WASI_PARALLEL_READ, &b), "buffer b") ||
        !check(wasi_parallel_create_buffer(device, bytes, WASI_PARALLEL_READ, &c), "buffer c") ||
        !check(wasi_parallel_create_buffer(device, bytes, WASI_PARALLEL_READ_WRITE, &a), "buffer a") ||
        !check(wasi_parallel_write_buffer(B, bytes, b), "write b") ||
        !check(wasi_parallel_write_buffer(C, bytes, c), "write c") ||
        !check(wasi_parallel_write_buffer(A, bytes, a), "write a"))
        return 1;
    int32_t ins[2] = {b, c}, outs[1] = {a};
    for (int32_t i = 0; i < ITERATIONS; i++) {
        // C++ casts the kernel to the header's generic function pointer type.
        auto kernel = reinterpret_cast<wasi_parallel_kernel>(&Triad::kernel);
        if (!check(wasi_parallel_for(kernel, LENGTH / BLOCK, BLOCK, ins, 2, outs, 1),
                   "parallel_for"))
            return 1;
    }
    if (!check(wasi_parallel_read_buffer(a, A, bytes), "read a")) return 1;
    for (int32_t k = 0; k < LENGTH; k++) {
        double expected = ITERATIONS * (2.0 + SCALE[(k / BLOCK) & 3] * 2.0);
        if (A[k] != expected) {
            fprintf(stderr, "A[%d] = %f, expected %f\n", (int)k, A[k], expected);
            return 1;
        }
    }
    printf("nstream_bss validates: %d elements, %d iterations\n", (int)LENGTH, (int)ITERATIONS);
    return 0;
}
