//! Tokens cut ahead of reading: the buffer a tokenizer fills with one text's tokens, and the
//! stream tantivy reads them from. The bigram and dictionary tokenizers ([`crate::bigram`],
//! [`crate::segmented`]) decide a token only after looking past it, so they cut the whole
//! text first.

use tantivy::tokenizer::{Token, TokenStream};

/// One text's tokens, kept by a tokenizer between texts so that its memory is reused.
#[derive(Debug, Default)]
pub struct TokenBuffer(Vec<Token>);

/// A copy starts empty: the tokens of the last text are scratch space, and copying them made
/// every copy of an analyzer that had indexed a long text expensive.
impl Clone for TokenBuffer {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl TokenBuffer {
    /// Forgets the last text's tokens.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Appends the token `text`, found from byte `from` to byte `to`, at the next position.
    pub fn push(&mut self, from: usize, to: usize, text: &str) {
        let position = self.0.len();
        self.0.push(Token {
            offset_from: from,
            offset_to: to,
            position,
            text: text.to_owned(),
            position_length: 1,
        });
    }

    /// The stream over the tokens pushed since the last [`TokenBuffer::clear`].
    pub fn stream(&mut self) -> BufferedTokens<'_> {
        BufferedTokens {
            tokens: &mut self.0,
            next: 0,
        }
    }
}

/// The stream over a [`TokenBuffer`]'s tokens.
#[derive(Debug)]
pub struct BufferedTokens<'a> {
    tokens: &'a mut Vec<Token>,
    next: usize,
}

impl TokenStream for BufferedTokens<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

/// The texts of the tokens `tokenizer` cuts `text` into, in order: for tokenizers' tests.
#[cfg(test)]
pub(crate) fn token_texts<T: tantivy::tokenizer::Tokenizer>(
    tokenizer: &mut T,
    text: &str,
) -> Vec<String> {
    let mut stream = tokenizer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_stream_in_order_and_copies_start_empty() {
        let mut buffer = TokenBuffer::default();
        buffer.push(0, 3, "one");
        buffer.push(4, 7, "two");
        let mut copy = buffer.clone();
        let mut stream = buffer.stream();
        let mut seen = Vec::new();
        while stream.advance() {
            seen.push((stream.token().text.clone(), stream.token().position));
        }
        assert_eq!(seen, [("one".to_owned(), 0), ("two".to_owned(), 1)]);
        assert!(!copy.stream().advance());
        buffer.clear();
        assert!(!buffer.stream().advance());
    }
}
