// Wayfinder content admin: lets the "Draft an entry from this" forms of the knowledge gaps page
// work without leaving the page. Without this script the forms post normally and the page
// comes back with a notice; with it, the draft is written through the JSON API and the result is
// announced next to the button, focus staying where it is.

const API = '/admin/api/drafts';

/** Shows `text` in the form's status line (a polite live region). */
function say(status, text, isError) {
  status.classList.toggle('error', Boolean(isError));
  status.textContent = text;
}

async function submitDraft(form) {
  const button = form.querySelector('button[type="submit"]');
  const status = form.querySelector('.draft-status');
  if (!button || !status || button.getAttribute('aria-disabled') === 'true') return;
  const data = new FormData(form);
  const topic = String(data.get('topic') || '');
  if (!topic) {
    say(status, 'Choose a topic for the draft first.', true);
    form.querySelector('select[name="topic"]')?.focus();
    return;
  }
  const body = {
    lang: String(data.get('lang') || ''),
    question: String(data.get('question') || ''),
    topic,
    also_asked: String(data.get('also_asked') || '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0),
  };
  button.setAttribute('aria-disabled', 'true');
  say(status, 'Writing the draft…', false);
  let response;
  let answer = {};
  try {
    response = await fetch(API, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-CSRF-Token': String(data.get('csrf_token') || ''),
      },
      body: JSON.stringify(body),
    });
    answer = await response.json().catch(() => ({}));
  } catch {
    button.removeAttribute('aria-disabled');
    say(status, 'The draft was not saved: the server could not be reached. Try again.', true);
    return;
  }
  if (response.status === 201 && answer.path) {
    say(
      status,
      `Draft saved as ${answer.path}. Residents do not see it until an editor publishes it.`,
      false,
    );
    button.textContent = 'Draft saved';
    return;
  }
  button.removeAttribute('aria-disabled');
  if (response.status === 401) {
    say(status, 'Your session has ended: sign in at the staff console again, then retry.', true);
  } else {
    say(status, `The draft was not saved: ${answer.message || `error ${response.status}`}.`, true);
  }
}

for (const form of document.querySelectorAll('form.draft-form')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitDraft(form);
  });
}
