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
    /// the entry's [`passage`](super::passage), and orders the hits by their closeness to
    /// the question (the mean of that cosine and the one with the entry's questions alone,
    /// [`asked`](super::asked)) plus [`WORDS_WEIGHT`] times their score relative to the best
    /// (hits without vectors last, in their order). Does nothing when there are no hits: the
    /// question is then not encoded.
    pub fn rank(&self, question: &str, result: &mut SearchResult) {
        if result.hits.is_empty() {
            return;
        }
        let started = std::time::Instant::now();
        let question = self.encoder.query(question);
        crate::telemetry::question_encoded(started.elapsed().as_secs_f64());
        let mut closenesses = Vec::with_capacity(result.hits.len());
        for hit in &mut result.hits {
            let cosines = self.vectors.get(&hit.entry).map(|v| {
                (
                    question.cosine_packed(v.passage),
                    question.cosine_packed(v.asked),
                )
            });
            hit.similarity = cosines.map(|(passage, _)| passage);
            closenesses.push(cosines.map(|(passage, asked)| closeness(passage, asked)));
        }
        order(&mut result.hits, &closenesses);
    }
}

/// How close a question's meaning is to an entry's, for ranking: the mean of its cosines
/// with the entry's [`passage`](super::passage) (what it says) and with its questions alone
/// ([`asked`](super::asked)). Either alone loses questions the other finds: the passage
/// those whose words are in the answer (German FAQ questions name what the answer says),
/// the questions alone those asked as the entry is asked but whose answer says more
/// (measured in `docs/quality.md`). The decision keeps the passage's cosine alone
/// ([`knowledge::Hit::similarity`]): with the mean, it told questions without an answer
/// from the others less well.
fn closeness(passage: f32, asked: f32) -> f32 {
    (passage + asked) / 2.0
}

/// Orders `hits` by their closeness (`closenesses[i]` is `hits[i]`'s) plus
/// [`WORDS_WEIGHT`] times their score relative to the best; hits without one last, in
/// their order.
fn order(hits: &mut Vec<Hit>, closenesses: &[Option<f32>]) {
    let best_score = hits
        .iter()
        .map(|hit| hit.score)
        .fold(f32::EPSILON, f32::max);
    let mut ranked: Vec<(f32, Hit)> = std::mem::take(hits)
        .into_iter()
        .zip(closenesses.iter().chain(std::iter::repeat(&None)))
        .map(|(hit, closeness)| {
            let rank = match closeness {
                Some(closeness) => closeness + WORDS_WEIGHT * hit.score / best_score,
                None => f32::NEG_INFINITY,
            };
            (rank, hit)
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    hits.extend(ranked.into_iter().map(|(_, hit)| hit));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(id: &str, score: f32) -> Hit {
        let text = format!(
            "+++\nid = \"{id}\"\nkind = \"faq\"\ntitle = \"{id}\"\ntopic = \"t\"\nstatus = \"published\"\nlast_reviewed = 2026-10-01\nowner = \"O\"\nurl = \"https://x.example/{id}\"\n+++\nBody.\n"
        );
        let entry = knowledge::parse_entry(std::path::Path::new("x.md"), "en", &text)
            .expect("a valid entry");
        Hit {
            entry: std::sync::Arc::new(entry),
            score,
            coverage: 1.0,
            similarity: None,
        }
    }

    fn ids(hits: &[Hit]) -> Vec<&str> {
        hits.iter().map(|hit| hit.entry.id.as_str()).collect()
    }

    #[test]
    fn a_clearly_closer_meaning_beats_a_better_word_score() {
        let mut hits = vec![hit("words", 10.0), hit("meaning", 4.0)];
        order(&mut hits, &[Some(0.80), Some(0.86)]);
        assert_eq!(ids(&hits), ["meaning", "words"]);
    }

    #[test]
    fn a_near_tie_in_meaning_goes_to_the_better_word_score() {
        // 0.84 + 0.05 against 0.85 + 0.05 × 2/10.
        let mut hits = vec![hit("near", 2.0), hit("words", 10.0)];
        order(&mut hits, &[Some(0.85), Some(0.84)]);
        assert_eq!(ids(&hits), ["words", "near"]);
    }

    #[test]
    fn the_closeness_is_the_mean_of_both_cosines() {
        let close = |a: f32, b: f32| (a - b).abs() < 1e-6;
        assert!(close(closeness(0.8, 0.6), 0.7));
        assert!(close(closeness(0.6, 0.8), 0.7));
    }

    #[test]
    fn a_closer_question_lifts_an_entry_whose_passage_is_further_off() {
        let mut hits = vec![hit("passage", 10.0), hit("asked", 10.0)];
        let closenesses = [Some(closeness(0.82, 0.80)), Some(closeness(0.78, 0.94))];
        order(&mut hits, &closenesses);
        assert_eq!(ids(&hits), ["asked", "passage"]);
    }

    #[test]
    fn hits_without_a_vector_come_last_in_their_order() {
        let mut hits = vec![hit("a", 9.0), hit("b", 8.0), hit("c", 7.0)];
        order(&mut hits, &[None, Some(0.70), None]);
        assert_eq!(ids(&hits), ["b", "a", "c"]);
    }
}
