//! The C engine's functions, in its portable build and (on x86-64) its AVX2 build, and the
//! choice between them for this CPU.

// Calls into the C engine: the only unsafe code of the workspace.
#![allow(unsafe_code)]

use std::ffi::{c_char, c_int};

/// The engine's opaque model handle.
#[repr(C)]
pub struct Model {
    _private: [u8; 0],
}

type Load = unsafe extern "C" fn(path: *const c_char) -> *mut Model;
type Free = unsafe extern "C" fn(model: *mut Model);
type Dim = unsafe extern "C" fn(model: *const Model) -> c_int;
type EmbedBatch = unsafe extern "C" fn(
    model: *mut Model,
    texts: *const *const c_char,
    n: c_int,
    is_query: c_int,
    out: *mut f32,
) -> c_int;

unsafe extern "C" {
    fn e5_load(path: *const c_char) -> *mut Model;
    fn e5_free(model: *mut Model);
    fn e5_dim(model: *const Model) -> c_int;
    fn e5_embed_batch(
        model: *mut Model,
        texts: *const *const c_char,
        n: c_int,
        is_query: c_int,
        out: *mut f32,
    ) -> c_int;
}

#[cfg(target_arch = "x86_64")]
unsafe extern "C" {
    fn e5_avx2_load(path: *const c_char) -> *mut Model;
    fn e5_avx2_free(model: *mut Model);
    fn e5_avx2_dim(model: *const Model) -> c_int;
    fn e5_avx2_embed_batch(
        model: *mut Model,
        texts: *const *const c_char,
        n: c_int,
        is_query: c_int,
        out: *mut f32,
    ) -> c_int;
}

/// One build of the engine: its functions.
#[derive(Debug)]
struct Functions {
    load: Load,
    free: Free,
    dim: Dim,
    embed_batch: EmbedBatch,
}

static PORTABLE: Functions = Functions {
    load: e5_load,
    free: e5_free,
    dim: e5_dim,
    embed_batch: e5_embed_batch,
};

#[cfg(target_arch = "x86_64")]
static AVX2: Functions = Functions {
    load: e5_avx2_load,
    free: e5_avx2_free,
    dim: e5_avx2_dim,
    embed_batch: e5_avx2_embed_batch,
};

/// Which build of the engine runs: both read the same model file and give the same vectors
/// up to rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Plain C, for every CPU.
    Portable,
    /// AVX2 integer multiply-adds with FMA, on x86-64 CPUs that have them.
    #[cfg(target_arch = "x86_64")]
    Avx2,
}

impl Engine {
    /// The fastest build this CPU can run.
    pub fn for_this_cpu() -> Self {
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
            return Engine::Avx2;
        }
        Engine::Portable
    }

    fn functions(self) -> &'static Functions {
        match self {
            Engine::Portable => &PORTABLE,
            #[cfg(target_arch = "x86_64")]
            Engine::Avx2 => &AVX2,
        }
    }

    /// Loads (memory-maps) the model file at `path`; null when the engine cannot.
    ///
    /// # Safety
    ///
    /// The file must be a model in the engine's format: the loader trusts its layout.
    pub unsafe fn load(self, path: *const c_char) -> *mut Model {
        // SAFETY: the caller guarantees the file; `path` is a NUL-terminated string.
        unsafe { (self.functions().load)(path) }
    }

    /// Frees a model this engine loaded.
    ///
    /// # Safety
    ///
    /// `model` came from [`Engine::load`] of the same engine and is not used afterwards.
    pub unsafe fn free(self, model: *mut Model) {
        // SAFETY: as the caller guarantees.
        unsafe { (self.functions().free)(model) }
    }

    /// The model's vector length.
    ///
    /// # Safety
    ///
    /// `model` is live and came from this engine.
    pub unsafe fn dim(self, model: *const Model) -> c_int {
        // SAFETY: as the caller guarantees.
        unsafe { (self.functions().dim)(model) }
    }

    /// Embeds `n` NUL-terminated texts into `out` (`n` × dimension, row after row), as
    /// questions (`is_query`) or as passages; 0 on success.
    ///
    /// # Safety
    ///
    /// `model` is live and came from this engine; `texts` holds `n` pointers and `out` `n`
    /// rows of [`Engine::dim`] floats. The model is only read: calls from several threads at
    /// once are safe.
    pub unsafe fn embed_batch(
        self,
        model: *mut Model,
        texts: *const *const c_char,
        n: c_int,
        is_query: bool,
        out: *mut f32,
    ) -> c_int {
        // SAFETY: as the caller guarantees.
        unsafe { (self.functions().embed_batch)(model, texts, n, c_int::from(is_query), out) }
    }
}
