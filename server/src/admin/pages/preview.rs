//! `/admin/preview`: ask as a resident would and see the reply, draft entries included.

use std::fmt::Write as _;

use super::common::plural;
use super::{Context, Page, layout};
use crate::admin::language_name;
use crate::html::escape;
use crate::routes::ask::PreviewResponse;

/// What the preview page shows: the form, filled in again after a question, and the reply.
#[derive(Debug, Clone, Copy)]
pub struct PreviewPage<'a> {
    /// The site's languages as `(tag, name)`, the default first.
    pub languages: &'a [(String, String)],
    /// Draft entries in the content (0: the preview is what residents get).
    pub drafts: usize,
    /// The question asked, if any.
    pub question: &'a str,
    /// The language chosen.
    pub lang: &'a str,
    /// The reply to the question, once asked.
    pub reply: Option<&'a PreviewResponse>,
    /// Why the question could not be previewed (empty, too long, unknown language…).
    pub problem: Option<&'a str>,
}

/// A "draft" mark beside an entry that residents do not see yet.
const DRAFT_MARK: &str =
    r#" <strong class="tag tag-draft">Draft: residents do not see this yet</strong>"#;

/// `/admin/preview`: ask a question as a resident would and see the reply the published and
/// draft entries give, draft answers marked. Nothing asked here is stored or counted.
pub fn preview(ctx: &Context<'_>, page: &PreviewPage<'_>) -> String {
    let mut body = String::new();
    let _ = writeln!(
        body,
        r#"<p class="intro">Ask a question the way a resident would and see the reply they would get, with draft entries included as if they were published. {} Questions asked here are not stored and do not count in the figures.</p>"#,
        match page.drafts {
            0 => "The content has no drafts now, so this is exactly what residents get.".to_owned(),
            n => format!(
                "The content has {} that residents do not see yet.",
                plural(n as u64, "draft entry", "draft entries")
            ),
        }
    );
    let _ = write!(
        body,
        r#"<form class="preview-form" method="post" action="{}">
<input type="hidden" name="csrf_token" value="{}">
<div class="field">
<label for="preview-question">Question</label>
<textarea id="preview-question" name="question" rows="3" maxlength="{}" required{}>{}</textarea>
</div>
<div class="field">
<label for="preview-lang">Language of the page</label>
<select id="preview-lang" name="lang">
"#,
        Page::Preview.path(),
        escape(ctx.csrf_token),
        protocol::MAX_QUESTION_CHARS,
        if page.problem.is_some() {
            r#" aria-invalid="true" aria-describedby="preview-problem""#
        } else {
            ""
        },
        escape(page.question)
    );
    for (tag, name) in page.languages {
        let selected = if tag == page.lang { " selected" } else { "" };
        let _ = writeln!(
            body,
            r#"<option value="{}"{selected}>{} ({})</option>"#,
            escape(tag),
            escape(name),
            escape(tag)
        );
    }
    body.push_str(
        r#"</select>
</div>
<p><button type="submit" class="button button-primary">Preview the reply</button></p>
</form>
"#,
    );
    if let Some(problem) = page.problem {
        let _ = writeln!(
            body,
            r#"<p class="notice notice-error" id="preview-problem" role="alert">{}</p>"#,
            escape(problem)
        );
    }
    if let Some(reply) = page.reply {
        body.push_str(&preview_reply(reply));
    }
    layout(Page::Preview, ctx, Page::Preview.title(), &body)
}

/// The reply of a preview as residents would see it, draft entries marked.
fn preview_reply(preview: &PreviewResponse) -> String {
    let reply = &preview.reply;
    let is_draft = |id: &str| preview.drafts.iter().any(|d| d == id);
    let lang = escape(&reply.lang);
    let dir = i18n::direction(&reply.lang).as_str();
    let mut out = format!(
        r#"<section class="preview-reply" aria-labelledby="preview-reply-title">
<h2 id="preview-reply-title">The reply residents would see</h2>
<p class="meta">{}. Language of the reply: {} <span class="tag">({lang})</span>.</p>
<p lang="{lang}" dir="{dir}">{}</p>
"#,
        if preview.drafts.is_empty() {
            "Only published entries are in this reply"
        } else {
            "This reply shows draft entries, marked below"
        },
        escape(&language_name(&reply.lang)),
        escape(&reply.message)
    );
    if let Some(answer) = &reply.answer {
        let answer_lang = escape(&answer.lang);
        let answer_dir = i18n::direction(&answer.lang).as_str();
        let _ = write!(
            out,
            r#"<article class="preview-answer" aria-labelledby="preview-answer-title">
<h3 id="preview-answer-title"><span lang="{answer_lang}" dir="{answer_dir}">{}</span> <span class="id">({})</span>{}</h3>
<div class="preview-answer-body" lang="{answer_lang}" dir="{answer_dir}">{}</div>
<p class="meta">Official page: <a href="{}">{}</a>. Last reviewed <time datetime="{}">{}</time>.</p>
</article>
"#,
            escape(&answer.title),
            escape(&answer.id),
            if is_draft(&answer.id) { DRAFT_MARK } else { "" },
            // Sanitised when the content was loaded: the same HTML residents get.
            answer.html,
            escape(&answer.source_url),
            escape(&answer.source_url),
            escape(&answer.last_reviewed),
            escape(&answer.last_reviewed)
        );
    }
    if !reply.choices.is_empty() {
        out.push_str(
            r#"<h3 id="preview-choices-title">Choices offered</h3>
<ul class="preview-choices" aria-labelledby="preview-choices-title">
"#,
        );
        for choice in &reply.choices {
            let _ = writeln!(
                out,
                r#"<li><span lang="{}" dir="auto">{}</span> <span class="id">({})</span>{}</li>"#,
                escape(&choice.lang),
                escape(&choice.title),
                escape(&choice.id),
                if is_draft(&choice.id) { DRAFT_MARK } else { "" }
            );
        }
        out.push_str("</ul>\n");
    }
    if !reply.actions.is_empty() {
        out.push_str(
            r#"<h3 id="preview-actions-title">Next steps offered</h3>
<ul class="preview-actions" aria-labelledby="preview-actions-title">
"#,
        );
        for action in &reply.actions {
            let _ = writeln!(
                out,
                r#"<li><span lang="{lang}" dir="{dir}">{}</span> <span class="id">({})</span></li>"#,
                escape(&action.label),
                escape(&action.url)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    out
}
