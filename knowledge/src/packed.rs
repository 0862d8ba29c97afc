//! Text held zstd-compressed when that makes it smaller.
//!
//! A server holds every answer of its knowledge bases in memory, and a county portal's bases
//! run to tens of thousands of entries. FAQ answers of a few sentences compress to about 56 %
//! of their size one by one, and a reply needs one of them at a time: unpacking it takes
//! about a microsecond.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

/// Texts shorter than this are held as they are: a zstd frame's header and the entropy
/// tables it must carry leave nothing to gain.
const MIN_PACKED_LEN: usize = 96;

/// zstd's default level: at answer sizes, higher levels gain 1–3 % for several times the work.
const LEVEL: i32 = 3;

thread_local! {
    /// One compression context per thread, reused: setting one up (its tables and buffers)
    /// costs more than compressing an answer, and a base being loaded has thousands.
    static COMPRESSOR: RefCell<Option<zstd::bulk::Compressor<'static>>> =
        const { RefCell::new(None) };
    /// One decompression context per thread, reused by every reply answered on it.
    static DECOMPRESSOR: RefCell<Option<zstd::bulk::Decompressor<'static>>> =
        const { RefCell::new(None) };
}

/// A text as held in memory: compressed with zstd when it is long enough for that to save
/// at least an eighth, as it is, otherwise. Read it with [`PackedText::text`].
///
/// Both kinds are one boxed byte string, 16 bytes beside the text: an entry holds up to three
/// of them. A zstd frame starts with the magic number `28 B5 2F FD`, and `FD` never occurs
/// in UTF-8, so the bytes tell which kind they are.
#[derive(Clone, PartialEq, Eq)]
pub struct PackedText(Box<[u8]>);

/// How every zstd frame starts: not a prefix of any UTF-8 text.
const ZSTD_MAGIC: [u8; 4] = [0x28, 0xB5, 0x2F, 0xFD];

impl PackedText {
    /// `text`, compressed when that pays.
    pub fn new(text: &str) -> Self {
        if text.len() >= MIN_PACKED_LEN
            && let Some(packed) = compress(text.as_bytes())
            && packed.len() <= text.len() - text.len() / 8
        {
            debug_assert!(packed.starts_with(&ZSTD_MAGIC));
            return Self(packed.into_boxed_slice());
        }
        Self(text.as_bytes().into())
    }

    /// The text, unpacked if it was packed.
    pub fn text(&self) -> Cow<'_, str> {
        if self.is_compressed() {
            Cow::Owned(decompress(&self.0))
        } else {
            Cow::Borrowed(std::str::from_utf8(&self.0).expect("PackedText::new holds UTF-8"))
        }
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Bytes held for the text (compressed or not), for memory accounting and tests.
    pub fn held_len(&self) -> usize {
        self.0.len()
    }

    /// Whether the text is held compressed.
    pub fn is_compressed(&self) -> bool {
        self.0.starts_with(&ZSTD_MAGIC)
    }
}

impl fmt::Debug for PackedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.text(), f)
    }
}

/// `bytes` as one zstd frame, or `None` if zstd could not set up a context (out of memory):
/// the text is then held as it is.
fn compress(bytes: &[u8]) -> Option<Vec<u8>> {
    COMPRESSOR.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = zstd::bulk::Compressor::new(LEVEL).ok();
        }
        cell.as_mut()?.compress(bytes).ok()
    })
}

/// The text in `frame`, made by [`compress`] from UTF-8.
fn decompress(frame: &[u8]) -> String {
    let bytes = DECOMPRESSOR.with(|cell| {
        let mut cell = cell.borrow_mut();
        let decompressor = cell.get_or_insert_with(|| {
            zstd::bulk::Decompressor::new().expect("zstd allocates a decompression context")
        });
        let size = zstd::bulk::Decompressor::upper_bound(frame)
            .expect("frames made by PackedText::new record their size");
        decompressor
            .decompress(frame, size)
            .expect("frames made by PackedText::new decompress")
    });
    String::from_utf8(bytes).expect("frames made by PackedText::new hold UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANSWER: &str = "Trash and recycling are picked up once a week on your street's \
        collection day. Put the carts at the curb by 6 a.m., lids closed, with at least three \
        feet between them. Trash and recycling are not picked up on city holidays: pickup \
        moves to the next day that week.";

    #[test]
    fn a_long_answer_is_held_compressed_and_reads_back_the_same() {
        let packed = PackedText::new(ANSWER);
        assert!(packed.is_compressed());
        assert!(
            packed.held_len() < ANSWER.len() * 7 / 8,
            "{}",
            packed.held_len()
        );
        assert_eq!(packed.text(), ANSWER);
    }

    #[test]
    fn short_texts_are_held_as_they_are() {
        let short = "Trash and recycling are picked up weekly. Trash and recycling are picked up.";
        for text in [short, "Trash is picked up weekly.", ""] {
            let packed = PackedText::new(text);
            assert!(!packed.is_compressed(), "{text}");
            assert_eq!(packed.held_len(), text.len());
            assert_eq!(packed.text(), text);
        }
        assert!(PackedText::new("").is_empty());
        assert!(!PackedText::new(ANSWER).is_empty());
    }

    #[test]
    fn texts_in_every_script_read_back_the_same() {
        for text in [
            ANSWER.repeat(3),
            "السبت والأحد مغلق. ".repeat(12),
            "图书馆每天开放，节假日除外。".repeat(10),
            "Thư viện mở cửa từ thứ Hai đến thứ Bảy. ".repeat(5),
        ] {
            let packed = PackedText::new(&text);
            assert!(packed.is_compressed());
            assert_eq!(packed.text(), text);
        }
    }

    #[test]
    fn random_texts_of_words_in_many_scripts_read_back_the_same() {
        let words = [
            "trash",
            "Müll",
            "basura",
            "rác",
            "쓰레기",
            "垃圾",
            "قمامة",
            "мусор",
            "&",
            "<b>",
            "\n\n",
            "🚮",
            " ",
            "2026-11-27",
            "\u{a0}",
        ];
        // A fixed xorshift sequence: the same texts on every run.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as usize
        };
        let mut compressed = 0;
        for _ in 0..300 {
            let text: String = (0..next() % 120)
                .map(|_| words[next() % words.len()])
                .collect();
            let packed = PackedText::new(&text);
            compressed += usize::from(packed.is_compressed());
            assert_eq!(packed.text(), text);
        }
        assert!(compressed > 100, "{compressed}");
    }

    #[test]
    fn packed_texts_compare_by_their_text() {
        assert_eq!(PackedText::new(ANSWER), PackedText::new(ANSWER));
        assert_ne!(
            PackedText::new(ANSWER),
            PackedText::new(&ANSWER.replace("6", "7"))
        );
        assert_eq!(
            format!("{:?}", PackedText::new(ANSWER)),
            format!("{ANSWER:?}")
        );
    }

    #[test]
    fn a_packed_text_is_one_pointer_and_length() {
        assert_eq!(size_of::<PackedText>(), 16);
        assert_eq!(size_of::<Option<PackedText>>(), 16);
    }

    #[test]
    fn other_threads_unpack_what_one_packed() {
        let packed = PackedText::new(ANSWER);
        let read = std::thread::spawn(move || packed.text().into_owned());
        assert_eq!(read.join().unwrap(), ANSWER);
    }
}
