// The compiled suite guests' common part, included by `suite.rs` and `corpus.rs`: the
// wasi_ephemeral_parallel imports re-exported under their own names (the test harness calls
// them as a guest would), the staging area, the kernel type and the slice views.

use std::slice;

#[link(wasm_import_module = "wasi_ephemeral_parallel")]
extern "C" {
    #[link_name = "get_device"]
    fn import_get_device(hint: i32, out: *mut i32) -> i32;
    #[link_name = "create_buffer"]
    fn import_create_buffer(device: i32, size: i32, access: i32, out: *mut i32) -> i32;
    #[link_name = "write_buffer"]
    fn import_write_buffer(ptr: *const u8, len: i32, buffer: i32) -> i32;
    #[link_name = "read_buffer"]
    fn import_read_buffer(buffer: i32, ptr: *mut u8, len: i32) -> i32;
    #[link_name = "parallel_for"]
    fn import_parallel_for(k: i32, n: i32, b: i32, i: *const i32, ic: i32, o: *const i32, oc: i32)
        -> i32;
}

#[export_name = "get_device"]
pub unsafe extern "C" fn get_device(hint: i32, out: *mut i32) -> i32 {
    import_get_device(hint, out)
}
#[export_name = "create_buffer"]
pub unsafe extern "C" fn create_buffer(device: i32, size: i32, access: i32, out: *mut i32) -> i32 {
    import_create_buffer(device, size, access, out)
}
#[export_name = "write_buffer"]
pub unsafe extern "C" fn write_buffer(ptr: *const u8, len: i32, buffer: i32) -> i32 {
    import_write_buffer(ptr, len, buffer)
}
#[export_name = "read_buffer"]
pub unsafe extern "C" fn read_buffer(buffer: i32, ptr: *mut u8, len: i32) -> i32 {
    import_read_buffer(buffer, ptr, len)
}
#[export_name = "parallel_for"]
pub unsafe extern "C" fn parallel_for(
    k: i32, n: i32, b: i32, i: *const i32, ic: i32, o: *const i32, oc: i32,
) -> i32 {
    import_parallel_for(k, n, b, i, ic, o, oc)
}

static mut SCRATCH: [u8; 1 << 17] = [0; 1 << 17];

#[export_name = "staging"]
pub extern "C" fn staging() -> *mut u8 {
    &raw mut SCRATCH as *mut u8
}

type Kernel = extern "C" fn(i32, i32, i32, *const u8, i32, *const u8, i32, *mut u8, i32);

unsafe fn view<'a, T>(ptr: *const u8, len: i32) -> &'a [T] {
    slice::from_raw_parts(ptr as *const T, len as usize / size_of::<T>())
}

unsafe fn view_mut<'a, T>(ptr: *mut u8, len: i32) -> &'a mut [T] {
    slice::from_raw_parts_mut(ptr as *mut T, len as usize / size_of::<T>())
}
