//! The sentence encoder: multilingual-e5-small, 4-bit, run by the C engine in `c/`.

// Calls into the C engine: the only unsafe code of the workspace.
#![allow(unsafe_code)]

use std::ffi::{CString, c_char, c_int};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::ptr::NonNull;

use sha2::{Digest, Sha256};

use crate::ffi::{Engine, Model};
use crate::vector::Vector;

/// The model file's name, as `cargo xtask` installs it into `target/models/`.
pub const MODEL_FILE: &str = "e5-small-q4.bin";

/// SHA-256 of the one model file the encoder loads. The engine trusts the file's layout, so
/// any other file (truncated, corrupted, another model) is refused before it is read.
pub const MODEL_SHA256: &str = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f";

/// Length of every vector the model gives.
pub const DIMENSIONS: usize = 384;

/// Why the model could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The file could not be read.
    #[error(
        "semantic model {path}: {source} (`cargo xtask demo` and `cargo xtask test` install it \
         into target/models/)"
    )]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not the expected model.
    #[error(
        "semantic model {path}: not the expected multilingual-e5-small model (SHA-256 {found}, \
         expected {MODEL_SHA256}); `cargo xtask demo` and `cargo xtask test` install it into \
         target/models/"
    )]
    WrongFile {
        /// The file.
        path: PathBuf,
        /// Its SHA-256.
        found: String,
    },
    /// The engine refused the file.
    #[error("semantic model {path}: the engine could not load it")]
    Load {
        /// The file.
        path: PathBuf,
    },
}

/// Turns questions and entries into vectors whose cosine says how close their meanings are,
/// across wordings and languages. Loading memory-maps the model (72 MB, shared by every
/// process that loads the same file); encoding runs on the calling thread, and any number
/// of threads may encode at once.
pub struct Encoder {
    model: NonNull<Model>,
    engine: Engine,
}

// SAFETY: the engine only reads the model after loading it; every call allocates its own
// working memory.
unsafe impl Send for Encoder {}
// SAFETY: as above.
unsafe impl Sync for Encoder {}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoder")
            .field("engine", &self.engine)
            .finish()
    }
}

impl Encoder {
    /// Opens the model file at `path` after checking it is exactly the expected model.
    pub fn open(path: &Path) -> Result<Self, OpenError> {
        Self::open_with(path, Engine::for_this_cpu())
    }

    fn open_with(path: &Path, engine: Engine) -> Result<Self, OpenError> {
        let read_error = |source| OpenError::Read {
            path: path.to_path_buf(),
            source,
        };
        let found = sha256_of(path).map_err(read_error)?;
        if found != MODEL_SHA256 {
            return Err(OpenError::WrongFile {
                path: path.to_path_buf(),
                found,
            });
        }
        let c_path = CString::new(path.as_os_str().as_encoded_bytes()).map_err(|_| {
            read_error(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the path contains a NUL byte",
            ))
        })?;
        // SAFETY: the file is the known model (checked above); the path is NUL-terminated.
        let model = unsafe { engine.load(c_path.as_ptr()) };
        let model = NonNull::new(model).ok_or_else(|| OpenError::Load {
            path: path.to_path_buf(),
        })?;
        let encoder = Encoder { model, engine };
        // SAFETY: the model is live and came from this engine.
        let dim = unsafe { engine.dim(model.as_ptr()) };
        if usize::try_from(dim) != Ok(DIMENSIONS) {
            return Err(OpenError::Load {
                path: path.to_path_buf(),
            });
        }
        Ok(encoder)
    }

    /// The vector of a resident's question.
    pub fn query(&self, text: &str) -> Vector {
        self.encode(&[text], true).pop().unwrap_or_else(zero)
    }

    /// The vector of a text to be found: an entry's question and answer.
    pub fn passage(&self, text: &str) -> Vector {
        self.encode(&[text], false).pop().unwrap_or_else(zero)
    }

    /// The vectors of several passages, in order; faster than one by one.
    pub fn passages(&self, texts: &[&str]) -> Vec<Vector> {
        self.encode(texts, false)
    }

    /// One vector per text, as questions or passages. Should the engine fail (it only can
    /// when memory runs out), every vector is zero: similar to nothing.
    fn encode(&self, texts: &[&str], is_query: bool) -> Vec<Vector> {
        if texts.is_empty() {
            return Vec::new();
        }
        let owned: Vec<CString> = texts.iter().map(|text| c_text(text)).collect();
        let pointers: Vec<*const c_char> = owned.iter().map(|text| text.as_ptr()).collect();
        let mut out = vec![0f32; DIMENSIONS * texts.len()];
        let n = c_int::try_from(texts.len()).unwrap_or(c_int::MAX);
        // SAFETY: the model is live; `pointers` holds `n` NUL-terminated texts that outlive
        // the call and `out` holds `n` rows.
        let status = unsafe {
            self.engine.embed_batch(
                self.model.as_ptr(),
                pointers.as_ptr(),
                n,
                is_query,
                out.as_mut_ptr(),
            )
        };
        if status != 0 {
            out.fill(0.0);
        }
        out.chunks_exact(DIMENSIONS)
            .map(|row| Vector::new(row.into()))
            .collect()
    }
}

/// A vector of zeros: similar to nothing.
fn zero() -> Vector {
    Vector::new(vec![0f32; DIMENSIONS].into_boxed_slice())
}

impl Drop for Encoder {
    fn drop(&mut self) {
        // SAFETY: the model came from this engine and is not used after this.
        unsafe { self.engine.free(self.model.as_ptr()) }
    }
}

/// `text` for C: a NUL byte (which C would read as the end) becomes a space.
fn c_text(text: &str) -> CString {
    CString::new(text.replace('\0', " ")).unwrap_or_default()
}

fn sha256_of(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
    }
    Ok(hex::encode(hasher.finalize()))
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::*;

    #[test]
    fn the_portable_engine_gives_the_vectors_of_the_avx2_engine() {
        if Engine::for_this_cpu() != Engine::Avx2 {
            // Only the portable engine runs on this CPU: the other tests cover it.
            return;
        }
        let path = std::env::var_os("WAYFINDER_SEMANTIC_MODEL")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/models/e5-small-q4.bin")
            });
        let portable = Encoder::open_with(&path, Engine::Portable).expect("portable engine");
        let avx2 = Encoder::open_with(&path, Engine::Avx2).expect("AVX2 engine");
        for text in [
            "when is trash picked up",
            "¿dónde pago el agua?",
            "أين المكتبة",
        ] {
            let cosine = portable.query(text).cosine(&avx2.query(text));
            assert!(cosine > 0.999, "{text}: {cosine}");
        }
    }
}
