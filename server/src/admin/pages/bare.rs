//! Pages without the navigation, for whoever cannot use the others: sign-in, refusal, errors.

use std::fmt::Write as _;

use super::head;
use crate::html::escape;

/// A bare page (no navigation): signing in, refusals, errors.
fn bare(title: &str, body: &str) -> String {
    let mut out = String::new();
    head(&mut out, title);
    let _ = write!(
        out,
        r#"<header class="top">
<div class="top-inner">
<p class="brand"><span class="brand-name">Wayfinder</span> <span class="brand-site">content admin</span></p>
</div>
</header>
<main id="main" tabindex="-1">
<h1>{}</h1>
{body}</main>
</body>
</html>
"#,
        escape(title)
    );
    out
}

/// Shown without a session: where to sign in.
pub fn sign_in_page(path: &str) -> String {
    bare(
        "Sign in to see the content admin",
        &format!(
            r#"<p>These pages are for the site's content admins.</p>
<p><a class="button button-primary" href="/staff">Sign in at the staff console</a></p>
<p>Then come back to <a href="{}">this page</a>.</p>
"#,
            escape(path)
        ),
    )
}

/// Shown to staff without the admin role.
pub fn forbidden_page(account_name: &str) -> String {
    bare(
        "This page is for admins",
        &format!(
            r#"<p>You are signed in as <strong>{}</strong>, a staff account. The content admin pages need an admin account: ask your site's administrator.</p>
<p><a href="/staff">Back to the staff console</a></p>
"#,
            escape(account_name)
        ),
    )
}

/// A request the pages could not serve (a wrong period, a draft that was refused…), with a
/// way back.
pub fn error_page(title: &str, message: &str, back: &str, back_label: &str) -> String {
    bare(
        title,
        &format!(
            r#"<p class="notice notice-error">{}</p>
<p><a href="{}">{}</a></p>
"#,
            escape(message),
            escape(back),
            escape(back_label)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_and_refusal_pages_link_to_the_console() {
        let page = sign_in_page("/admin/gaps");
        assert!(page.contains(r#"href="/staff""#));
        assert!(page.contains(r#"href="/admin/gaps""#));
        assert_eq!(page.matches("<h1>").count(), 1);
        let page = forbidden_page("<Alex>");
        assert!(page.contains("&lt;Alex&gt;"));
    }
}
