//! Entry vectors kept on disk between starts, so that only new and edited entries are encoded
//! again: encoding is the slow part of indexing (0.15 to 0.35 s an entry on one core), a lookup
//! here is not.
//!
//! One file per site, `<dir>/<site>.vectors`: the magic `WFV1`, the SHA-256 of the model the
//! vectors came from, their number (u32, little-endian), then per vector the SHA-256 of the
//! text encoded, the scale (f32, little-endian) and the [`semantic::DIMENSIONS`] components
//! (i8). Vectors of another model, and a file that is short or malformed, are not used (the
//! entries are encoded again and the file rewritten). The file is replaced atomically (a
//! temporary file renamed over it), so a crash while writing leaves the previous one.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use semantic::{DIMENSIONS, MODEL_SHA256, PackedVector};
use sha2::{Digest, Sha256};

/// The SHA-256 of a text given to the encoder: the cache's key.
pub type TextHash = [u8; 32];

/// The key of `text`.
pub fn text_hash(text: &str) -> TextHash {
    Sha256::digest(text.as_bytes()).into()
}

const MAGIC: &[u8; 4] = b"WFV1";
const RECORD: usize = 32 + 4 + DIMENSIONS;

/// A site's file of entry vectors.
#[derive(Debug, Clone)]
pub struct VectorCache {
    path: PathBuf,
}

impl VectorCache {
    /// Checks `dir` before any site's file is looked for in it: it must be a folder, or not
    /// exist yet (it is made at the first write). A path naming a file would otherwise only
    /// be noticed as every entry being encoded again at every start.
    pub fn check_folder(dir: &Path) -> Result<(), String> {
        if dir.exists() && !dir.is_dir() {
            return Err(format!(
                "the vector cache {} is a file: give the folder where each site's \
                 <site>.vectors file is kept",
                dir.display()
            ));
        }
        Ok(())
    }

    /// The file of site `site` in `dir`.
    pub fn for_site(dir: &Path, site: &str) -> Self {
        Self {
            path: dir.join(format!("{site}.vectors")),
        }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The vectors in the file; none when it is missing, of another model or unreadable
    /// (logged as a warning, except a missing file).
    pub fn read(&self) -> HashMap<TextHash, PackedVector> {
        match std::fs::read(&self.path) {
            Ok(bytes) => parse(&bytes).unwrap_or_else(|why| {
                tracing::warn!(
                    file = %self.path.display(),
                    "entry vectors not used ({why}): the entries are encoded again"
                );
                HashMap::new()
            }),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => HashMap::new(),
            Err(error) => {
                tracing::warn!(file = %self.path.display(), "entry vectors not read: {error}");
                HashMap::new()
            }
        }
    }

    /// Replaces the file with `vectors`, atomically.
    pub fn write(&self, vectors: &HashMap<TextHash, PackedVector>) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut bytes = Vec::with_capacity(4 + 32 + 4 + vectors.len() * RECORD);
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&model_hash());
        let count = u32::try_from(vectors.len()).unwrap_or(u32::MAX);
        bytes.extend_from_slice(&count.to_le_bytes());
        for (hash, vector) in vectors.iter().take(count as usize) {
            bytes.extend_from_slice(hash);
            bytes.extend_from_slice(&vector.scale().to_le_bytes());
            bytes.extend(vector.values().iter().map(|&v| v.to_le_bytes()[0]));
        }
        let mut file = tempfile::NamedTempFile::new_in(dir)?;
        file.write_all(&bytes)?;
        file.as_file().sync_all()?;
        file.persist(&self.path).map_err(|error| error.error)?;
        Ok(())
    }
}

/// The model's SHA-256 as bytes.
fn model_hash() -> [u8; 32] {
    let mut hash = [0u8; 32];
    hex::decode_to_slice(MODEL_SHA256, &mut hash).expect("MODEL_SHA256 is 64 hex digits");
    hash
}

fn parse(bytes: &[u8]) -> Result<HashMap<TextHash, PackedVector>, &'static str> {
    let header = 4 + 32 + 4;
    if bytes.len() < header || &bytes[..4] != MAGIC {
        return Err("not a vector file");
    }
    if bytes[4..36] != model_hash() {
        return Err("made with another model");
    }
    let count = u32::from_le_bytes(bytes[36..40].try_into().map_err(|_| "short header")?);
    let records = &bytes[header..];
    if records.len() != count as usize * RECORD {
        return Err("truncated");
    }
    let mut vectors = HashMap::with_capacity(count as usize);
    for record in records.chunks_exact(RECORD) {
        let mut hash = [0u8; 32];
        hash.copy_from_slice(&record[..32]);
        let scale = f32::from_le_bytes(record[32..36].try_into().map_err(|_| "short record")?);
        let values: Box<[i8]> = record[36..]
            .iter()
            .map(|&b| i8::from_le_bytes([b]))
            .collect();
        let vector = PackedVector::from_parts(values, scale).ok_or("malformed vector")?;
        vectors.insert(hash, vector);
    }
    Ok(vectors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_must_be_a_folder_or_not_exist_yet() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(VectorCache::check_folder(dir.path()), Ok(()));
        assert_eq!(VectorCache::check_folder(&dir.path().join("later")), Ok(()));
        let file = dir.path().join("riverton.vectors");
        std::fs::write(&file, b"WFV1").unwrap();
        let error = VectorCache::check_folder(&file).unwrap_err();
        assert!(
            error.contains(&file.display().to_string()) && error.contains("is a file"),
            "{error}"
        );
    }

    fn vector(seed: i8) -> PackedVector {
        let values: Box<[i8]> = (0..DIMENSIONS)
            .map(|i| (i as i8).wrapping_mul(seed))
            .collect();
        PackedVector::from_parts(values, 0.01).expect("valid parts")
    }

    #[test]
    fn vectors_written_are_read_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = VectorCache::for_site(dir.path(), "riverton");
        assert!(cache.read().is_empty(), "no file yet");
        let vectors = HashMap::from([
            (text_hash("When is trash picked up?"), vector(3)),
            (text_hash("¿Cuándo recogen la basura?"), vector(-5)),
        ]);
        cache.write(&vectors).expect("write");
        assert_eq!(cache.read(), vectors);
    }

    #[test]
    fn a_damaged_or_foreign_file_is_not_used() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = VectorCache::for_site(dir.path(), "riverton");
        let vectors = HashMap::from([(text_hash("a"), vector(7))]);
        cache.write(&vectors).expect("write");
        let bytes = std::fs::read(cache.path()).expect("read");

        std::fs::write(cache.path(), &bytes[..bytes.len() - 1]).expect("truncate");
        assert!(cache.read().is_empty(), "truncated");

        let mut other_model = bytes.clone();
        other_model[4] ^= 0xff;
        std::fs::write(cache.path(), &other_model).expect("write");
        assert!(cache.read().is_empty(), "another model's vectors");

        std::fs::write(cache.path(), b"not vectors at all").expect("write");
        assert!(cache.read().is_empty(), "garbage");
    }
}
