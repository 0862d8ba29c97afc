//! Plain text put together without `format!`: the formatting machinery each `format!` call
//! brings along is the largest cost in the wasm of a line that only joins a few strings.

/// `parts` one after another.
pub fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|part| part.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

/// `parts` that are not blank, trimmed, with `separator` between them.
pub fn join_nonblank(parts: &[&str], separator: &str) -> String {
    let mut out = String::new();
    for part in parts.iter().map(|part| part.trim()) {
        if part.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str(separator);
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_joined() {
        assert_eq!(concat(&["wf-", "rq", "1"]), "wf-rq1");
        assert_eq!(concat(&[]), "");
        assert_eq!(join_nonblank(&[" a ", "", "  ", "b"], ", "), "a, b");
        assert_eq!(join_nonblank(&[" "], ", "), "");
    }
}
