//! The PRK kernels prk-bench runs: for each, its guest's command line and its native baseline,
//! both from the same sizes.

/// One PRK kernel: a guest `<name>.wasm` in the guests directory and a native baseline.
pub struct Kernel {
    /// The guest's name, and the kernel's in the tables.
    pub name: &'static str,
    /// PRK's rate unit (`MB/s`, `MFlops/s`, `GUPs/s`).
    pub unit: &'static str,
    /// The guest's arguments after its name (PRK's, without `--f32`); the native baseline
    /// (`prk-native`) takes the same.
    pub args: fn(&Sizes, usize) -> Vec<String>,
}

/// A validated run.
#[derive(Clone, Copy, Debug)]
pub struct Measured {
    /// PRK's rate, in the kernel's unit.
    pub rate: f64,
    /// Average seconds per timed iteration.
    pub seconds: f64,
}

/// Sizes of every kernel, as command-line flags.
#[derive(clap::Args, Clone, Debug)]
pub struct Sizes {
    /// nstream vector length (8M: 64 MiB per f64 array, far beyond caches and within the
    /// 128 MiB that one storage binding holds on lavapipe; larger arrays are split across
    /// bindings there).
    #[arg(long, default_value_t = 8 << 20)]
    pub nstream_length: usize,
    /// nstream elements per work item.
    #[arg(long, default_value_t = 1 << 16)]
    pub nstream_block: usize,
    /// transpose matrix order (not a power of 2: columns a power of 2 apart share cache sets).
    #[arg(long, default_value_t = 3000)]
    pub transpose_order: usize,
    /// transpose tile edge: a work item transposes one tile.
    #[arg(long, default_value_t = 32)]
    pub transpose_tile: usize,
    /// stencil grid edge.
    #[arg(long, default_value_t = 2000)]
    pub stencil_order: usize,
    /// stencil radius.
    #[arg(long, default_value_t = 2)]
    pub stencil_radius: usize,
    /// stencil shape: PRK's `star` or `grid`.
    #[arg(long, default_value = "star", value_parser = ["star", "grid"])]
    pub stencil_shape: String,
    /// dgemm matrix order (not a power of 2: rows a power of 2 apart share cache sets).
    #[arg(long, default_value_t = 384)]
    pub dgemm_order: usize,
    /// dgemm block edge: a work item adds one `k` slab's product to one block of C (at most 50 on
    /// lavapipe, which ends an invocation's loops after 65535 iterations).
    #[arg(long, default_value_t = 32)]
    pub dgemm_block: usize,
    /// p2p grid rows (PRK's first array dimension).
    #[arg(long, default_value_t = 4000)]
    pub p2p_m: usize,
    /// p2p grid columns (PRK's second array dimension).
    #[arg(long, default_value_t = 4000)]
    pub p2p_n: usize,
    /// p2p tile edge: a work item sweeps one tile of an anti-diagonal of tiles.
    #[arg(long, default_value_t = 64)]
    pub p2p_tile: usize,
    /// sparse: log2 of the grid's edge (the matrix has 4^lsize rows).
    #[arg(long, default_value_t = 10)]
    pub sparse_lsize: usize,
    /// sparse stencil radius (4 * radius + 1 nonzeroes per row).
    #[arg(long, default_value_t = 2)]
    pub sparse_radius: usize,
    /// sparse rows per work item.
    #[arg(long, default_value_t = 256)]
    pub sparse_block: usize,
    /// random: log2 of the table's length in 64-bit words.
    #[arg(long, default_value_t = 23)]
    pub random_log2_size: usize,
    /// random: updates per table word (a power of 2).
    #[arg(long, default_value_t = 1)]
    pub random_ratio: usize,
    /// random: independent streams (PRK's vector length, a power of 2), one per work item.
    #[arg(long, default_value_t = 1 << 14)]
    pub random_streams: usize,
    /// reduce vector length.
    #[arg(long, default_value_t = 1 << 19)]
    pub reduce_length: usize,
    /// reduce: vector pairs to reduce (PRK's threads).
    #[arg(long, default_value_t = 16)]
    pub reduce_vectors: usize,
    /// reduce elements per work item.
    #[arg(long, default_value_t = 1 << 16)]
    pub reduce_block: usize,
}

impl Sizes {
    /// The `--quick` sizes: every kernel validates in well under a second per device.
    pub fn quick(&mut self) {
        self.nstream_length = self.nstream_length.min(1 << 20);
        self.transpose_order = self.transpose_order.min(256);
        self.stencil_order = self.stencil_order.min(256);
        self.dgemm_order = self.dgemm_order.min(96);
        self.p2p_m = self.p2p_m.min(256);
        self.p2p_n = self.p2p_n.min(256);
        self.p2p_tile = self.p2p_tile.min(16);
        self.sparse_lsize = self.sparse_lsize.min(7);
        self.random_log2_size = self.random_log2_size.min(16);
        self.random_streams = self.random_streams.min(1 << 10);
        self.reduce_length = self.reduce_length.min(1 << 14);
        self.reduce_block = self.reduce_block.min(1 << 12);
    }
}

/// Every kernel, in PRK's order.
pub const ALL: &[Kernel] = &[
    Kernel {
        name: "nstream",
        unit: "MB/s",
        args: |s, iterations| strings([iterations, s.nstream_length, s.nstream_block]),
    },
    Kernel {
        name: "transpose",
        unit: "MB/s",
        args: |s, iterations| strings([iterations, s.transpose_order, s.transpose_tile]),
    },
    Kernel {
        name: "stencil",
        unit: "MFlops/s",
        args: |s, iterations| {
            let mut args = strings([iterations, s.stencil_order, s.stencil_radius]);
            args.push(s.stencil_shape.clone());
            args
        },
    },
    Kernel {
        name: "dgemm",
        unit: "MFlops/s",
        args: |s, iterations| strings([iterations, s.dgemm_order, s.dgemm_block]),
    },
    Kernel {
        name: "p2p",
        unit: "MFlops/s",
        args: |s, iterations| strings([iterations, s.p2p_m, s.p2p_n, s.p2p_tile]),
    },
    Kernel {
        name: "sparse",
        unit: "MFlops/s",
        args: |s, iterations| {
            strings([iterations, s.sparse_lsize, s.sparse_radius, s.sparse_block])
        },
    },
    Kernel {
        // RandomAccess has no iterations in PRK: the guest repeats its two-round experiment
        // `iterations + 1` times, the first untimed. Its table is integers: `--f32` changes nothing.
        name: "random",
        unit: "GUPs/s",
        args: |s, iterations| {
            strings([
                s.random_log2_size,
                s.random_ratio,
                s.random_streams,
                iterations,
            ])
        },
    },
    Kernel {
        name: "reduce",
        unit: "MFlops/s",
        args: |s, iterations| {
            strings([
                iterations,
                s.reduce_length,
                s.reduce_vectors,
                s.reduce_block,
            ])
        },
    },
];

/// Numbers as arguments.
pub fn strings<const N: usize>(values: [usize; N]) -> Vec<String> {
    values.iter().map(ToString::to_string).collect()
}
