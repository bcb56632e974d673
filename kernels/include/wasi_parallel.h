/*
 * wasi_parallel.h: the wasi_ephemeral_parallel imports for C guests.
 *
 * Build with `clang --target=wasm32-wasi -O2`. The ABI (device rule, kernel signature, zero-copy
 * buffers, errno table) is documented in the crate docs of wasi-parallel-runtime.
 *
 * A kernel is any function of type
 *     void kernel(int32_t iteration_id, int32_t num_iterations, int32_t block_size,
 *                 void *ptr0, int32_t len0, void *ptr1, int32_t len1, ...);
 * with one (pointer, byte length) pair per buffer, inputs first; pass it to wasi_parallel_for as
 * a function pointer (clang emits a table index).
 */
#ifndef WASI_PARALLEL_H
#define WASI_PARALLEL_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WASI_PARALLEL_IMPORT(name) \
    __attribute__((import_module("wasi_ephemeral_parallel"), import_name(name)))

/* Device hints for wasi_parallel_get_device. */
enum wasi_parallel_device_kind {
    WASI_PARALLEL_SEQUENTIAL = 0,
    WASI_PARALLEL_CPU = 1,
    WASI_PARALLEL_DISCRETE_GPU = 2,
    WASI_PARALLEL_INTEGRATED_GPU = 3,
};

/* Buffer access, as the kernel sees the buffer. */
enum wasi_parallel_access {
    WASI_PARALLEL_READ = 0,
    WASI_PARALLEL_WRITE = 1,
    WASI_PARALLEL_READ_WRITE = 2,
};

/* Errno values (0 is success). */
enum wasi_parallel_errno {
    WASI_PARALLEL_SUCCESS = 0,
    WASI_PARALLEL_EINVAL = 1,
    WASI_PARALLEL_EBADHANDLE = 2,
    WASI_PARALLEL_EOUTOFBOUNDS = 3,
    WASI_PARALLEL_ENOMEM = 4,
    WASI_PARALLEL_ENODEV = 5,
    WASI_PARALLEL_EINVALIDKERNEL = 6,
    WASI_PARALLEL_EUNSUPPORTEDKERNEL = 7,
    WASI_PARALLEL_EKERNELTRAPPED = 8,
    WASI_PARALLEL_ENOTWRITTEN = 9,
    WASI_PARALLEL_EDEVICE = 10,
    WASI_PARALLEL_ENOMEMORYEXPORT = 11,
};

typedef void (*wasi_parallel_kernel)(void);

WASI_PARALLEL_IMPORT("get_device")
int32_t wasi_parallel_get_device(int32_t hint, int32_t *out_device);

WASI_PARALLEL_IMPORT("create_buffer")
int32_t wasi_parallel_create_buffer(int32_t device, int32_t size_bytes, int32_t access,
                                    int32_t *out_buffer);

/* Frees a buffer; its handle may be given to the next buffer created. */
WASI_PARALLEL_IMPORT("release_buffer")
int32_t wasi_parallel_release_buffer(int32_t buffer);

WASI_PARALLEL_IMPORT("write_buffer")
int32_t wasi_parallel_write_buffer(const void *data, int32_t data_len, int32_t buffer);

WASI_PARALLEL_IMPORT("read_buffer")
int32_t wasi_parallel_read_buffer(int32_t buffer, void *data, int32_t data_len);

WASI_PARALLEL_IMPORT("parallel_for")
int32_t wasi_parallel_for(wasi_parallel_kernel kernel, int32_t num_threads, int32_t block_size,
                          const int32_t *in_list, int32_t in_count,
                          const int32_t *out_list, int32_t out_count);

WASI_PARALLEL_IMPORT("parallel_exec")
int32_t wasi_parallel_exec(int32_t device, const void *kernel_module, int32_t kernel_len,
                           int32_t num_iterations, int32_t block_size,
                           const int32_t *in_list, int32_t in_count,
                           const int32_t *out_list, int32_t out_count);

#ifdef __cplusplus
}
#endif

#endif /* WASI_PARALLEL_H */
