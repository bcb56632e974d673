//! Compiles the hand-written kernel modules in `wat/` for guests to embed (`parallel_exec`).

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for entry in std::fs::read_dir("wat").expect("kernels/wat") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "wat") {
            println!("cargo::rerun-if-changed={}", path.display());
            let wasm = wat::parse_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = path.with_extension("wasm");
            std::fs::write(out.join(name.file_name().expect("a file name")), wasm)
                .expect("write to OUT_DIR");
        }
    }
}
