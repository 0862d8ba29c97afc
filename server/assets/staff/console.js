// Wayfinder staff console: sign in, take waiting chats from the queue, answer residents live,
// handle the messages they left outside office hours, and the service requests the site keeps
// itself ("local queue" mode).
//
// Talks to the JSON API under /staff/api/ (cookie session, X-CSRF-Token on every POST) and to
// the staff WebSocket /staff/api/live. Every chat event carries a sequence number: the console
// keeps the last one it has per chat, ignores anything older, and fetches what it missed after a
// reconnect. Messages it sends carry their own id, so resending one is harmless.

const API = '/staff/api';
/** How often waiting times are refreshed, in milliseconds. */
const TICK_MS = 5_000;
/** How long the live region waits for more text before speaking. */
const ANNOUNCE_DEBOUNCE_MS = 300;
/** Longest the live region holds back text while more keeps coming. */
const ANNOUNCE_MAX_WAIT_MS = 1_000;
/** After this long without typing, the console tells the resident that staff stopped typing. */
const TYPING_IDLE_MS = 4_000;
/** The resident's typing indicator disappears after this long without news. */
const TYPING_STALE_MS = 15_000;
/** Reconnect and resend delays: 1 s, 2 s, 4 s … at most 30 s. */
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;
/** While the live connection is down, the queue is fetched this often. */
const QUEUE_POLL_MS = 10_000;
/** Messages left outside office hours are refreshed this often. */
const TICKETS_POLL_MS = 60_000;
/** Longest resident message read out in full by the live region. */
const MAX_ANNOUNCED_CHARS = 300;

const CLOSE_REASONS = {
  resolved: 'Resolved',
  referred: 'Referred elsewhere',
  no_response: 'No response',
  other: 'Other',
};

// ---- small helpers ---------------------------------------------------------------------------

const $ = (id) => document.getElementById(id);

/** Creates an element with attributes and children (strings become text nodes). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function uuid() {
  if (globalThis.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function nextDelay(current) {
  return Math.min(current ? current * 2 : RETRY_FIRST_MS, RETRY_MAX_MS);
}

let languageNames = null;
try {
  languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
} catch {
  languageNames = null;
}

/** "Spanish" for `es`; the tag itself when the browser does not know it. */
function languageName(tag) {
  if (!tag) return 'Unknown language';
  try {
    const name = languageNames && languageNames.of(tag);
    if (name && name.toLowerCase() !== tag.toLowerCase()) return name;
  } catch {
    // An invalid tag: show it as it is.
  }
  return tag;
}

/** "Spanish (es)". */
function languageLabel(tag) {
  const name = languageName(tag);
  return name === tag ? tag : `${name} (${tag})`;
}

/** Human-readable waiting time: "less than 1 min", "2 min", "1 h 5 min". */
function formatWait(seconds) {
  const s = Math.max(0, Math.floor(seconds || 0));
  if (s < 60) return 'less than 1 min';
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

const timeFormat = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

function timeElement(at, format = timeFormat) {
  const date = at ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime())) return null;
  return h('time', { datetime: date.toISOString() }, format.format(date));
}

/** A short label for a chat id, for names and headings: "chat 3", "chat 7F3A2C". */
function chatNumber(id) {
  const text = String(id);
  if (text.length <= 8) return text;
  const compact = text.replace(/[^0-9a-zA-Z]/g, '');
  return compact.slice(0, 6).toUpperCase();
}

function chatLabel(id) {
  return `chat ${chatNumber(id)}`;
}

function capitalize(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function excerpt(text, max) {
  const clean = String(text || '').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function departmentName(department) {
  if (!department) return '';
  if (typeof department === 'string') {
    const known = state.me && state.me.departments.find((d) => d.id === department);
    return known ? known.name : department;
  }
  return department.name || department.id || '';
}

function departmentId(department) {
  if (!department) return '';
  return typeof department === 'string' ? department : department.id || '';
}

/** Whether focus is inside `el` (or on it). */
function hasFocus(el) {
  return Boolean(el && document.activeElement && el.contains(document.activeElement));
}

/** Whether the focused element is gone (removed or hidden) so focus fell back to the page. */
function focusIsLost() {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

// ---- the live region -------------------------------------------------------------------------

const announcer = {
  queue: [],
  timer: 0,
  firstAt: 0,
  /** Says `text` (plain) once, shortly; a burst of calls is spoken together. */
  say(text) {
    const clean = String(text || '').replace(/\s+/g, ' ').trim();
    if (!clean) return;
    const now = performance.now();
    if (!this.queue.length) this.firstAt = now;
    if (!this.queue.includes(clean)) this.queue.push(clean);
    clearTimeout(this.timer);
    // Wait for the burst to end, but never hold the first words back for long.
    const wait = Math.min(ANNOUNCE_DEBOUNCE_MS, Math.max(0, this.firstAt + ANNOUNCE_MAX_WAIT_MS - now));
    this.timer = setTimeout(() => this.flush(), wait);
  },
  flush() {
    const region = $('announcer');
    const text = this.queue.join(' ');
    this.queue = [];
    region.textContent = '';
    // A fresh text node after clearing makes screen readers speak repeated words too.
    setTimeout(() => {
      region.textContent = text;
    }, 50);
  },
  clear() {
    clearTimeout(this.timer);
    this.queue = [];
    $('announcer').textContent = '';
  },
};

// ---- the API ---------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, code, message, retryAfter) {
    super(message || code);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  /** Worth trying again later with the same request: the network or the server failed. */
  get transient() {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

async function api(method, path, body, { retryCsrf = true } = {}) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && path !== '/login') headers['X-CSRF-Token'] = state.csrf;
  let response;
  try {
    response = await fetch(API + path, init);
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  const raw = await response.text().catch(() => '');
  let data = null;
  if (raw) {
    try {
      data = JSON.parse(raw);
    } catch {
      data = null;
    }
  }
  if (response.ok) return data;
  const code = (data && data.code) || `http_${response.status}`;
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') || '', 10);
  const error = new ApiError(
    response.status,
    code,
    (data && data.message) || response.statusText,
    Number.isFinite(retryAfter) ? retryAfter : undefined,
  );
  if (code === 'csrf_rejected' && retryCsrf && state.me) {
    // The token may have been renewed elsewhere: fetch the current one and try once more.
    const me = await api('GET', '/me', undefined, { retryCsrf: false }).catch(() => null);
    if (me && me.csrf_token) {
      state.csrf = me.csrf_token;
      return api(method, path, body, { retryCsrf: false });
    }
  }
  if (response.status === 401 && path !== '/login' && state.me) sessionEnded();
  throw error;
}

const enc = encodeURIComponent;

// ---- state -----------------------------------------------------------------------------------

const state = {
  me: null,
  csrf: '',
  waiting: [],
  /** All waiting chats of the site; the queue lists only the oldest. */
  waitingTotal: 0,
  waitingAt: 0,
  knownWaiting: null,
  staffOnline: 0,
  /** chat id → chat (see newChat) in tab order. */
  chats: new Map(),
  selected: null,
  nextPanel: 1,
  canned: new Map(),
  tickets: [],
  socket: null,
  socketUp: false,
  everConnected: false,
  reconnectDelay: 0,
  reconnectTimer: 0,
  reconnectAnnounced: false,
  queuePollTimer: 0,
  ticketsTimer: 0,
  tickTimer: 0,
  queueBusy: new Set(),
  /** Chats removed from "My chats" here: not added back from the queue's list. */
  dismissed: new Set(),
};

// ---- sign in and out -------------------------------------------------------------------------

function showSignIn(message) {
  $('boot').hidden = true;
  $('console').hidden = true;
  $('account').hidden = true;
  $('sections').hidden = true;
  $('connection').hidden = true;
  $('signin').hidden = false;
  setSignInError(message || '');
  document.title = 'Sign in | Staff console | Wayfinder';
}

function setSignInError(message, fields = []) {
  const box = $('signin-error');
  box.textContent = message;
  box.hidden = !message;
  for (const input of [$('signin-email'), $('signin-password')]) {
    if (message) input.setAttribute('aria-describedby', 'signin-error');
    else input.removeAttribute('aria-describedby');
    if (fields.includes(input)) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  if (message) announcer.say(message);
}

let signingIn = false;

async function onSignIn(event) {
  event.preventDefault();
  if (signingIn) return;
  const email = $('signin-email');
  const password = $('signin-password');
  const missing = [email, password].filter((input) => !input.value.trim());
  if (missing.length) {
    setSignInError(
      missing.length === 2
        ? 'Enter your e-mail address and your password.'
        : missing[0] === email
          ? 'Enter your e-mail address.'
          : 'Enter your password.',
      missing,
    );
    return;
  }
  signingIn = true;
  const submit = $('signin-submit');
  submit.setAttribute('aria-disabled', 'true');
  submit.textContent = 'Signing in…';
  try {
    const me = await api('POST', '/login', { email: email.value.trim(), password: password.value });
    password.value = '';
    setSignInError('');
    const hadFocus = hasFocus($('signin'));
    startConsole(me);
    announcer.say(`Signed in as ${me.name}.`);
    if (hadFocus || focusIsLost()) $('queue-title').focus();
  } catch (error) {
    let message;
    let fields = [];
    if (error.code === 'invalid_credentials') {
      message = 'The e-mail address or password is not correct. Check them and try again.';
      fields = [email, password];
      password.value = '';
    } else if (error.code === 'rate_limited') {
      message = error.retryAfter
        ? `Too many sign-in attempts. Wait ${formatSeconds(error.retryAfter)}, then try again.`
        : 'Too many sign-in attempts. Wait a minute, then try again.';
    } else if (error.status === 0) {
      message = 'The server could not be reached. Check your connection and try again.';
    } else {
      message = 'Signing in failed because of a problem on the server. Try again in a moment.';
    }
    setSignInError(message, fields);
  } finally {
    signingIn = false;
    submit.removeAttribute('aria-disabled');
    submit.textContent = 'Sign in';
  }
}

function formatSeconds(seconds) {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

async function onSignOut() {
  const button = $('sign-out');
  if (button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  try {
    await api('POST', '/logout');
  } catch (error) {
    if (error.status !== 401) {
      button.removeAttribute('aria-disabled');
      announcer.say('Signing out failed. Try again.');
      return;
    }
  }
  button.removeAttribute('aria-disabled');
  stopConsole();
  showSignIn('');
  announcer.say('You are signed out.');
  $('signin-email').focus();
}

/** The session expired or was revoked while the console was open. */
function sessionEnded() {
  if (!state.me) return;
  stopConsole();
  showSignIn('Your session has ended. Sign in again to continue.');
}

// ---- the console -----------------------------------------------------------------------------

function startConsole(me) {
  state.me = me;
  state.csrf = me.csrf_token || '';
  $('boot').hidden = true;
  $('signin').hidden = true;
  $('console').hidden = false;
  $('account').hidden = false;
  $('sections').hidden = false;
  $('account-name').textContent = me.name || me.email;
  $('site-name').textContent = me.site_name ? `Staff console · ${me.site_name}` : 'Staff console';
  $('chats-limit').textContent = me.max_chats
    ? `You can take up to ${me.max_chats} chats at once.`
    : '';
  updateTitle();
  connect();
  loadQueue();
  loadTickets({ quiet: true });
  state.tickTimer = setInterval(tick, TICK_MS);
  state.ticketsTimer = setInterval(() => loadTickets({ quiet: true }), TICKETS_POLL_MS);
  startRequests();
}

function stopConsole() {
  state.me = null;
  state.csrf = '';
  clearInterval(state.tickTimer);
  clearInterval(state.ticketsTimer);
  clearInterval(state.queuePollTimer);
  clearTimeout(state.reconnectTimer);
  state.queuePollTimer = 0;
  if (state.socket) {
    const socket = state.socket;
    state.socket = null;
    socket.close(1000);
  }
  state.socketUp = false;
  state.everConnected = false;
  state.reconnectDelay = 0;
  state.reconnectAnnounced = false;
  for (const chat of state.chats.values()) {
    for (const item of chat.pending) clearTimeout(item.retryTimer);
    clearTimeout(chat.typingTimer);
    clearTimeout(chat.myTypingTimer);
  }
  state.chats.clear();
  state.dismissed.clear();
  state.selected = null;
  state.waiting = [];
  state.waitingTotal = 0;
  state.knownWaiting = null;
  state.tickets = [];
  state.canned.clear();
  $('chat-tabs').replaceChildren();
  $('chat-panels').replaceChildren();
  $('queue-rows').replaceChildren();
  $('tickets-rows').replaceChildren();
  $('queue-message').hidden = true;
  $('tickets-message').hidden = true;
  renderQueueEmpty();
  renderTicketsEmpty();
  renderChatsEmpty();
  $('connection').hidden = true;
  stopRequests();
}

function updateTitle() {
  let unread = 0;
  for (const chat of state.chats.values()) unread += chat.unread;
  const waiting = Math.max(state.waitingTotal, state.waiting.length);
  setCount($('nav-waiting'), waiting, 'waiting');
  setCount($('nav-unread'), unread, 'unread');
  setCount($('nav-tickets'), state.tickets.length, 'open');
  const parts = [];
  if (unread) parts.push(`${unread} unread`);
  if (waiting) parts.push(`${waiting} waiting`);
  document.title = `${parts.length ? `(${parts.join(', ')}) ` : ''}Staff console | Wayfinder`;
}

/** A number in a navigation link, with a word for screen readers: "2 unread". */
function setCount(el, count, word) {
  if (count > 0) el.replaceChildren(String(count), h('span', { class: 'visually-hidden' }, ` ${word}`));
  else el.replaceChildren();
}

function tick() {
  renderWaitTimes();
}

// ---- the live connection ---------------------------------------------------------------------

function connect() {
  if (!state.me) return;
  clearTimeout(state.reconnectTimer);
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  let socket;
  try {
    socket = new WebSocket(`${scheme}//${location.host}${API}/live`);
  } catch {
    scheduleReconnect();
    return;
  }
  state.socket = socket;
  socket.addEventListener('open', () => {
    if (state.socket !== socket) return;
    const again = state.everConnected;
    state.socketUp = true;
    state.everConnected = true;
    state.reconnectDelay = 0;
    clearInterval(state.queuePollTimer);
    state.queuePollTimer = 0;
    $('connection').hidden = true;
    if (state.reconnectAnnounced) announcer.say('Connected again.');
    state.reconnectAnnounced = false;
    if (again) resync();
  });
  socket.addEventListener('message', (event) => {
    if (state.socket !== socket) return;
    onFrame(event.data);
  });
  socket.addEventListener('close', () => {
    if (state.socket !== socket) return;
    state.socket = null;
    state.socketUp = false;
    scheduleReconnect();
  });
}

function scheduleReconnect() {
  if (!state.me) return;
  $('connection-text').textContent = 'Reconnecting…';
  $('connection').hidden = false;
  if (!state.reconnectAnnounced) {
    state.reconnectAnnounced = true;
    announcer.say('Connection lost. Reconnecting…');
  }
  if (!state.queuePollTimer) {
    state.queuePollTimer = setInterval(() => loadQueue(), QUEUE_POLL_MS);
  }
  state.reconnectDelay = nextDelay(state.reconnectDelay);
  const wait = state.reconnectDelay;
  clearTimeout(state.reconnectTimer);
  state.reconnectTimer = setTimeout(async () => {
    if (!state.me) return;
    // A refused upgrade looks like a dropped connection: make sure the session is still valid.
    if (wait >= 4_000) {
      try {
        const me = await api('GET', '/me');
        if (me && me.csrf_token) state.csrf = me.csrf_token;
      } catch (error) {
        if (error.status === 401) return;
      }
    }
    connect();
  }, wait);
}

/** After a reconnect: what happened meanwhile, and every message not yet acknowledged. */
function resync() {
  loadQueue();
  for (const chat of state.chats.values()) {
    if (!chat.ended) catchUp(chat);
    resendPending(chat);
  }
}

function send(frame) {
  if (!state.socketUp || !state.socket) return false;
  try {
    state.socket.send(JSON.stringify(frame));
    return true;
  } catch {
    return false;
  }
}

function onFrame(data) {
  let frame;
  try {
    frame = JSON.parse(data);
  } catch {
    return;
  }
  if (!frame || typeof frame !== 'object') return;
  switch (frame.type) {
    case 'queue':
      applyQueue(frame);
      break;
    case 'event': {
      const chat = state.chats.get(frame.chat_id);
      if (chat && frame.event) applyEvent(chat, frame.event, { live: true });
      break;
    }
    case 'typing': {
      const chat = state.chats.get(frame.chat_id);
      if (chat) setResidentTyping(chat, Boolean(frame.active));
      break;
    }
    case 'ack':
      for (const chat of state.chats.values()) {
        const item = chat.pending.find((p) => p.id === frame.id);
        if (item) acknowledge(chat, item, frame.seq);
      }
      break;
    case 'error':
      if (frame.message) announcer.say(frame.message);
      break;
    default:
      break;
  }
}

// ---- the queue -------------------------------------------------------------------------------

async function loadQueue() {
  if (!state.me) return;
  try {
    const queue = await api('GET', '/queue');
    if (queue) applyQueue(queue);
  } catch {
    // The next queue frame or poll will bring it.
  }
}

function applyQueue(queue) {
  const waiting = Array.isArray(queue.waiting) ? queue.waiting : [];
  const total = Math.max(Number(queue.waiting_total) || 0, waiting.length);
  const previousTotal = state.waitingTotal;
  state.waiting = waiting;
  state.waitingTotal = total;
  state.waitingAt = performance.now();
  state.staffOnline = Number(queue.staff_online) || 0;
  $('staff-online-count').textContent = String(state.staffOnline);

  const ids = new Set(waiting.map((c) => c.chat_id));
  if (state.knownWaiting) {
    const fresh = waiting.filter((c) => !state.knownWaiting.has(c.chat_id));
    if (fresh.length === 1) {
      const c = fresh[0];
      const where = departmentName(c.department);
      announcer.say(`New chat waiting: ${languageName(c.lang)}${where ? `, ${where}` : ''}.`);
    } else if (fresh.length > 1) {
      announcer.say(`${fresh.length} new chats waiting.`);
    } else if (total > previousTotal && waiting.length < total) {
      // The newcomers are beyond the listed oldest chats.
      announcer.say(`New chat waiting. ${total} chats are waiting.`);
    }
  }
  state.knownWaiting = ids;
  renderQueue();

  if (Array.isArray(queue.mine)) syncMine(queue.mine);
  updateTitle();
}

function waitingSecondsOf(summary) {
  const elapsed = (performance.now() - state.waitingAt) / 1000;
  return (Number(summary.waiting_seconds) || 0) + elapsed;
}

function acceptLabel(summary) {
  return `Accept ${chatLabel(summary.chat_id)} (${languageName(summary.lang)}, waiting ${formatWait(
    waitingSecondsOf(summary),
  )})`;
}

function renderQueue() {
  const body = $('queue-rows');
  syncRows(
    body,
    state.waiting,
    (summary) => summary.chat_id,
    buildQueueRow,
    updateQueueRow,
    (id) => `${capitalize(chatLabel(id))} is no longer waiting`,
  );
  renderQueueEmpty();
}

function renderQueueEmpty() {
  const hasRows = $('queue-rows').children.length > 0;
  $('queue-wrap').hidden = !hasRows;
  $('queue-empty').hidden = hasRows;
  const more = state.waitingTotal > state.waiting.length;
  $('queue-more').hidden = !more;
  if (more) {
    setText($('queue-more'), `Showing the ${state.waiting.length} longest waits of ${state.waitingTotal} waiting chats.`);
  }
}

function buildQueueRow(summary) {
  const button = h('button', { type: 'button', class: 'button button-primary', 'data-action': 'accept' }, 'Accept');
  button.addEventListener('click', () => {
    const row = button.closest('tr');
    const current = state.waiting.find((c) => c.chat_id === row.dataset.key);
    if (!current || row.classList.contains('gone')) {
      announcer.say(`${capitalize(chatLabel(row.dataset.key))} is no longer waiting.`);
      return;
    }
    acceptChat(current, button);
  });
  return h(
    'tr',
    {},
    h('td', { class: 'wait' }),
    h('td', { class: 'lang' }),
    h('td', { class: 'department' }),
    h('td', { class: 'preview', dir: 'auto' }),
    h('td', { class: 'action' }, button),
  );
}

function updateQueueRow(row, summary) {
  const [wait, lang, department, preview] = row.cells;
  setText(wait, formatWait(waitingSecondsOf(summary)));
  setText(lang, languageLabel(summary.lang));
  setText(department, departmentName(summary.department) || 'General');
  const text = summary.preview ? excerpt(summary.preview, 240) : '';
  if (text) {
    setText(preview, text);
    preview.setAttribute('lang', summary.lang || '');
    preview.classList.remove('empty');
  } else {
    setText(preview, 'No question yet');
    preview.removeAttribute('lang');
    preview.classList.add('empty');
  }
  const button = row.querySelector('[data-action="accept"]');
  const label = acceptLabel(summary);
  if (button.getAttribute('aria-label') !== label) button.setAttribute('aria-label', label);
  if (state.queueBusy.has(summary.chat_id)) button.setAttribute('aria-disabled', 'true');
  else button.removeAttribute('aria-disabled');
}

function renderWaitTimes() {
  const body = $('queue-rows');
  for (const row of body.rows) {
    if (row.classList.contains('gone')) continue;
    const summary = state.waiting.find((c) => c.chat_id === row.dataset.key);
    if (summary) updateQueueRow(row, summary);
  }
}

function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/**
 * Makes the rows of `body` match `items` (keyed), updating rows in place so focus stays put.
 * A row that holds focus when its item disappears stays, marked as gone, until focus leaves.
 */
function syncRows(body, items, keyOf, build, update, goneLabel) {
  const existing = new Map();
  for (const row of [...body.rows]) existing.set(row.dataset.key, row);
  const focused = document.activeElement;
  let anchor = body.firstElementChild;
  for (const item of items) {
    const key = String(keyOf(item));
    let row = existing.get(key);
    existing.delete(key);
    if (!row) {
      row = build(item);
      row.dataset.key = key;
    }
    row.classList.remove('gone');
    update(row, item);
    if (row !== anchor) body.insertBefore(row, anchor);
    else anchor = anchor.nextElementSibling;
  }
  for (const row of existing.values()) {
    if (row.contains(focused)) markGone(row, goneLabel(row.dataset.key));
    else row.remove();
  }
  // Moving a row that holds focus drops the focus: put it back where it was.
  if (focused && focused !== document.activeElement && focused.isConnected && body.contains(focused)) {
    focused.focus();
  }
}

function markGone(row, label) {
  if (row.classList.contains('gone')) return;
  row.classList.add('gone');
  const button = row.querySelector('button');
  if (button) {
    button.setAttribute('aria-disabled', 'true');
    button.setAttribute('aria-label', label);
  }
  if (row.parentElement === $('queue-rows') && row.cells[0]) row.cells[0].textContent = 'No longer waiting';
  const leave = (event) => {
    if (row.contains(event.relatedTarget)) return;
    row.removeEventListener('focusout', leave);
    if (row.classList.contains('gone')) {
      row.remove();
      renderQueueEmpty();
      renderTicketsEmpty();
      renderRequestsEmpty();
    }
  };
  row.addEventListener('focusout', leave);
}

async function acceptChat(summary, button) {
  const id = summary.chat_id;
  if (state.queueBusy.has(id)) return;
  state.queueBusy.add(id);
  button.setAttribute('aria-disabled', 'true');
  hideNotice('queue-message');
  try {
    const accepted = await api('POST', `/chats/${enc(id)}/accept`);
    state.dismissed.delete(id);
    const chat = ensureChat(accepted || { ...summary, state: 'active' });
    const moveFocus = document.activeElement === button || focusIsLost();
    selectChat(chat);
    announcer.say(`You accepted ${chatLabel(id)}, ${languageLabel(chat.summary.lang)}.`);
    // Focus was on the Accept button, which goes away: continue in the chat's reply box.
    if (moveFocus) chat.el.reply.focus();
    state.waiting = state.waiting.filter((c) => c.chat_id !== id);
    state.waitingTotal = Math.max(0, state.waitingTotal - 1);
    renderQueue();
    updateTitle();
    loadQueue();
  } catch (error) {
    let message;
    if (error.code === 'chat_taken') {
      message = `Another staff member already accepted ${chatLabel(id)}.`;
    } else if (error.code === 'too_many_chats') {
      const max = state.me && state.me.max_chats;
      message = max
        ? `You already have ${max} open chats, the most you can take at once. Close one before accepting another.`
        : 'You already have as many open chats as you can take at once. Close one before accepting another.';
    } else if (error.code === 'chat_closed' || error.code === 'unknown_chat') {
      message = `${capitalize(chatLabel(id))} has ended: the resident left.`;
    } else if (error.status === 0) {
      message = `Could not accept ${chatLabel(id)}: the server could not be reached. Try again.`;
    } else if (error.status !== 401) {
      message = `Could not accept ${chatLabel(id)}. Try again.`;
    }
    if (message) showNotice('queue-message', message, true);
    loadQueue();
  } finally {
    state.queueBusy.delete(id);
    if (button.isConnected && !button.closest('tr.gone')) button.removeAttribute('aria-disabled');
  }
}

function showNotice(id, message, error = false) {
  const box = $(id);
  box.textContent = message;
  box.classList.toggle('notice-error', error);
  box.hidden = false;
  announcer.say(message);
}

function hideNotice(id) {
  const box = $(id);
  box.hidden = true;
  box.textContent = '';
}

// ---- my chats --------------------------------------------------------------------------------

/** The chat for `summary`, creating its tab and panel (and loading it) if it is new. */
function ensureChat(summary) {
  let chat = state.chats.get(summary.chat_id);
  if (chat) {
    updateSummary(chat, summary);
    if (chat.ended && summary.state === 'active') reopenChat(chat);
    return chat;
  }
  chat = {
    id: summary.chat_id,
    summary,
    lastSeq: 0,
    seen: new Set(),
    pending: [],
    unread: 0,
    loaded: false,
    loading: null,
    catchingUp: null,
    ended: null,
    typingTimer: 0,
    myTyping: false,
    myTypingTimer: 0,
    n: state.nextPanel++,
    el: null,
  };
  chat.el = buildChat(chat);
  state.chats.set(chat.id, chat);
  renderChatHeader(chat);
  renderChatsEmpty();
  loadChat(chat);
  loadCanned(chat);
  return chat;
}

function updateSummary(chat, summary) {
  if (!summary) return;
  chat.summary = { ...chat.summary, ...summary };
  renderChatHeader(chat);
}

/** Chats the server says are mine: add the missing ones, check on the ones no longer listed. */
function syncMine(mine) {
  const ids = new Set(mine.map((c) => c.chat_id));
  for (const summary of mine) {
    if (summary.state === 'closed' || state.dismissed.has(summary.chat_id)) continue;
    const known = state.chats.has(summary.chat_id);
    const chat = ensureChat(summary);
    if (!known && !state.selected) selectChat(chat);
  }
  for (const chat of state.chats.values()) {
    if (!ids.has(chat.id) && !chat.ended && chat.loaded) catchUp(chat);
  }
}

function buildChat(chat) {
  const fragment = $('chat-panel-template').content.cloneNode(true);
  const prefix = `chat-${chat.n}-`;
  for (const el of fragment.querySelectorAll('*')) {
    for (const name of ['id', 'for', 'aria-labelledby', 'aria-describedby', 'aria-controls']) {
      const value = el.getAttribute(name);
      if (value && value.includes('chat-N-')) el.setAttribute(name, value.replaceAll('chat-N-', prefix));
    }
  }
  const panel = fragment.firstElementChild;
  panel.dataset.chatId = chat.id;
  const part = (name) => panel.querySelector(`[data-part="${name}"]`);
  const tab = h(
    'button',
    {
      type: 'button',
      role: 'tab',
      class: 'chat-tab',
      id: `${prefix}tab`,
      'aria-controls': `${prefix}panel`,
      'aria-selected': 'false',
      tabindex: '-1',
      'data-chat-id': chat.id,
    },
    h('span', { class: 'tab-label' }),
    h('span', { class: 'tab-state', hidden: true }, '(ended)'),
    h('span', { class: 'badge', hidden: true }),
  );
  tab.addEventListener('click', () => selectChat(chat, { byUser: true }));
  tab.addEventListener('keydown', onTabKey);

  const el = {
    tab,
    tabLabel: tab.querySelector('.tab-label'),
    tabState: tab.querySelector('.tab-state'),
    badge: tab.querySelector('.badge'),
    panel,
    title: part('title'),
    meta: part('meta'),
    log: part('log'),
    events: part('events'),
    typing: part('typing'),
    ended: part('ended'),
    endedText: part('ended-text'),
    composer: part('composer'),
    reply: part('reply'),
    tools: part('tools'),
    canned: part('canned'),
    transfer: part('transfer'),
    department: part('department'),
    close: part('close'),
    reason: part('reason'),
    note: part('note'),
    bot: part('bot'),
    botEmpty: part('bot-empty'),
  };

  el.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    submitReply(chat);
  });
  el.reply.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && !event.isComposing) {
      event.preventDefault();
      submitReply(chat);
    }
  });
  el.reply.addEventListener('input', () => onReplyInput(chat));
  el.reply.addEventListener('blur', () => stopTyping(chat));
  panel.querySelector('[data-action="insert"]').addEventListener('click', () => insertCanned(chat));
  el.transfer.addEventListener('submit', (event) => {
    event.preventDefault();
    transferChat(chat, event.submitter);
  });
  el.close.addEventListener('submit', (event) => {
    event.preventDefault();
    closeChat(chat, event.submitter);
  });
  panel.querySelector('[data-action="dismiss"]').addEventListener('click', () => {
    removeChat(chat, { focusNext: true });
  });

  const departments = (state.me && state.me.departments) || [];
  el.department.replaceChildren(...departments.map((d) => h('option', { value: d.id }, d.name)));

  $('chat-tabs').append(tab);
  $('chat-panels').append(panel);
  return el;
}

function renderChatHeader(chat) {
  const s = chat.summary;
  const dept = departmentName(s.department);
  const heading = `${capitalize(chatLabel(chat.id))}: ${languageLabel(s.lang)}${dept ? `, ${dept}` : ''}`;
  setText(chat.el.title, heading);
  setText(chat.el.tabLabel, `${capitalize(chatLabel(chat.id))} · ${languageName(s.lang)}`);
  renderUnread(chat);
  renderChatMeta(chat);
  // Transfer only to another department.
  const current = departmentId(s.department);
  let firstOther = null;
  for (const option of chat.el.department.options) {
    option.hidden = option.value === current;
    option.disabled = option.value === current;
    if (!option.disabled && !firstOther) firstOther = option;
  }
  if (chat.el.department.selectedOptions[0]?.disabled && firstOther) firstOther.selected = true;
  chat.el.transfer.hidden = !firstOther;
}

function renderChatMeta(chat) {
  const s = chat.summary;
  const created = s.created_at ? new Date(s.created_at) : null;
  const parts = [];
  if (created && !Number.isNaN(created.getTime())) parts.push(`Started at ${timeFormat.format(created)}`);
  if (s.staff_name) parts.push(`with ${s.staff_name}`);
  setText(chat.el.meta, parts.join(' '));
}

function renderUnread(chat) {
  const badge = chat.el.badge;
  if (chat.unread > 0) {
    badge.replaceChildren(String(chat.unread), h('span', { class: 'visually-hidden' }, ' unread'));
    badge.hidden = false;
  } else {
    badge.replaceChildren();
    badge.hidden = true;
  }
  chat.el.tab.classList.toggle('ended', Boolean(chat.ended));
  chat.el.tabState.hidden = !chat.ended;
}

function renderChatsEmpty() {
  $('chats-empty').hidden = state.chats.size > 0;
}

function selectChat(chat, { byUser = false } = {}) {
  state.selected = chat.id;
  for (const other of state.chats.values()) {
    const on = other === chat;
    other.el.tab.setAttribute('aria-selected', on ? 'true' : 'false');
    other.el.tab.tabIndex = on ? 0 : -1;
    other.el.panel.hidden = !on;
  }
  if (chat.unread) {
    chat.unread = 0;
    renderUnread(chat);
    updateTitle();
  }
  scrollLog(chat, true);
  if (byUser) chat.el.tab.focus();
}

function onTabKey(event) {
  const tabs = [...$('chat-tabs').querySelectorAll('[role="tab"]')];
  const index = tabs.indexOf(event.currentTarget);
  let next = -1;
  if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (index + 1) % tabs.length;
  else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (index - 1 + tabs.length) % tabs.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = tabs.length - 1;
  if (next < 0) return;
  event.preventDefault();
  const chat = [...state.chats.values()].find((c) => c.el.tab === tabs[next]);
  if (chat) selectChat(chat, { byUser: true });
}

/** Removes a chat's tab and panel; focus that was inside goes to a neighbouring tab. */
function removeChat(chat, { focusNext = false } = {}) {
  const list = [...state.chats.values()];
  const index = list.indexOf(chat);
  const hadFocus = hasFocus(chat.el.panel) || hasFocus(chat.el.tab);
  for (const item of chat.pending) clearTimeout(item.retryTimer);
  clearTimeout(chat.typingTimer);
  clearTimeout(chat.myTypingTimer);
  chat.el.tab.remove();
  chat.el.panel.remove();
  state.chats.delete(chat.id);
  state.dismissed.add(chat.id);
  // One chat fewer: a "too many chats" notice no longer holds.
  hideNotice('queue-message');
  const neighbour = list[index + 1] || list[index - 1] || null;
  if (state.selected === chat.id) {
    state.selected = null;
    if (neighbour) selectChat(neighbour);
  }
  renderChatsEmpty();
  updateTitle();
  if ((hadFocus && focusNext) || focusIsLost()) {
    if (neighbour) neighbour.el.tab.focus();
    else $('chats-title').focus();
  }
}

async function loadChat(chat) {
  if (chat.loading) return chat.loading;
  chat.loading = (async () => {
    for (let wait = 0; state.chats.get(chat.id) === chat; wait = nextDelay(wait)) {
      try {
        const data = await api('GET', `/chats/${enc(chat.id)}`);
        if (state.chats.get(chat.id) !== chat) return;
        updateSummary(chat, data.chat);
        renderBot(chat, Array.isArray(data.bot) ? data.bot : []);
        for (const event of data.events || []) applyEvent(chat, event, { live: false });
        if (data.chat && data.chat.state === 'closed' && !chat.ended) {
          markEnded(chat, `${capitalize(chatLabel(chat.id))} has ended.`);
        }
        chat.loaded = true;
        scrollLog(chat, true);
        return;
      } catch (error) {
        if (!error.transient) {
          if (error.status !== 401) markEnded(chat, `${capitalize(chatLabel(chat.id))} could not be opened.`);
          return;
        }
        await delay(wait || RETRY_FIRST_MS);
      }
    }
  })();
  try {
    await chat.loading;
  } finally {
    chat.loading = null;
  }
  return undefined;
}

/** Fetches the events after the last one this chat has (after a reconnect or a gap). */
async function catchUp(chat) {
  if (!chat.loaded) {
    await loadChat(chat);
    return;
  }
  if (chat.catchingUp) {
    chat.catchUpAgain = true;
    return;
  }
  chat.catchingUp = true;
  try {
    do {
      chat.catchUpAgain = false;
      const data = await api('GET', `/chats/${enc(chat.id)}?after=${chat.lastSeq}`);
      if (state.chats.get(chat.id) !== chat) return;
      updateSummary(chat, data.chat);
      for (const event of data.events || []) applyEvent(chat, event, { live: true });
    } while (chat.catchUpAgain);
  } catch {
    // Tried again on the next reconnect or gap.
  } finally {
    chat.catchingUp = null;
  }
}

function renderBot(chat, turns) {
  const items = turns.map((turn) => {
    const fromBot = turn.role === 'bot';
    return h(
      'li',
      { class: fromBot ? 'from-bot' : 'from-resident' },
      h('p', { class: 'msg-meta' }, h('span', {}, fromBot ? 'Bot' : 'Resident'), timeElement(turn.at)),
      h('p', { class: 'msg-text', lang: chat.summary.lang || null, dir: 'auto' }, turn.text || ''),
    );
  });
  chat.el.bot.replaceChildren(...items);
  chat.el.bot.hidden = items.length === 0;
  chat.el.botEmpty.hidden = items.length > 0;
}

// ---- events ----------------------------------------------------------------------------------

/**
 * Adds one event to a chat unless it was seen already. `live` events are news (announced when
 * the chat is selected, counted as unread otherwise); the others are history.
 */
function applyEvent(chat, event, { live }) {
  const seq = Number(event.seq);
  if (!Number.isFinite(seq) || seq <= chat.lastSeq || chat.seen.has(seq)) return;

  // My own message, delivered before the answer to its POST arrived: bind it to its copy.
  if (event.kind === 'message' && event.from === 'staff') {
    const mine = chat.pending.find(
      (item) => item.seq === null && item.text === event.text && (!event.name || event.name === state.me?.name),
    );
    if (mine) {
      acknowledge(chat, mine, seq);
      return;
    }
  }

  markSeen(chat, seq);
  const li = renderEvent(chat, event);
  insertBySeq(chat, li, seq);

  if (event.kind === 'message' && event.from === 'resident') {
    setResidentTyping(chat, false);
    if (live) {
      if (state.selected === chat.id && !document.hidden) {
        announcer.say(`Resident: ${excerpt(event.text, MAX_ANNOUNCED_CHARS)}`);
      } else {
        chat.unread += 1;
        renderUnread(chat);
        updateTitle();
      }
    }
  }
  // A chat ends for me when it is closed, or when someone else transfers it while I have it
  // (a transfer in the history happened before I joined).
  const ends = event.kind === 'closed' || (event.kind === 'transferred' && live);
  if (ends && !chat.closingByMe) {
    const text =
      event.kind === 'closed'
        ? event.by === 'resident'
          ? `The resident left ${chatLabel(chat.id)}.`
          : event.by === 'system'
            ? `${capitalize(chatLabel(chat.id))} was closed automatically.`
            : `${capitalize(chatLabel(chat.id))} was closed.`
        : `${capitalize(chatLabel(chat.id))} was transferred to ${event.department}.`;
    markEnded(chat, text);
    if (live) announcer.say(text);
  }
  if (event.kind === 'joined' && chat.ended && event.name === state.me?.name) reopenChat(chat);

  const gap = seq > chat.lastSeq;
  if (live && gap && chat.loaded) catchUp(chat);
  scrollLog(chat, false);
}

function markSeen(chat, seq) {
  chat.seen.add(seq);
  while (chat.seen.has(chat.lastSeq + 1)) {
    chat.seen.delete(chat.lastSeq + 1);
    chat.lastSeq += 1;
  }
}

function senderName(event) {
  if (event.from === 'resident') return 'Resident';
  if (event.from === 'system') return 'Wayfinder';
  if (state.me && event.name === state.me.name) return `You (${event.name})`;
  return event.name ? `${event.name} (staff)` : 'Staff';
}

function renderEvent(chat, event) {
  if (event.kind === 'message') {
    const from = event.from || 'staff';
    const attrs = { class: `from-${from}` };
    if (from === 'resident' && chat.summary.lang) attrs.lang = chat.summary.lang;
    return h(
      'li',
      attrs,
      h('p', { class: 'msg-meta', lang: attrs.lang ? 'en' : null }, h('span', {}, senderName(event)), timeElement(event.at)),
      h('p', { class: 'msg-text', dir: 'auto' }, event.text || ''),
    );
  }
  let text;
  switch (event.kind) {
    case 'joined':
      text = `${state.me && event.name === state.me.name ? 'You' : event.name} joined the chat${
        event.department ? ` for ${event.department}` : ''
      }.`;
      break;
    case 'transferred':
      text = `Transferred to ${event.department}.`;
      break;
    case 'closed':
      text =
        event.by === 'resident'
          ? 'The resident left the chat.'
          : event.by === 'system'
            ? 'The chat was closed automatically.'
            : 'The chat was closed by staff.';
      break;
    default:
      text = `${capitalize(String(event.kind || 'update'))}.`;
  }
  return h('li', { class: 'system' }, h('p', { class: 'msg-meta' }, h('span', {}, text), timeElement(event.at)));
}

/** Inserts `li` in sequence order, before any message still being sent. */
function insertBySeq(chat, li, seq) {
  li.dataset.seq = String(seq);
  const list = chat.el.events;
  for (const other of list.children) {
    const otherSeq = other.dataset.seq ? Number(other.dataset.seq) : Infinity;
    if (otherSeq > seq) {
      list.insertBefore(li, other);
      return;
    }
  }
  list.append(li);
}

function scrollLog(chat, force) {
  const log = chat.el.log;
  if (chat.el.panel.hidden) return;
  const nearBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  if (force || nearBottom) log.scrollTop = log.scrollHeight;
}

function markEnded(chat, text) {
  chat.ended = text;
  chat.el.endedText.textContent = text;
  chat.el.ended.hidden = false;
  chat.el.composer.hidden = true;
  chat.el.tools.hidden = true;
  setResidentTyping(chat, false);
  stopTyping(chat);
  renderUnread(chat);
}

function reopenChat(chat) {
  chat.ended = null;
  chat.el.ended.hidden = true;
  chat.el.composer.hidden = false;
  chat.el.tools.hidden = false;
  renderUnread(chat);
}

// ---- typing ----------------------------------------------------------------------------------

function setResidentTyping(chat, active) {
  clearTimeout(chat.typingTimer);
  chat.el.typing.hidden = !active || Boolean(chat.ended);
  if (active) {
    chat.typingTimer = setTimeout(() => {
      chat.el.typing.hidden = true;
    }, TYPING_STALE_MS);
  }
}

function onReplyInput(chat) {
  const typing = chat.el.reply.value.trim().length > 0;
  if (!typing) {
    stopTyping(chat);
    return;
  }
  if (!chat.myTyping) {
    chat.myTyping = true;
    send({ type: 'typing', chat_id: chat.id, active: true });
  }
  clearTimeout(chat.myTypingTimer);
  chat.myTypingTimer = setTimeout(() => stopTyping(chat), TYPING_IDLE_MS);
}

function stopTyping(chat) {
  clearTimeout(chat.myTypingTimer);
  if (!chat.myTyping) return;
  chat.myTyping = false;
  send({ type: 'typing', chat_id: chat.id, active: false });
}

// ---- sending ---------------------------------------------------------------------------------

function submitReply(chat) {
  const text = chat.el.reply.value.trim();
  if (!text || chat.ended) return;
  chat.el.reply.value = '';
  stopTyping(chat);
  const item = {
    id: uuid(),
    text,
    seq: null,
    li: null,
    status: null,
    inFlight: false,
    retryDelay: 0,
    retryTimer: 0,
    failed: false,
  };
  item.status = h('span', { class: 'msg-status' }, 'sending…');
  item.li = h(
    'li',
    { class: 'from-staff pending' },
    h('p', { class: 'msg-meta' }, h('span', {}, senderName({ from: 'staff', name: state.me?.name })), item.status),
    h('p', { class: 'msg-text', dir: 'auto' }, text),
  );
  chat.pending.push(item);
  chat.el.events.append(item.li);
  scrollLog(chat, true);
  deliver(chat, item);
}

async function deliver(chat, item) {
  if (item.inFlight || item.seq !== null) return;
  item.inFlight = true;
  clearTimeout(item.retryTimer);
  try {
    const answer = await api('POST', `/chats/${enc(chat.id)}/messages`, { id: item.id, text: item.text });
    item.inFlight = false;
    if (answer && Number.isFinite(Number(answer.seq))) acknowledge(chat, item, Number(answer.seq));
  } catch (error) {
    item.inFlight = false;
    if (state.chats.get(chat.id) !== chat || item.seq !== null) return;
    if (error.transient) {
      setStatus(item, 'sending… (retrying)');
      item.retryDelay = nextDelay(item.retryDelay);
      item.retryTimer = setTimeout(() => deliver(chat, item), item.retryDelay);
    } else if (error.status !== 401) {
      item.failed = true;
      const reason =
        error.code === 'chat_closed'
          ? 'not sent: the chat has ended'
          : error.code === 'question_too_long' || error.code === 'payload_too_large'
            ? 'not sent: the message is too long'
            : 'not sent';
      setStatus(item, reason, true);
      announcer.say(`Message ${reason}.`);
    }
  }
}

function setStatus(item, text, failed = false) {
  item.status.textContent = text;
  item.status.classList.toggle('failed', failed);
}

/** The server stored `item` as event `seq`. */
function acknowledge(chat, item, seq) {
  if (item.seq !== null) return;
  clearTimeout(item.retryTimer);
  chat.pending = chat.pending.filter((p) => p !== item);
  if (chat.seen.has(seq) || seq <= chat.lastSeq) {
    // Already shown from the event stream.
    const shown = chat.el.events.querySelector(`li[data-seq="${seq}"]`);
    if (shown && shown !== item.li) {
      item.li.remove();
      return;
    }
  }
  item.seq = seq;
  markSeen(chat, seq);
  item.li.classList.remove('pending');
  item.status.replaceWith(timeElement(new Date().toISOString()) || '');
  item.li.remove();
  insertBySeq(chat, item.li, seq);
  scrollLog(chat, false);
}

function resendPending(chat) {
  for (const item of chat.pending) {
    if (item.seq === null && !item.failed && !item.inFlight) {
      item.retryDelay = 0;
      deliver(chat, item);
    }
  }
}

// ---- canned replies, transfer and close ------------------------------------------------------

async function loadCanned(chat) {
  const lang = chat.summary.lang || '';
  const select = chat.el.canned;
  let replies = state.canned.get(lang);
  if (!replies) {
    try {
      replies = await api('GET', `/canned?lang=${enc(lang)}`);
      replies = Array.isArray(replies) ? replies : [];
      state.canned.set(lang, replies);
    } catch {
      replies = null;
    }
  }
  if (!replies) {
    select.replaceChildren(h('option', { value: '' }, 'Canned replies could not be loaded'));
    return;
  }
  if (!replies.length) {
    select.replaceChildren(h('option', { value: '' }, `No canned replies in ${languageName(lang)}`));
    return;
  }
  select.replaceChildren(
    h('option', { value: '' }, 'Choose a canned reply'),
    ...replies.map((reply, index) => h('option', { value: String(index), lang: reply.lang || lang }, reply.title)),
  );
  select.dataset.lang = lang;
}

function insertCanned(chat) {
  const select = chat.el.canned;
  const replies = state.canned.get(select.dataset.lang || '');
  const reply = replies && select.value !== '' ? replies[Number(select.value)] : null;
  if (!reply) {
    announcer.say('Choose a canned reply first.');
    select.focus();
    return;
  }
  const box = chat.el.reply;
  const start = box.selectionStart ?? box.value.length;
  const end = box.selectionEnd ?? box.value.length;
  box.setRangeText(reply.text, start, end, 'end');
  box.focus();
  onReplyInput(chat);
  announcer.say(`Inserted "${reply.title}". Check it, then press Enter to send.`);
}

async function transferChat(chat, button) {
  const target = chat.el.department.value;
  const department = (state.me?.departments || []).find((d) => d.id === target);
  if (!department || chat.busy) return;
  chat.busy = true;
  button?.setAttribute('aria-disabled', 'true');
  chat.closingByMe = true;
  try {
    await api('POST', `/chats/${enc(chat.id)}/transfer`, { department: target });
    announcer.say(`${capitalize(chatLabel(chat.id))} was transferred to ${department.name} and is back in the queue.`);
    removeChat(chat, { focusNext: true });
    loadQueue();
  } catch (error) {
    chat.closingByMe = false;
    if (error.status !== 401) {
      announcer.say(
        error.code === 'chat_closed'
          ? `${capitalize(chatLabel(chat.id))} has already ended.`
          : `Could not transfer ${chatLabel(chat.id)}. Try again.`,
      );
    }
  } finally {
    chat.busy = false;
    button?.removeAttribute('aria-disabled');
  }
}

async function closeChat(chat, button) {
  if (chat.busy) return;
  const code = chat.el.reason.value;
  const note = chat.el.note.value.trim();
  const reason = note ? `${code}: ${note}` : code;
  chat.busy = true;
  button?.setAttribute('aria-disabled', 'true');
  chat.closingByMe = true;
  try {
    await api('POST', `/chats/${enc(chat.id)}/close`, { reason });
    announcer.say(`${capitalize(chatLabel(chat.id))} closed: ${CLOSE_REASONS[code] || code}.`);
    removeChat(chat, { focusNext: true });
  } catch (error) {
    chat.closingByMe = false;
    if (error.code === 'chat_closed') {
      removeChat(chat, { focusNext: true });
      announcer.say(`${capitalize(chatLabel(chat.id))} had already ended.`);
    } else if (error.status !== 401) {
      announcer.say(`Could not close ${chatLabel(chat.id)}. Try again.`);
    }
  } finally {
    chat.busy = false;
    button?.removeAttribute('aria-disabled');
  }
}

// ---- tickets ---------------------------------------------------------------------------------

function isOpenTicket(ticket) {
  return !['closed', 'done', 'resolved'].includes(String(ticket.status || 'open'));
}

async function loadTickets({ quiet = false } = {}) {
  if (!state.me) return;
  try {
    const tickets = await api('GET', '/tickets');
    const open = (Array.isArray(tickets) ? tickets : []).filter(isOpenTicket);
    open.sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
    state.tickets = open;
    hideNotice('tickets-message');
    syncRows(
      $('tickets-rows'),
      open,
      (t) => t.ticket_id,
      buildTicketRow,
      updateTicketRow,
      (id) => `Message ${id} was already handled`,
    );
    renderTicketsEmpty();
    updateTitle();
    if (!quiet) {
      announcer.say(
        open.length === 0
          ? 'No messages are waiting for an answer.'
          : open.length === 1
            ? '1 message is waiting for an answer.'
            : `${open.length} messages are waiting for an answer.`,
      );
    }
  } catch (error) {
    if (!quiet && error.status !== 401) showNotice('tickets-message', 'Messages could not be loaded. Try again.', true);
  }
}

function renderTicketsEmpty() {
  const hasRows = $('tickets-rows').children.length > 0;
  $('tickets-wrap').hidden = !hasRows;
  $('tickets-empty').hidden = hasRows;
}

function buildTicketRow(ticket) {
  const button = h('button', { type: 'button', class: 'button button-quiet', 'data-action': 'done' }, 'Mark done');
  button.addEventListener('click', () => closeTicket(button.closest('tr').dataset.key, button));
  return h(
    'tr',
    {},
    h('th', { scope: 'row', class: 'ref' }),
    h('td', { class: 'received' }),
    h('td', { class: 'lang' }),
    h('td', { class: 'name' }),
    h('td', { class: 'contact' }),
    h('td', { class: 'department' }),
    h('td', { class: 'message', dir: 'auto' }),
    h('td', { class: 'action' }, button),
  );
}

function updateTicketRow(row, ticket) {
  const [ref, received, lang, name, contact, department, message] = row.cells;
  setText(ref, ticket.ticket_id);
  received.replaceChildren(timeElement(ticket.created_at, dateTimeFormat) || '');
  setText(lang, languageLabel(ticket.lang));
  setText(name, ticket.name || 'Not given');
  name.classList.toggle('empty', !ticket.name);
  if (ticket.contact) {
    const value = String(ticket.contact).trim();
    const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
    const phone = !email && /^\+?[\d\s().-]{6,}$/.test(value);
    contact.replaceChildren(
      email || phone ? h('a', { href: email ? `mailto:${value}` : `tel:${value.replace(/[^\d+]/g, '')}` }, value) : value,
    );
    contact.classList.remove('empty');
  } else {
    contact.replaceChildren('Not given');
    contact.classList.add('empty');
  }
  setText(department, departmentName(ticket.department) || 'General');
  setText(message, ticket.message || '');
  message.setAttribute('lang', ticket.lang || '');
  row.querySelector('[data-action="done"]').setAttribute('aria-label', `Mark done: message ${ticket.ticket_id}`);
}

async function closeTicket(id, button) {
  if (!id || button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  let already = false;
  try {
    try {
      await api('POST', `/tickets/${enc(id)}/close`);
    } catch (error) {
      // 404: no such open ticket, so someone else already marked it done.
      if (error.status !== 404) throw error;
      already = true;
    }
    const row = button.closest('tr');
    const hadFocus = hasFocus(row);
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    state.tickets = state.tickets.filter((t) => t.ticket_id !== id);
    renderTicketsEmpty();
    updateTitle();
    announcer.say(already ? `Message ${id} was already marked done.` : `Message ${id} marked done.`);
    if (hadFocus || focusIsLost()) {
      const target = next && next.querySelector('[data-action="done"]');
      if (target) target.focus();
      else $('tickets-title').focus();
    }
  } catch (error) {
    button.removeAttribute('aria-disabled');
    if (error.status !== 401) showNotice('tickets-message', `Could not mark message ${id} done. Try again.`, true);
  }
}

// ---- service requests (local queue) ---------------------------------------------------------
//
// Sites without a city Open311 endpoint keep residents' service requests here. Staff list them
// (open, closed or all, newest first, a page at a time), open one, and set its status, the
// notes the resident reads, the expected date and who handles it. Every save sends the
// `updated_datetime` the console last read: if someone else saved in between, the server
// answers 409 `edit_conflict`, the console shows the request as it now is and keeps what the
// staff member typed, to check and save again.

/** Requests fetched per page. */
const REQUESTS_PAGE = 50;
/** The request list is refreshed this often. */
const REQUESTS_POLL_MS = 60_000;
/** Longest status note, as the server allows. */
const MAX_NOTES_CHARS = 1000;

const REQUEST_STATUS = { open: 'Open', closed: 'Closed' };
const CONTACT_LABELS = { first_name: 'First name', last_name: 'Last name', email: 'E-mail', phone: 'Phone' };

const requests = {
  mode: '',
  filter: 'open',
  items: [],
  total: 0,
  counts: { open: 0, closed: 0 },
  timer: 0,
  loading: false,
  /** Numbers each list load; only the latest one's answer is shown. */
  seq: 0,
  /** The request shown in the detail view (as the server last sent it). */
  current: null,
  /** The row button that opened it, to return focus to. */
  opener: '',
  saving: false,
};

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

function setupRequests() {
  for (const radio of document.querySelectorAll('input[name="requests-status"]')) {
    radio.addEventListener('change', () => {
      if (radio.checked) {
        requests.filter = radio.value;
        requests.items = [];
        loadRequests({ announce: true });
      }
    });
  }
  $('requests-refresh').addEventListener('click', () => loadRequests({ announce: true }));
  $('requests-more').addEventListener('click', () => loadRequests({ more: true, announce: true }));
  $('request-form').addEventListener('submit', onSaveRequest);
  $('request-back').addEventListener('click', closeRequest);
  $('request-notes').addEventListener('input', renderNotesCount);
  $('request-detail').addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      closeRequest();
    }
  });
}

function startRequests() {
  loadRequests({ first: true });
  requests.timer = setInterval(() => loadRequests({ quiet: true }), REQUESTS_POLL_MS);
}

function stopRequests() {
  clearInterval(requests.timer);
  Object.assign(requests, {
    mode: '',
    filter: 'open',
    items: [],
    total: 0,
    counts: { open: 0, closed: 0 },
    timer: 0,
    loading: false,
    seq: (requests.seq || 0) + 1,
    current: null,
    opener: '',
    saving: false,
  });
  for (const radio of document.querySelectorAll('input[name="requests-status"]')) radio.checked = radio.value === 'open';
  $('requests-rows').replaceChildren();
  $('request-detail').hidden = true;
  $('requests').hidden = true;
  $('nav-requests-item').hidden = true;
  hideNotice('requests-message');
  hideRequestError();
}

/** Shows the section as the site's mode wants: handled here, handled upstream, or not at all. */
function applyRequestsMode(mode) {
  requests.mode = mode;
  const shown = mode === 'local' || mode === 'upstream';
  $('requests').hidden = !shown;
  $('nav-requests-item').hidden = !shown;
  $('requests-upstream').hidden = mode !== 'upstream';
  $('requests-local').hidden = mode !== 'local';
}

function countText(n, one, many) {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

function filterWords(filter) {
  return filter === 'all' ? '' : `${filter} `;
}

async function loadRequests({ first = false, quiet = false, more = false, announce = false } = {}) {
  if (!state.me || (more && requests.loading)) return;
  // Only the latest load counts: a filter chosen while a refresh is under way wins.
  requests.seq = (requests.seq || 0) + 1;
  const seq = requests.seq;
  requests.loading = true;
  const offset = more ? requests.items.length : 0;
  const limit = more ? REQUESTS_PAGE : Math.min(200, Math.max(REQUESTS_PAGE, requests.items.length));
  try {
    const data = await api('GET', `/requests?status=${enc(requests.filter)}&limit=${limit}&offset=${offset}`);
    if (seq !== requests.seq || !state.me) return;
    applyRequestsMode(data.mode);
    if (data.mode !== 'local') return;
    hideNotice('requests-message');
    requests.counts = data.counts || { open: 0, closed: 0 };
    requests.total = data.total || 0;
    const page = Array.isArray(data.requests) ? data.requests : [];
    const firstNew = more ? page[0] : null;
    requests.items = more ? [...requests.items, ...page.filter((r) => !requests.items.some((i) => i.service_request_id === r.service_request_id))] : page;
    renderRequests();
    if (more && firstNew) {
      const button = $('requests-rows').querySelector(`tr[data-key="${CSS.escape(firstNew.service_request_id)}"] button`);
      if (button) button.focus();
    }
    if (announce) {
      const shown = requests.items.length;
      const words = filterWords(requests.filter);
      announcer.say(
        requests.total === 0
          ? `No ${words}service requests.`
          : `Showing ${shown} of ${countText(requests.total, `${words}service request`, `${words}service requests`)}.`,
      );
    }
  } catch (error) {
    if (error.status === 401 || seq !== requests.seq) return;
    if (first) {
      // The section stays hidden when the console cannot tell how the site takes requests.
      return;
    }
    if (!quiet) showNotice('requests-message', 'Service requests could not be loaded. Try again.', true);
  } finally {
    if (seq === requests.seq) requests.loading = false;
  }
}

function renderRequests() {
  const { open, closed } = requests.counts;
  setText($('requests-counts'), `${countText(open, 'open', 'open')}, ${countText(closed, 'closed', 'closed')}`);
  setText($('requests-count-open'), `(${open})`);
  setText($('requests-count-closed'), `(${closed})`);
  setCount($('nav-requests'), open, 'open');
  const words = filterWords(requests.filter);
  setText($('requests-caption'), `${capitalize(`${words}service requests`)}, newest first`);
  setText($('requests-empty'), `No ${words}service requests.`);
  syncRows(
    $('requests-rows'),
    requests.items,
    (r) => r.service_request_id,
    buildRequestRow,
    updateRequestRow,
    (id) => `Request ${id} no longer matches this list`,
  );
  renderRequestsEmpty();
  setText($('requests-range'), `Showing ${requests.items.length} of ${requests.total}.`);
  $('requests-more').hidden = requests.items.length >= requests.total;
}

function renderRequestsEmpty() {
  const hasRows = $('requests-rows').children.length > 0;
  $('requests-wrap').hidden = !hasRows;
  $('requests-empty').hidden = hasRows;
  $('requests-range').hidden = !hasRows;
}

function placeText(r) {
  if (r.address) return r.address;
  if (typeof r.lat === 'number' && typeof r.long === 'number') return `${r.lat.toFixed(5)}, ${r.long.toFixed(5)}`;
  return 'Not given';
}

function buildRequestRow() {
  const button = h('button', { type: 'button', class: 'button button-quiet', 'data-action': 'open-request' }, 'Open');
  button.addEventListener('click', () => openRequest(button.closest('tr').dataset.key, button));
  return h(
    'tr',
    {},
    h('th', { scope: 'row', class: 'ref' }),
    h('td', { class: 'service' }),
    h('td', { class: 'received' }),
    h('td', { class: 'where' }),
    h('td', { class: 'status' }),
    h('td', { class: 'agency' }),
    h('td', { class: 'action' }, button),
  );
}

function updateRequestRow(row, r) {
  const [ref, service, received, where, status, agency] = row.cells;
  setText(ref, r.service_request_id);
  service.replaceChildren(
    h('span', { class: 'service-name' }, r.service_name || r.service_code || 'Unknown service'),
    r.preview ? h('span', { class: 'preview', lang: r.lang || null, dir: 'auto' }, r.preview) : null,
  );
  received.replaceChildren(timeElement(r.requested_datetime, dateTimeFormat) || '');
  setText(where, placeText(r));
  status.replaceChildren(h('span', { class: `status-badge status-${r.status}` }, REQUEST_STATUS[r.status] || r.status));
  setText(agency, r.agency_responsible || 'Not assigned');
  agency.classList.toggle('empty', !r.agency_responsible);
  const button = row.querySelector('[data-action="open-request"]');
  button.setAttribute('aria-label', `Open request ${r.service_request_id} (${r.service_name || r.service_code}, ${REQUEST_STATUS[r.status] || r.status})`);
  button.removeAttribute('aria-disabled');
}

async function openRequest(id, button) {
  if (!id || (button && button.getAttribute('aria-disabled') === 'true')) return;
  try {
    const detail = await api('GET', `/requests/${enc(id)}`);
    requests.opener = id;
    hideRequestError();
    showRequest(detail, { resetForm: true });
    $('request-detail').hidden = false;
    $('request-title').focus();
    announcer.say(`Request ${id} opened.`);
  } catch (error) {
    if (error.status === 401) return;
    showNotice(
      'requests-message',
      error.status === 404 ? `Request ${id} no longer exists.` : `Request ${id} could not be opened. Try again.`,
      true,
    );
  }
}

function closeRequest() {
  $('request-detail').hidden = true;
  requests.current = null;
  hideRequestError();
  const id = requests.opener;
  const button = id && $('requests-rows').querySelector(`tr[data-key="${CSS.escape(id)}"] [data-action="open-request"]`);
  if (button) {
    button.focus();
  } else {
    $('requests-title').focus();
    if (id) announcer.say(`Request ${id} is no longer in this list.`);
  }
}

function fact(term, ...value) {
  return [h('dt', {}, term), h('dd', {}, ...value)];
}

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : '';
  } catch {
    return '';
  }
}

function contactValue(key, value) {
  if (key === 'email' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return h('a', { href: `mailto:${value}` }, value);
  if (key === 'phone' && /^\+?[\d\s().-]{6,}$/.test(value)) return h('a', { href: `tel:${value.replace(/[^\d+]/g, '')}` }, value);
  return value;
}

/** A date input's value (YYYY-MM-DD, the browser's time zone) for an ISO time. */
function dateInputValue(iso) {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Renders request `r`; `resetForm` also puts its values into the form. */
function showRequest(r, { resetForm }) {
  requests.current = r;
  setText($('request-title'), `Request ${r.service_request_id}: ${r.service_name || r.service_code}`);

  const facts = [
    ...fact('Status', h('span', { class: `status-badge status-${r.status}` }, REQUEST_STATUS[r.status] || r.status)),
    ...fact('Received', timeElement(r.requested_datetime, dateTimeFormat) || 'Unknown'),
    ...fact('Last updated', timeElement(r.updated_datetime, dateTimeFormat) || 'Unknown'),
    ...fact('Expected', timeElement(r.expected_datetime, dateFormat) || 'Not set'),
    ...fact('Assigned to', r.agency_responsible || 'Not assigned'),
    ...fact('Language', languageLabel(r.lang)),
  ];
  const where = r.address ? [r.address] : [];
  if (typeof r.lat === 'number' && typeof r.long === 'number') {
    if (where.length) where.push(h('br'));
    const map = `https://www.openstreetmap.org/?mlat=${r.lat}&mlon=${r.long}#map=18/${r.lat}/${r.long}`;
    where.push(h('a', { href: map, rel: 'noopener noreferrer' }, `${r.lat.toFixed(5)}, ${r.long.toFixed(5)} (map)`));
  }
  facts.push(...fact('Where', ...(where.length ? where : ['Not given'])));
  facts.push(
    ...fact(
      'Description',
      r.description ? h('span', { class: 'long-text', lang: r.lang || null, dir: 'auto' }, r.description) : 'None',
    ),
  );
  const media = safeUrl(r.media_url || '');
  if (r.media_url) {
    facts.push(...fact('Photo', media ? h('a', { href: media, rel: 'noopener noreferrer' }, 'Open the photo the resident sent') : r.media_url));
  }
  const contact = Object.entries(r.contact || {});
  facts.push(
    ...fact(
      'Contact',
      ...(contact.length
        ? contact.flatMap(([key, value], i) => [
          i ? h('br') : null,
          `${CONTACT_LABELS[key] || key}: `,
          contactValue(key, value),
        ])
        : ['The resident gave no contact details']),
    ),
  );
  facts.push(...fact('Resident\u2019s status page', h('a', { href: r.track_url, rel: 'noopener noreferrer' }, 'Open the page the resident sees')));
  $('request-facts').replaceChildren(...facts);

  const answers = (r.answers || []).flatMap((a) => fact(a.question || a.code, (a.values || []).join(', ') || 'No answer'));
  $('request-answers').replaceChildren(...answers);
  $('request-answers').hidden = answers.length === 0;
  $('request-answers-empty').hidden = answers.length > 0;

  const history = (r.history || []).map((u) => {
    const parts = [`${REQUEST_STATUS[u.status] || u.status}`];
    parts.push(u.agency_responsible ? `assigned to ${u.agency_responsible}` : 'not assigned');
    if (u.expected_datetime) parts.push(`expected ${dateFormat.format(new Date(u.expected_datetime))}`);
    return h(
      'li',
      {},
      h('p', { class: 'msg-meta' }, h('span', {}, u.staff_name || 'Staff'), timeElement(u.at, dateTimeFormat)),
      h('p', { class: 'msg-text' }, `${parts.join(', ')}.`),
      u.status_notes ? h('p', { class: 'msg-text long-text', dir: 'auto' }, `Notes: ${u.status_notes}`) : null,
    );
  });
  $('request-history').replaceChildren(...history.reverse());
  $('request-history').hidden = history.length === 0;
  $('request-history-empty').hidden = history.length > 0;

  const select = $('request-agency');
  const chosen = resetForm ? r.agency_responsible || '' : select.value;
  const names = [...(r.agencies || [])];
  if (r.agency_responsible && !names.includes(r.agency_responsible)) names.unshift(r.agency_responsible);
  select.replaceChildren(
    h('option', { value: '' }, 'Not assigned'),
    ...names.map((name) =>
      h('option', { value: name }, name === r.suggested_agency ? `${name} (handles this service)` : name),
    ),
  );
  select.value = names.includes(chosen) ? chosen : '';
  if (resetForm) {
    $(`request-status-${r.status === 'closed' ? 'closed' : 'open'}`).checked = true;
    $('request-notes').value = r.status_notes || '';
    $('request-expected').value = dateInputValue(r.expected_datetime);
    renderNotesCount();
  }
}

function renderNotesCount() {
  const length = $('request-notes').value.length;
  setText($('request-notes-count'), `${length} of ${MAX_NOTES_CHARS} characters`);
}

/** The fields of `field` name → form control, for marking errors. */
function requestControl(field) {
  return {
    status: $('request-status-open'),
    status_notes: $('request-notes'),
    expected_datetime: $('request-expected'),
    agency_responsible: $('request-agency'),
  }[field];
}

function showRequestError(message, field) {
  const box = $('request-error');
  box.textContent = message;
  box.hidden = false;
  for (const name of ['status_notes', 'expected_datetime', 'agency_responsible']) {
    markInvalid(requestControl(name), name === field);
  }
  announcer.say(message);
}

/** Marks `control` invalid (or not), with the error message first in its description. */
function markInvalid(control, invalid) {
  if (control.dataset.describedby === undefined) control.dataset.describedby = control.getAttribute('aria-describedby') || '';
  const own = control.dataset.describedby;
  const describedBy = invalid ? `request-error ${own}`.trim() : own;
  if (describedBy) control.setAttribute('aria-describedby', describedBy);
  else control.removeAttribute('aria-describedby');
  if (invalid) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

function hideRequestError() {
  const box = $('request-error');
  box.hidden = true;
  box.textContent = '';
  for (const name of ['status_notes', 'expected_datetime', 'agency_responsible']) markInvalid(requestControl(name), false);
}

/** What the form changes, against the request as last read (only the fields changed). */
function requestChanges(r) {
  const changes = {};
  const status = $('request-status-closed').checked ? 'closed' : 'open';
  if (status !== r.status) changes.status = status;
  const notes = $('request-notes').value.trim();
  if (notes !== (r.status_notes || '')) changes.status_notes = notes || null;
  const expected = $('request-expected').value;
  if (expected !== dateInputValue(r.expected_datetime)) changes.expected_datetime = expected || null;
  const agency = $('request-agency').value;
  if (agency !== (r.agency_responsible || '')) changes.agency_responsible = agency || null;
  return changes;
}

async function onSaveRequest(event) {
  event.preventDefault();
  const r = requests.current;
  if (!r || requests.saving) return;
  const changes = requestChanges(r);
  if (!Object.keys(changes).length) {
    hideRequestError();
    announcer.say(`Nothing to save: request ${r.service_request_id} already shows this.`);
    return;
  }
  if ((changes.status_notes || '').length > MAX_NOTES_CHARS) {
    showRequestError(`Notes can be at most ${MAX_NOTES_CHARS} characters.`, 'status_notes');
    $('request-notes').focus();
    return;
  }
  requests.saving = true;
  const button = $('request-save');
  button.setAttribute('aria-disabled', 'true');
  setText(button, 'Saving…');
  const id = r.service_request_id;
  try {
    const saved = await api('POST', `/requests/${enc(id)}/update`, { if_updated_datetime: r.updated_datetime, ...changes });
    hideRequestError();
    showRequest(saved, { resetForm: true });
    const status = REQUEST_STATUS[saved.status] || saved.status;
    announcer.say(`Request ${id} saved: ${status.toLowerCase()}${saved.agency_responsible ? `, assigned to ${saved.agency_responsible}` : ''}.`);
    loadRequests({ quiet: true });
  } catch (error) {
    if (error.status === 401) return;
    if (error.code === 'edit_conflict') {
      // Someone else saved first: show the request as it is now, keep what was typed.
      try {
        const fresh = await api('GET', `/requests/${enc(id)}`);
        showRequest(fresh, { resetForm: false });
      } catch {
        // The message below still tells what to do.
      }
      showRequestError(
        `Someone else changed request ${id} while you were editing, so your changes were not saved. ` +
          'The request above now shows their change; your changes are still in the form. Check them and save again.',
      );
      loadRequests({ quiet: true });
    } else if (error.code === 'invalid_field' || error.code === 'invalid_json') {
      const field = ['status_notes', 'expected_datetime', 'agency_responsible'].find((f) => (error.message || '').includes(f));
      const words = {
        status_notes: 'Notes',
        expected_datetime: 'Expected completion date',
        agency_responsible: 'Assigned to',
      };
      const detail = (error.message || '').replace(/^(status_notes|expected_datetime|agency_responsible)\b/, (m) => words[m]);
      showRequestError(`Not saved. ${capitalize(detail)}.`, field);
      if (field) requestControl(field).focus();
    } else if (error.status === 404) {
      showRequestError(`Request ${id} no longer exists, so nothing was saved.`);
    } else {
      showRequestError(`Request ${id} could not be saved because of a problem on the server or the network. Try again.`);
    }
  } finally {
    requests.saving = false;
    button.removeAttribute('aria-disabled');
    setText(button, 'Save changes');
  }
}

// ---- start -----------------------------------------------------------------------------------

async function boot() {
  $('signin-form').addEventListener('submit', onSignIn);
  $('sign-out').addEventListener('click', onSignOut);
  $('tickets-refresh').addEventListener('click', () => loadTickets());
  setupRequests();
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && state.me && state.selected) {
      const chat = state.chats.get(state.selected);
      if (chat && chat.unread) selectChat(chat);
    }
  });

  for (let wait = 0; ; wait = nextDelay(wait)) {
    try {
      const me = await api('GET', '/me');
      startConsole(me);
      return;
    } catch (error) {
      if (error.status === 401) {
        showSignIn('');
        return;
      }
      $('boot').textContent = 'The server could not be reached. Trying again…';
      await delay(wait || RETRY_FIRST_MS);
    }
  }
}

boot();
