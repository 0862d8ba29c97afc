//! Text analysis per language: how questions and entries are cut into search terms.
//!
//! Every language gets: word tokenizer ([`crate::words`]: NFKC, Indic conjuncts and
//! accents kept inside words) → drop very long tokens → lowercase → stop words (the
//! language's list where tantivy has one, plus question words that carry no topic, also
//! without accents) →
//! Snowball stemmer where tantivy has one → ASCII/diacritic folding, so `facturación`,
//! `facturacion` and `facturas` meet. Languages without a stemmer get lowercase and folding;
//! Japanese and Korean are cut into character bigrams ([`crate::bigram`]), Chinese and Thai
//! into words by a dictionary segmenter ([`crate::segmented`]).
//!
//! Languages that glue words together or inflect heavily ([`uses_ngrams`]: German
//! `Gesichtsmasken`, Turkish, Arabic, Hindi, Russian...) also get a second analysis into
//! character 4-grams of each word, with `^`/`$` marking its start and end
//! ([`ngram_analyzer`]): `Maske` and `Gesichtsmasken` share `mask`, `aske`, where whole-word
//! terms and the stemmer see nothing in common.

use std::collections::BTreeSet;

use crate::bigram::BigramTokenizer;
use crate::segmented::SegmentedTokenizer;
use crate::words::WordTokenizer;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, Stemmer, StopWordFilter,
    TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer, WhitespaceTokenizer,
};

/// Length of the character n-grams of [`ngram_analyzer`] (word boundary marks included).
const NGRAM_CHARS: usize = 4;
/// Words shorter than this (in characters) get no n-grams: short words are whole terms
/// already, and their n-grams would match everywhere.
const NGRAM_MIN_WORD_CHARS: usize = 5;

/// Name under which the analyzer for `lang` is registered in a tantivy index.
pub fn tokenizer_name(lang: &str) -> String {
    format!("wayfinder_{lang}")
}

/// The language subtag of a BCP 47 tag: `zh` for `zh-Hans`, `es` for `es_MX`. The analysis
/// of a language is the same in every region and script, but for Chinese's folding
/// ([`crate::han_fold`]).
pub fn base_language(lang: &str) -> &str {
    lang.split(['-', '_']).next().unwrap_or_default()
}

/// The Snowball stemmer language for a BCP 47 tag, where tantivy ships one.
fn stemmer_language(lang: &str) -> Option<Language> {
    Some(match base_language(lang) {
        "ar" => Language::Arabic,
        "da" => Language::Danish,
        "nl" => Language::Dutch,
        "en" => Language::English,
        "fi" => Language::Finnish,
        "fr" => Language::French,
        "de" => Language::German,
        "el" => Language::Greek,
        "hu" => Language::Hungarian,
        "it" => Language::Italian,
        "no" | "nb" | "nn" => Language::Norwegian,
        "pt" => Language::Portuguese,
        "ro" => Language::Romanian,
        "ru" => Language::Russian,
        "es" => Language::Spanish,
        "sv" => Language::Swedish,
        "ta" => Language::Tamil,
        "tr" => Language::Turkish,
        _ => return None,
    })
}

/// Words residents put around a question that say nothing about its topic. Removing them
/// keeps "when is trash picked up" about trash, not about "when". Where tantivy has no
/// stop-word list for the language (Vietnamese, Tagalog, Chinese, Arabic, Greek, Turkish,
/// Hindi), its commonest function words too: pronouns, particles, "of", "can", "please".
/// Otherwise "con mèo của tôi bị ốm" ("my cat is sick") is six search terms, and the
/// decision, which trusts a match of many terms more, answers it with the lost-pet entry
/// where the English question, two terms, gets choices.
fn question_words(lang: &str) -> &'static str {
    match base_language(lang) {
        "en" => {
            "what when where who whom why how which do does did can could should would i me \
             my mine we us our you your am have has had please about from up get need want \
             there any some out much many"
        }
        "es" => {
            "qué cuándo dónde quién quiénes cómo cuál cuáles cuánto cuánta cuántos cuántas \
             puedo puede pueden podemos debo necesito quiero hay hacer favor mi mis tengo"
        }
        // Words are syllables; only those that are function words in any combination.
        "vi" => {
            "tôi mình chúng bạn họ nó của là thì mà và hoặc với cho để được bị có không ạ ơi \
             nhé vậy thế này đó các những một ở tại khi nào gì đâu sao ai nhiêu cần muốn làm \
             xin đã đang sẽ rồi nên phải hãy"
        }
        "tl" | "fil" => {
            "ang ng nang mga sa si ni kay ako ko kong akin aking ikaw ka mo iyo siya niya \
             kami namin tayo natin kayo ninyo sila nila ito iyan iyon yan yun yung dito diyan \
             doon ay at o na ba po ho lang lamang din rin naman kung para may mayroon meron \
             ano anong paano saan kailan sino bakit magkano ilan pwede puwede maaari \
             kailangan gusto dapat"
        }
        // As the segmenter cuts them ("我的" is one word), in Simplified characters, to which
        // Chinese is folded before it is cut.
        "zh" => {
            "我 我的 我们 我们的 我要 你 你的 您 您的 你们 他 她 他们 的 了 吗 呢 吧 啊 \
             呀 是 在 有 请 请问 你好 您好 什么 什么时候 怎么 怎么样 怎样 如何 为什么 哪 \
             哪里 哪儿 哪个 谁 可以 能 要 想 想要 需要 应该 这 这个 那 那个 这么 那么 把 \
             被 给 和 或 或者 也 都 就 还"
        }
        "ar" => {
            "ما ماذا متى أين كيف هل لماذا كم من في على إلى عن مع أنا لي نحن هو هي هذا هذه ذلك \
             تلك الذي التي أو أن إن يمكنني أريد أحتاج عند لو فضلك"
        }
        "el" => {
            "τι τί πότε πού που ποιος ποια ποιο ποιοι ποιες ποιον ποιας ποιου πώς πως πόσο \
             πόσα πόσοι πόσες πόσους και ή ο η το οι τα του της των τον την τους τις στο στη \
             στην στον στα στους στις σε με για από ένα ένας μια μία είναι ήταν θα να δεν μη \
             μην αυτό αυτή αυτός αυτά ότι"
        }
        "tr" => {
            "ne neden niçin nasıl nerede nereye nereden hangi hangisi kim kimin kime kaç kaçta \
             mi mı mu mü midir mıdır ve ile bir bu şu o da de için gibi kadar ben sen biz siz \
             onlar benim bizim en çok daha ya veya ama ki"
        }
        "hi" => {
            "क्या कब कहाँ कहां कौन कौनसा किस किसने किसे किसको कैसे कितना कितने कितनी क्यों का \
             की के में है हैं था थी थे को से ने और पर एक यह वह ये वे इस उस इसके उसके तो भी ही"
        }
        _ => "",
    }
}

/// Removes diacritics the way the index does, for comparing stop words.
fn fold(word: &str) -> String {
    let mut analyzer = TextAnalyzer::builder(WordTokenizer::default())
        .filter(AsciiFoldingFilter)
        .build();
    let mut stream = analyzer.token_stream(word);
    let mut out = String::new();
    while let Some(token) = stream.next() {
        out.push_str(&token.text);
    }
    out
}

/// [`question_words`] for `lang`, each also in its accent-free spelling (residents often type
/// without accents), except in Vietnamese, where a syllable without its tone marks is often
/// another word that matters: `the` is `thẻ` (card) as well as `thế`, `muon` is `muộn`
/// (late) as well as `muốn` (want). tantivy's own list for the language is applied
/// separately.
fn extra_stop_words(lang: &str) -> BTreeSet<String> {
    let mut words: BTreeSet<String> = question_words(lang)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    if base_language(lang) != "vi" {
        let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
        words.extend(folded);
    }
    words
}

/// Japanese and Korean (written without spaces between words, or with long compounds):
/// analysed as character bigrams.
pub fn uses_bigrams(lang: &str) -> bool {
    matches!(base_language(lang), "ja" | "ko")
}

/// The tokenizer cutting `lang` into words with a dictionary, for Chinese and Thai, written
/// without spaces between words ([`crate::segmented`]).
fn segmented_tokenizer(lang: &str) -> Option<SegmentedTokenizer> {
    if crate::han_fold::is_chinese(lang) {
        return Some(SegmentedTokenizer::chinese());
    }
    uses_segmenter(lang).then(SegmentedTokenizer::thai)
}

/// Whether `lang`'s text is cut into words by a dictionary ([`SegmentedTokenizer`]: Chinese
/// and Thai) rather than at spaces and punctuation.
pub fn uses_segmenter(lang: &str) -> bool {
    crate::han_fold::is_chinese(lang) || base_language(lang) == "th"
}

/// Whether `lang`'s terms are cut from its words as [`crate::words::Words`] cuts them (every
/// language but those analysed as bigrams or cut by a dictionary): analysing a text whole
/// then gives the terms of its words one after the other.
pub fn cuts_words(lang: &str) -> bool {
    !uses_bigrams(lang) && !uses_segmenter(lang)
}

/// `tokenizer`'s tokens under 40 bytes, lowercased: the start of every analyzer.
fn lowercase_tokens<T: Tokenizer>(tokenizer: T) -> tantivy::tokenizer::TextAnalyzerBuilder {
    TextAnalyzer::builder(lowercased(tokenizer)).dynamic()
}

/// `tokenizer`'s tokens under 40 bytes, lowercased ([`lowercase_tokens`]), as a
/// tokenizer of its own: made and run without the boxes of a [`TextAnalyzer`], for a text
/// analysed once.
fn lowercased<T: Tokenizer>(tokenizer: T) -> impl Tokenizer {
    LowerCaser.transform(RemoveLongFilter::limit(40).transform(tokenizer))
}

/// `lang`'s words ([`SegmentedTokenizer`] for Chinese and Thai, [`WordTokenizer`] for the
/// others), lowercased.
fn lowercase_words(lang: &str) -> tantivy::tokenizer::TextAnalyzerBuilder {
    match segmented_tokenizer(lang) {
        Some(segmented) => lowercase_tokens(segmented),
        None => lowercase_tokens(WordTokenizer::default()),
    }
}

/// Whether `lang` gets the character n-gram analysis ([`ngram_analyzer`]) besides its word
/// terms: every language written with spaces except English and the Romance languages, whose
/// inflection the Snowball stemmer covers and where n-grams only add noise (on the
/// development sets: German R@1 +7 points on FAQ paraphrases and +5 on passages, Turkish,
/// Arabic and Hindi +2 to +4; English FAQ paraphrases −2). Not Japanese and Korean (cut into
/// bigrams), nor Chinese and Thai (cut into dictionary words: with n-grams, Thai was the same
/// to a question or two, and the index larger).
pub fn uses_ngrams(lang: &str) -> bool {
    cuts_words(lang)
        && !matches!(
            base_language(lang),
            "en" | "es" | "fr" | "it" | "pt" | "ca" | "gl" | "ro"
        )
}

/// Name under which the n-gram analyzer for `lang` is registered in a tantivy index.
pub fn ngram_tokenizer_name(lang: &str) -> String {
    format!("wayfinder_{lang}_ngrams")
}

/// The word terms before stemming: tokenizer, lowercase, stop words (the language's list and
/// [`question_words`]).
fn words_builder(lang: &str) -> tantivy::tokenizer::TextAnalyzerBuilder {
    let StopWords {
        list,
        question_words,
    } = StopWords::of(lang);
    let mut builder = lowercase_words(lang);
    if let Some(list) = list {
        builder = builder.filter_dynamic(list);
    }
    builder.filter_dynamic(question_words)
}

/// `lang`'s stop words: its list where tantivy has one, and the question words that carry no
/// topic ("when", "how", "please").
#[derive(Clone)]
pub struct StopWords {
    list: Option<StopWordFilter>,
    question_words: StopWordFilter,
}

impl StopWords {
    /// `lang`'s.
    pub fn of(lang: &str) -> Self {
        Self {
            list: stemmer_language(lang).and_then(StopWordFilter::new),
            question_words: StopWordFilter::remove(extra_stop_words(lang)),
        }
    }

    /// `tokenizer`'s tokens without the stop words, as [`word_form_analyzer`] takes them out
    /// of its lowercased words.
    pub fn removed_from<T: Tokenizer>(&self, tokenizer: T) -> impl Tokenizer {
        // (No list: an empty one, which removes nothing.)
        let list = self
            .list
            .clone()
            .unwrap_or_else(|| StopWordFilter::remove(Vec::new()));
        self.question_words
            .clone()
            .transform(list.transform(tokenizer))
    }
}

impl std::fmt::Debug for StopWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StopWords").finish_non_exhaustive()
    }
}

/// The words of a text, lowercased: the start of [`word_form_analyzer`] in every language
/// that [`cuts_words`], which is the same in all of them. A token's position is its word's
/// number in the text; words of 40 bytes or more give none.
pub fn lowercase_word_tokenizer() -> impl Tokenizer {
    lowercased(WordTokenizer::default())
}

/// Folds each word of a text of lowercased words separated by spaces as the last step of
/// [`word_form_analyzer`] does; a token's position is its word's number in that text.
pub fn folding_tokenizer() -> impl Tokenizer {
    AsciiFoldingFilter.transform(WhitespaceTokenizer::default())
}

/// Builds the analyzer for word forms as written in `lang`: lowercase, folded, stop words
/// removed, no stemming (`Symptome` stays `symptome`, where the German stemmer would make it
/// `symptom` like the English word). Language identification compares a question's words
/// with the content's word forms this way.
pub fn word_form_analyzer(lang: &str) -> TextAnalyzer {
    words_builder(lang)
        .filter_dynamic(AsciiFoldingFilter)
        .build()
}

/// Builds the n-gram analyzer for `lang`: the words that are not stop words, folded, each cut
/// into overlapping character 4-grams of `^word$` (`^mask`, `aske`, `ske$` for `maske`);
/// words under five characters give none.
pub fn ngram_analyzer(lang: &str) -> TextAnalyzer {
    words_builder(lang)
        .filter_dynamic(AsciiFoldingFilter)
        .filter_dynamic(WordNgramFilter {
            chars: NGRAM_CHARS,
            min_word_chars: NGRAM_MIN_WORD_CHARS,
        })
        .build()
}

/// A token filter replacing each token by the character n-grams of `^token$`.
#[derive(Debug, Clone, Copy)]
pub struct WordNgramFilter {
    /// n-gram length in characters.
    pub chars: usize,
    /// Tokens shorter than this (in characters) are dropped.
    pub min_word_chars: usize,
}

impl TokenFilter for WordNgramFilter {
    type Tokenizer<T: Tokenizer> = WordNgramTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> WordNgramTokenizer<T> {
        WordNgramTokenizer {
            inner: tokenizer,
            filter: self,
        }
    }
}

/// The tokenizer [`WordNgramFilter`] wraps around another.
#[derive(Debug, Clone)]
pub struct WordNgramTokenizer<T> {
    inner: T,
    filter: WordNgramFilter,
}

impl<T: Tokenizer> Tokenizer for WordNgramTokenizer<T> {
    type TokenStream<'a> = WordNgramStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        WordNgramStream {
            tail: self.inner.token_stream(text),
            filter: self.filter,
            grams: Vec::new(),
            next: 0,
            token: Token::default(),
        }
    }
}

/// The stream of n-grams of another stream's tokens.
#[derive(Debug)]
pub struct WordNgramStream<S> {
    tail: S,
    filter: WordNgramFilter,
    /// The n-grams of the current word, handed out from `next`.
    grams: Vec<String>,
    next: usize,
    token: Token,
}

impl<S: TokenStream> TokenStream for WordNgramStream<S> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some(gram) = self.grams.get(self.next) {
                self.token.text.clone_from(gram);
                self.next += 1;
                return true;
            }
            if !self.tail.advance() {
                return false;
            }
            let word = self.tail.token();
            if word.text.chars().count() < self.filter.min_word_chars {
                continue;
            }
            let marked: Vec<char> = std::iter::once('^')
                .chain(word.text.chars())
                .chain(std::iter::once('$'))
                .collect();
            self.grams = marked
                .windows(self.filter.chars)
                .map(|w| w.iter().collect())
                .collect();
            self.next = 0;
            self.token = word.clone();
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// Builds the analyzer for `lang`.
pub fn analyzer(lang: &str) -> TextAnalyzer {
    let mut builder = if uses_bigrams(lang) {
        lowercase_tokens(BigramTokenizer::default())
    } else {
        lowercase_words(lang)
    };
    if let Some(language) = stemmer_language(lang)
        && let Some(filter) = StopWordFilter::new(language)
    {
        builder = builder.filter_dynamic(filter);
    }
    builder = builder.filter_dynamic(StopWordFilter::remove(extra_stop_words(lang)));
    if let Some(language) = stemmer_language(lang) {
        builder = builder.filter_dynamic(Stemmer::new(language));
    }
    builder.filter_dynamic(AsciiFoldingFilter).build()
}

/// The terms `analyzer` makes of `text`, in order (duplicates kept).
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lang: &str, text: &str) -> Vec<String> {
        terms(&mut analyzer(lang), text)
    }

    #[test]
    fn english_stems_and_drops_question_words() {
        assert_eq!(
            run("en", "When is my trash picked up?"),
            vec!["trash", "pick"]
        );
        assert_eq!(run("en", "Parking tickets"), vec!["park", "ticket"]);
    }

    #[test]
    fn spanish_folds_accents_and_stems() {
        let with = run("es", "¿Cómo pago mi factura de agua?");
        let without = run("es", "como pago mi factura de agua");
        assert_eq!(with, without);
        assert_eq!(with, vec!["pag", "factur", "agu"]);
        assert_eq!(run("es", "facturación"), run("es", "facturacion"));
    }

    #[test]
    fn chinese_is_cut_into_words_and_japanese_into_bigrams() {
        assert_eq!(run("zh-Hans", "缴纳水费"), vec!["缴纳", "水费"]);
        assert_eq!(run("zh-Hant", "繳納水費"), vec!["缴纳", "水费"]);
        assert_eq!(run("ja", "図書館"), vec!["図書", "書館"]);
    }

    #[test]
    fn function_words_are_dropped_where_tantivy_has_no_list() {
        assert_eq!(run("vi", "con mèo của tôi bị ốm"), vec!["con", "meo", "om"]);
        assert_eq!(run("tl", "may sakit ang pusa ko"), vec!["sakit", "pusa"]);
        assert_eq!(run("zh-Hans", "我的猫生病了"), vec!["猫", "生病"]);
        // Traditional characters are folded before the list applies.
        assert_eq!(run("zh-Hant", "如何繳納水費"), vec!["缴纳", "水费"]);
        assert_eq!(
            run("ar", "كيف أدفع فاتورة الماء"),
            run("ar", "أدفع فاتورة الماء")
        );
        assert_eq!(
            run("el", "πότε είναι η βιβλιοθήκη ανοιχτή"),
            run("el", "βιβλιοθήκη ανοιχτή")
        );
        assert_eq!(
            run("tr", "kütüphane ne zaman açık"),
            run("tr", "kütüphane zaman açık")
        );
        assert_eq!(run("hi", "पुस्तकालय कब खुलता है"), run("hi", "पुस्तकालय खुलता"));
        // Without tone marks a Vietnamese syllable is often another word: "the" (thẻ,
        // card) is kept, "thế" is not.
        assert_eq!(run("vi", "the thu vien"), vec!["the", "thu", "vien"]);
        assert_eq!(run("vi", "thế thẻ"), vec!["the"]);
    }

    #[test]
    fn german_compounds_share_ngrams_with_their_parts() {
        let mask = terms(&mut ngram_analyzer("de"), "Maske");
        assert_eq!(mask, vec!["^mas", "mask", "aske", "ske$"]);
        let compound = terms(&mut ngram_analyzer("de"), "Gesichtsmasken");
        assert!(compound.contains(&"mask".to_owned()), "{compound:?}");
        assert!(compound.contains(&"aske".to_owned()), "{compound:?}");
        // Stop words and short words give no n-grams; umlauts are folded.
        assert!(terms(&mut ngram_analyzer("de"), "Wie ist das").is_empty());
        assert_eq!(
            terms(&mut ngram_analyzer("de"), "Größe"),
            terms(&mut ngram_analyzer("de"), "Grosse")
        );
    }

    #[test]
    fn ngrams_only_where_the_stemmer_is_not_enough() {
        assert!(uses_ngrams("de"));
        assert!(uses_ngrams("tr"));
        assert!(uses_ngrams("vi"));
        assert!(!uses_ngrams("en"));
        assert!(!uses_ngrams("es-MX"));
        assert!(!uses_ngrams("zh-Hans"));
        assert!(!uses_ngrams("th"));
        assert!(!uses_ngrams("ko"));
    }

    #[test]
    fn languages_without_stemmer_still_lowercase_and_fold() {
        assert_eq!(run("vi", "Thư Viện"), vec!["thu", "vien"]);
    }

    #[test]
    fn marks_residents_leave_out_are_optional() {
        // "Pay in person" with tanween, "library" with points, "library hours" with tonos,
        // "bill" with ё: as written in content, and as residents type them.
        for (lang, with, without) in [
            ("ar", "ادفع شخصيًا", "ادفع شخصيا"),
            ("ar", "أين المستشفى", "اين المستشفي"),
            ("he", "סִפְרִיָּה", "ספריה"),
            ("el", "Ωράριο βιβλιοθήκης", "ωραριο βιβλιοθηκης"),
            ("ru", "Оплатить счёт", "оплатить счет"),
        ] {
            for analyze in [analyzer, word_form_analyzer, ngram_analyzer] {
                let mut analyzer = analyze(lang);
                let marked = terms(&mut analyzer, with);
                assert_eq!(marked, terms(&mut analyzer, without), "{lang}");
            }
        }
    }

    #[test]
    fn turkish_capital_dotted_i_meets_the_lower_case_word() {
        assert_eq!(run("tr", "İletişim"), run("tr", "iletişim"));
        assert_eq!(run("tr", "İletişim"), run("tr", "ILETISIM"));
    }
}
