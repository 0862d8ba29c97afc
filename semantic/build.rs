//! Compiles the sentence encoder's C engine twice on x86-64: once for every CPU and once with
//! AVX2 and FMA, which the crate picks at run time when the CPU has them (about twice as
//! fast). Without OpenMP: each call runs on the calling thread, and the server's own threads
//! are the parallelism.

/// The engine's exported functions, renamed in the AVX2 build so both builds link.
const EXPORTS: [&str; 10] = [
    "e5_load",
    "e5_load_mem",
    "e5_free",
    "e5_token_count",
    "e5_dim",
    "e5_embed",
    "e5_embed_batch",
    "e5_load_sae",
    "e5_sparse_dim",
    "e5_embed_sparse",
];

fn main() {
    println!("cargo:rerun-if-changed=c/e5.c");
    println!("cargo:rerun-if-changed=c/e5.h");
    let base = || {
        let mut build = cc::Build::new();
        build
            .file("c/e5.c")
            .include("c")
            .opt_level(3)
            .warnings(false)
            .flag_if_supported("-fno-math-errno");
        build
    };
    base().compile("e5_generic");
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    if arch == "x86_64" {
        let mut avx2 = base();
        avx2.flag("-mavx2").flag("-mfma");
        for name in EXPORTS {
            let renamed = format!("e5_avx2_{}", &name["e5_".len()..]);
            avx2.define(name, Some(renamed.as_str()));
        }
        avx2.compile("e5_avx2");
    }
}
