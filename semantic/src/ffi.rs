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

unsafe extern "C" {
    fn e5_load(path: *const c_char) -> *mut Model;
    fn e5_free(model: *mut Model);
    fn e5_dim(model: *const Model) -> c_int;
    fn e5_embed(model: *mut Model, text: *const c_char, is_query: c_int, out: *mut f32) -> c_int;
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
    fn e5_avx2_embed(
        model: *mut Model,
        text: *const c_char,
        is_query: c_int,
        out: *mut f32,
    ) -> c_int;
    fn e5_avx2_embed_batch(
        model: *mut Model,
        texts: *const *const c_char,
        n: c_int,
        is_query: c_int,
        out: *mut f32,
    ) -> c_int;
}

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

    /// Loads (memory-maps) the model file at `path`; null when the engine cannot.
    ///
    /// # Safety
    ///
    /// The file must be a model in the engine's format: the loader trusts its layout.
    pub unsafe fn load(self, path: *const c_char) -> *mut Model {
        // SAFETY: the caller guarantees the file; `path` is a NUL-terminated string.
        unsafe {
            match self {
                Engine::Portable => e5_load(path),
                #[cfg(target_arch = "x86_64")]
                Engine::Avx2 => e5_avx2_load(path),
            }
        }
    }

    /// Frees a model this engine loaded.
    ///
    /// # Safety
    ///
    /// `model` came from [`Engine::load`] of the same engine and is not used afterwards.
    pub unsafe fn free(self, model: *mut Model) {
        // SAFETY: as the caller guarantees.
        unsafe {
            match self {
                Engine::Portable => e5_free(model),
                #[cfg(target_arch = "x86_64")]
                Engine::Avx2 => e5_avx2_free(model),
            }
        }
    }

    /// The model's vector length.
    ///
    /// # Safety
    ///
    /// `model` is live and came from this engine.
    pub unsafe fn dim(self, model: *const Model) -> c_int {
        // SAFETY: as the caller guarantees.
        unsafe {
            match self {
                Engine::Portable => e5_dim(model),
                #[cfg(target_arch = "x86_64")]
                Engine::Avx2 => e5_avx2_dim(model),
            }
        }
    }

    /// Embeds one NUL-terminated text into `out` (the model's dimension long); 0 on success.
    ///
    /// # Safety
    ///
    /// `model` is live and came from this engine; `out` holds [`Engine::dim`] floats. The model
    /// is only read: calls from several threads at once are safe.
    pub unsafe fn embed(
        self,
        model: *mut Model,
        text: *const c_char,
        is_query: bool,
        out: *mut f32,
    ) -> c_int {
        let is_query = c_int::from(is_query);
        // SAFETY: as the caller guarantees.
        unsafe {
            match self {
                Engine::Portable => e5_embed(model, text, is_query, out),
                #[cfg(target_arch = "x86_64")]
                Engine::Avx2 => e5_avx2_embed(model, text, is_query, out),
            }
        }
    }

    /// Embeds `n` NUL-terminated texts into `out` (`n` × dimension, row after row); 0 on
    /// success.
    ///
    /// # Safety
    ///
    /// As [`Engine::embed`], with `texts` holding `n` pointers and `out` `n` rows.
    pub unsafe fn embed_batch(
        self,
        model: *mut Model,
        texts: *const *const c_char,
        n: c_int,
        is_query: bool,
        out: *mut f32,
    ) -> c_int {
        let is_query = c_int::from(is_query);
        // SAFETY: as the caller guarantees.
        unsafe {
            match self {
                Engine::Portable => e5_embed_batch(model, texts, n, is_query, out),
                #[cfg(target_arch = "x86_64")]
                Engine::Avx2 => e5_avx2_embed_batch(model, texts, n, is_query, out),
            }
        }
    }
}
