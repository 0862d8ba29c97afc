//! A question's hits put in the order of how close their meaning is to the question's.

use knowledge::{Hit, SearchResult};
use semantic::Encoder;

use super::vectors::EntryVectors;

/// What the words' score adds to the similarity in the ranking, for the best-scored hit (the
/// others in proportion to their score). Similarities of the candidates differ by a few
/// hundredths, so this settles near ties in favour of the words while a clearly closer
/// meaning still wins. Measured on the development sets (`docs/quality.md`): 0 (meaning
/// alone) loses the questions whose words are in the entry but deep in a long answer,
/// 0.1 and more lose paraphrases again.
pub const WORDS_WEIGHT: f32 = 0.05;

/// The encoder and one index's entry vectors: what ranking by meaning needs.
#[derive(Debug, Clone, Copy)]
pub struct Meaning<'a> {
    /// The sentence encoder.
    pub encoder: &'a Encoder,
    /// The searched index's entry vectors.
    pub vectors: &'a EntryVectors,
}

impl Meaning<'_> {
    /// Sets each hit's [`knowledge::Hit::similarity`] to the cosine between `question` and
    /// the entry, and orders the hits by it plus [`WORDS_WEIGHT`] times their score relative
    /// to the best (hits without a vector last, in their order). Does nothing when there are
    /// no hits: the question is then not encoded.
    pub fn rank(&self, question: &str, result: &mut SearchResult) {
        if result.hits.is_empty() {
            return;
        }
        let started = std::time::Instant::now();
        let question = self.encoder.query(question);
        crate::telemetry::question_encoded(started.elapsed().as_secs_f64());
        for hit in &mut result.hits {
            hit.similarity = self
                .vectors
                .get(&hit.entry)
                .map(|vector| question.cosine_packed(vector));
        }
        order(&mut result.hits);
    }
}

/// Orders hits whose similarity is set by it plus [`WORDS_WEIGHT`] times their score relative
/// to the best; hits without a similarity last, in their order.
fn order(hits: &mut [Hit]) {
    let best_score = hits
        .iter()
        .map(|hit| hit.score)
        .fold(f32::EPSILON, f32::max);
    let rank = |hit: &Hit| match hit.similarity {
        Some(similarity) => similarity + WORDS_WEIGHT * hit.score / best_score,
        None => f32::NEG_INFINITY,
    };
    hits.sort_by(|a, b| rank(b).total_cmp(&rank(a)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(id: &str, score: f32, similarity: Option<f32>) -> Hit {
        let text = format!(
            "+++\nid = \"{id}\"\nkind = \"faq\"\ntitle = \"{id}\"\ntopic = \"t\"\nstatus = \"published\"\nlast_reviewed = 2026-10-01\nowner = \"O\"\nurl = \"https://x.example/{id}\"\n+++\nBody.\n"
        );
        let entry = knowledge::parse_entry(std::path::Path::new("x.md"), "en", &text)
            .expect("a valid entry");
        Hit {
            entry: std::sync::Arc::new(entry),
            score,
            coverage: 1.0,
            similarity,
        }
    }

    fn ids(hits: &[Hit]) -> Vec<&str> {
        hits.iter().map(|hit| hit.entry.id.as_str()).collect()
    }

    #[test]
    fn a_clearly_closer_meaning_beats_a_better_word_score() {
        let mut hits = vec![
            hit("words", 10.0, Some(0.80)),
            hit("meaning", 4.0, Some(0.86)),
        ];
        order(&mut hits);
        assert_eq!(ids(&hits), ["meaning", "words"]);
    }

    #[test]
    fn a_near_tie_in_meaning_goes_to_the_better_word_score() {
        // 0.84 + 0.05 against 0.85 + 0.05 × 2/10.
        let mut hits = vec![hit("near", 2.0, Some(0.85)), hit("words", 10.0, Some(0.84))];
        order(&mut hits);
        assert_eq!(ids(&hits), ["words", "near"]);
    }

    #[test]
    fn hits_without_a_vector_come_last_in_their_order() {
        let mut hits = vec![
            hit("a", 9.0, None),
            hit("b", 8.0, Some(0.70)),
            hit("c", 7.0, None),
        ];
        order(&mut hits);
        assert_eq!(ids(&hits), ["b", "a", "c"]);
    }
}
