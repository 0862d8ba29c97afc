//! The encoder on the real model: meaning across wordings and languages, batches, and files
//! that are not the model.

use std::path::PathBuf;

use wayfinder_semantic::{DIMENSIONS, Encoder, OpenError};

/// The model `cargo xtask test` installs (and names in `WAYFINDER_SEMANTIC_MODEL`).
fn model_path() -> PathBuf {
    let path = std::env::var_os("WAYFINDER_SEMANTIC_MODEL")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/models/e5-small-q4.bin")
        });
    assert!(
        path.is_file(),
        "the semantic model is missing at {}: `cargo xtask test` installs it",
        path.display()
    );
    path
}

fn encoder() -> Encoder {
    Encoder::open(&model_path()).expect("the installed model opens")
}

#[test]
fn a_paraphrase_is_closer_than_an_unrelated_question() {
    let encoder = encoder();
    let question = encoder.query("how long am I contagious after getting sick");
    let infectious = encoder.passage("How long is a person infectious?");
    let trash = encoder.passage("When is trash picked up?");
    let (near, far) = (question.cosine(&infectious), question.cosine(&trash));
    assert!(near > far + 0.05, "paraphrase {near}, unrelated {far}");
}

#[test]
fn the_same_question_in_another_language_is_close() {
    let encoder = encoder();
    let spanish = encoder.query("¿qué día recogen la basura?");
    let trash = encoder.passage("When is trash picked up?");
    let infectious = encoder.passage("How long is a person infectious?");
    assert!(spanish.cosine(&trash) > spanish.cosine(&infectious) + 0.05);
}

#[test]
fn vectors_have_unit_length_and_packing_keeps_the_cosine() {
    let encoder = encoder();
    let question = encoder.query("library opening hours");
    assert_eq!(question.values().len(), DIMENSIONS);
    let length: f32 = question.values().iter().map(|v| v * v).sum::<f32>().sqrt();
    assert!((length - 1.0).abs() < 1e-3, "length {length}");
    let entry = encoder.passage("When is the public library open?");
    let exact = question.cosine(&entry);
    let packed = question.cosine_packed(&entry.pack());
    assert!((exact - packed).abs() < 0.005, "{exact} vs {packed}");
}

#[test]
fn a_batch_gives_the_vectors_of_one_by_one() {
    let encoder = encoder();
    let texts = [
        "Where do I pay my water bill?",
        "Wo beantrage ich einen Reisepass?",
        "垃圾什么时候收？",
        "",
    ];
    let batch = encoder.passages(&texts);
    assert_eq!(batch.len(), texts.len());
    for (text, vector) in texts.iter().zip(&batch) {
        let single = encoder.passage(text);
        assert!(single.cosine(vector) > 0.999, "{text:?}");
    }
}

#[test]
fn text_with_a_nul_byte_is_encoded_as_with_a_space() {
    let encoder = encoder();
    let with_nul = encoder.query("water\0bill");
    let with_space = encoder.query("water bill");
    assert!(with_nul.cosine(&with_space) > 0.999);
}

#[test]
fn a_file_that_is_not_the_model_is_refused_before_loading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fake = dir.path().join("e5-small-q4.bin");
    // The engine's own magic, then nothing: it would read past the end if it were loaded.
    std::fs::write(&fake, b"E5S1\x01\x00\x00\x00").expect("write");
    match Encoder::open(&fake) {
        Err(OpenError::WrongFile { found, .. }) => assert_eq!(found.len(), 64),
        other => panic!("expected WrongFile, got {other:?}"),
    }
    match Encoder::open(&dir.path().join("missing.bin")) {
        Err(OpenError::Read { .. }) => {}
        other => panic!("expected Read, got {other:?}"),
    }
}

/// Any text a resident can send: random code points of every plane and category (controls,
/// combining marks, unpaired-looking sequences, emoji, private use), short and long.
#[test]
fn any_text_gives_a_finite_vector() {
    let encoder = encoder();
    let mut state: u64 = 0x5eed_1234_abcd_9876;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as u32
    };
    let ranges: [(u32, u32); 8] = [
        (0x0000, 0x007f),
        (0x0080, 0x07ff),
        (0x0300, 0x036f),
        (0x0600, 0x06ff),
        (0x0e00, 0x0e7f),
        (0x4e00, 0x9fff),
        (0xe000, 0xf8ff),
        (0x1f300, 0x1faff),
    ];
    for round in 0..40 {
        let length = if round == 39 { 1000 } else { next() % 40 };
        let text: String = (0..length)
            .filter_map(|_| {
                let (low, high) = ranges[(next() as usize) % ranges.len()];
                char::from_u32(low + next() % (high - low + 1))
            })
            .collect();
        let vector = encoder.query(&text);
        let length_squared: f32 = vector.values().iter().map(|v| v * v).sum();
        assert!(
            vector.values().iter().all(|v| v.is_finite()) && (length_squared - 1.0).abs() < 1e-2,
            "{text:?}: length² {length_squared}"
        );
    }
}
