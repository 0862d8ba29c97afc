//! Where the live-chat endpoints are, built from the server's base URL.

use crate::strings::concat;

/// `GET`: can a person take a chat now?
pub fn availability(base: &str, site: &str) -> String {
    concat(&[base, "/api/v1/live/availability?site=", &encode(site)])
}

/// `POST`: join the queue.
pub fn chats(base: &str) -> String {
    concat(&[base, "/api/v1/chats"])
}

/// The chat's WebSocket: `ws://` or `wss://` as the base is `http://` or `https://`, with the
/// token and the last event already seen.
pub fn socket(base: &str, chat_id: &str, token: &str, after: u64) -> String {
    let (scheme, rest) = if let Some(rest) = base.strip_prefix("https://") {
        ("wss://", rest)
    } else if let Some(rest) = base.strip_prefix("http://") {
        ("ws://", rest)
    } else {
        ("", base)
    };
    concat(&[
        scheme,
        rest,
        "/api/v1/chats/",
        &encode(chat_id),
        "/live?token=",
        &encode(token),
        "&after=",
        &after.to_string(),
    ])
}

/// `POST`: the resident's stars.
pub fn rating(base: &str, chat_id: &str) -> String {
    concat(&[base, "/api/v1/chats/", &encode(chat_id), "/rating"])
}

/// `GET`: the transcript as a download, `format` being `txt` or `html`.
pub fn transcript(base: &str, chat_id: &str, token: &str, format: &str) -> String {
    concat(&[
        base,
        "/api/v1/chats/",
        &encode(chat_id),
        "/transcript?token=",
        &encode(token),
        "&format=",
        format,
    ])
}

/// `POST`: leave a message.
pub fn tickets(base: &str) -> String {
    concat(&[base, "/api/v1/tickets"])
}

/// `text` percent-encoded for a path segment or query value (everything but `A–Z a–z 0–9 - . _ ~`).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn socket_follows_the_base_scheme() {
        assert_eq!(
            socket("https://w.city.gov", "c1", "tok", 4),
            "wss://w.city.gov/api/v1/chats/c1/live?token=tok&after=4"
        );
        assert_eq!(
            socket("http://127.0.0.1:8080/wf", "c1", "tok", 0),
            "ws://127.0.0.1:8080/wf/api/v1/chats/c1/live?token=tok&after=0"
        );
    }

    #[test]
    fn values_are_encoded() {
        assert_eq!(encode("a b/c?d&e=é"), "a%20b%2Fc%3Fd%26e%3D%C3%A9");
        assert_eq!(encode("T-7Q_k.~"), "T-7Q_k.~");
        assert_eq!(
            availability("https://w", "river ton"),
            "https://w/api/v1/live/availability?site=river%20ton"
        );
    }

    #[test]
    fn transcript_links_carry_token_and_format() {
        assert_eq!(
            transcript("https://w", "c1", "t+1", "html"),
            "https://w/api/v1/chats/c1/transcript?token=t%2B1&format=html"
        );
        assert_eq!(
            rating("https://w", "c1"),
            "https://w/api/v1/chats/c1/rating"
        );
        assert_eq!(chats("https://w"), "https://w/api/v1/chats");
        assert_eq!(tickets("https://w"), "https://w/api/v1/tickets");
    }
}
