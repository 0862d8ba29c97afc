/*
 * Wayfinder widget loader.
 *
 *   <script src="https://wayfinder.city.gov/widget/widget.js" data-site="riverton" async></script>
 *
 * Optional attributes: data-lang (UI language, e.g. "es"), data-position ("bottom-left" or
 * "bottom-right"), data-color (accent, e.g. "#0b7a3e"; corrected for contrast), data-title,
 * data-mode="kiosk" and data-idle-seconds (see README). Draws the "Ask the City" button in an open shadow root right away, and loads
 * the assistant (wayfinder_widget.js + .wasm) when the resident opens it or the page is idle.
 * What the resident types on the button while the assistant loads is kept for its input; if
 * it cannot load at all, the button leads to the server's text-only page (/help) instead.
 * No inline styles and no eval: works under a strict Content-Security-Policy.
 */
(function () {
  'use strict';

  var HOST_ID = 'wayfinder-widget';
  /** Launcher text until the assistant's own strings load: each locale's `launcher-label`,
   *  \u-escaped because a page may load this script in a legacy encoding. */
  var LABELS = {
    en: 'Ask the City',
    es: 'Pregunte a la ciudad',
    'zh-Hans': '\u54a8\u8be2\u5e02\u653f\u5e9c',
    'zh-Hant': '\u8aee\u8a62\u5e02\u653f\u5e9c',
    vi: 'H\u1ecfi Th\u00e0nh ph\u1ed1',
    tl: 'Magtanong sa Lungsod',
    ko: '\uc2dc\uc5d0 \ubb38\uc758\ud558\uae30',
    ar: '\u0627\u0633\u0623\u0644 \u0627\u0644\u0645\u062f\u064a\u0646\u0629',
    ru: '\u0412\u043e\u043f\u0440\u043e\u0441 \u0433\u043e\u0440\u043e\u0434\u0443',
    ht: 'Mande Vil la',
    fr: 'Demandez \u00e0 la Ville',
    pt: 'Pergunte \u00e0 Prefeitura'
  };
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var ICON_PATH =
    'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9.5L5 21.5V18H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z' +
    'M7 8.5v2h10v-2zM7 12v2h7v-2z';
  var CSS = [
    ':host{all:initial}',
    '.launcher{position:fixed;z-index:2147483000;bottom:16px;display:inline-flex;',
    'align-items:center;gap:.5rem;box-sizing:border-box;min-width:48px;min-height:48px;',
    'margin:0;padding:.5rem 1.125rem .5rem .875rem;padding-inline:.875rem 1.125rem;',
    'border:2px solid transparent;',
    'border-radius:999px;background:#1549a8;color:#fff;',
    'font:600 1rem/1.25 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;',
    'cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.35)}',
    '.launcher.right{right:16px}.launcher.left{left:16px}',
    '.launcher svg{flex:none;width:1.5rem;height:1.5rem;fill:currentColor}',
    '.launcher:hover{background:#0f3a88}',
    '.launcher:focus-visible{outline:3px solid #1549a8;outline-offset:2px;',
    'box-shadow:0 0 0 2px #fff,0 2px 8px rgba(0,0,0,.35)}',
    '@media (max-width:440px){.launcher.right{right:8px}.launcher.left{left:8px}}',
    '@media (prefers-color-scheme:dark){.launcher{background:#9ec1ff;color:#0d1b33}',
    '.launcher:hover{background:#c3d8ff}',
    '.launcher:focus-visible{outline-color:#9ec1ff;box-shadow:0 0 0 2px #1b1d21}}',
    '@media (prefers-reduced-motion:no-preference){.launcher{transition:background-color .15s}}',
    '@media (forced-colors:active){.launcher{border-color:ButtonText;background:ButtonFace;',
    'color:ButtonText}.launcher:focus-visible{outline-color:Highlight}}',
    '.launcher[aria-busy=true]{cursor:progress}',
    '@media print{.launcher{display:none}}.launcher[hidden]{display:none}'
  ].join('');

  if (document.getElementById(HOST_ID)) return;

  var script = document.currentScript || findScript();
  if (!script || !script.src) return;
  var site = script.getAttribute('data-site');
  if (!site) {
    console.warn('Wayfinder: add data-site="<your site id>" to the widget script tag.');
    return;
  }
  var base = serverBase(script.src);
  var lang = script.getAttribute('data-lang') || '';
  var position = script.getAttribute('data-position') || '';
  var title = (script.getAttribute('data-title') || '').trim();
  var kiosk = script.getAttribute('data-mode') === 'kiosk';
  var color = (script.getAttribute('data-color') || '').trim();
  var rgb = parseColor(color);
  if (color && !rgb) {
    console.warn('Wayfinder: data-color must be a hex colour such as #0b7a3e.');
    color = '';
  }

  /** #rgb or #rrggbb as [r, g, b], or null. */
  function parseColor(text) {
    var m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text);
    if (!m) return null;
    var h = m[1].length === 3 ? m[1].replace(/./g, '$&$&') : m[1];
    return [0, 2, 4].map(function (i) { return parseInt(h.substr(i, 2), 16); });
  }

  /** WCAG contrast of two colours. */
  function contrast(a, b) {
    function lum(c) {
      return c.reduce(function (sum, v, i) {
        v /= 255;
        return sum + [0.2126, 0.7152, 0.0722][i] * (v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
      }, 0.05);
    }
    var x = lum(a);
    var y = lum(b);
    return x > y ? x / y : y / x;
  }

  function mix(c, to, k) {
    return c.map(function (v) { return Math.floor((v * (20 - k) + to * k + 10) / 20); });
  }

  function hex(c) {
    return '#' + c.map(function (v) { return (v < 16 ? '0' : '') + v.toString(16); }).join('');
  }

  /** The launcher's colours, corrected as widget/src/theme.rs corrects the dialog's: mixed
   *  with black (light) or white (dark) 5 % at a time until 4.5:1 on the backgrounds. */
  function accentRules(to, backgrounds) {
    for (var k = 0, a; k <= 20; k += 1) {
      a = mix(rgb, to, k);
      if (k === 20 || backgrounds.every(function (bg) { return contrast(a, bg) >= 4.5; })) break;
    }
    var on = contrast(a, [255, 255, 255]) >= contrast(a, [13, 27, 51]) ? '#fff' : '#0d1b33';
    return '.launcher{background:' + hex(a) + ';color:' + on + '}.launcher:hover{background:' +
      hex(mix(a, to, 4)) + '}.launcher:focus-visible{outline-color:' + hex(a) + '}';
  }

  /** The script tag that loaded this file (async scripts may have no currentScript). */
  function findScript() {
    var scripts = document.getElementsByTagName('script');
    for (var i = scripts.length - 1; i >= 0; i -= 1) {
      var src = scripts[i].getAttribute('src') || '';
      if (/\/widget\.js(?:[?#]|$)/.test(src) && scripts[i].hasAttribute('data-site')) {
        return scripts[i];
      }
    }
    return null;
  }

  /** The server's base URL: the script's URL without "/widget/widget.js". */
  function serverBase(src) {
    var url = new URL(src, document.baseURI);
    var prefix = url.pathname.match(/^(.*)\/widget\/widget\.js$/);
    return url.origin + (prefix ? prefix[1] : '');
  }

  /** The language the resident picked in the widget on an earlier visit, if any. */
  function chosenLanguage() {
    if (kiosk) return '';
    try {
      return window.localStorage.getItem('wayfinder:lang') || '';
    } catch (e) {
      return '';
    }
  }

  /** Whether this tab has a live chat with city staff in progress (kept by the assistant). */
  function chatInProgress() {
    if (kiosk) return false;
    try {
      return Boolean(window.sessionStorage.getItem('wayfinder:chat'));
    } catch (e) {
      return false;
    }
  }

  /** The launcher's language: the resident's own choice, data-lang, then the page's lang,
   *  then the browser's. */
  function labelLanguage() {
    var wanted = [chosenLanguage(), lang, document.documentElement.getAttribute('lang') || ''].concat(
      navigator.languages || [navigator.language || '']
    );
    for (var i = 0; i < wanted.length; i += 1) {
      var key = localeKey(wanted[i]);
      if (Object.prototype.hasOwnProperty.call(LABELS, key)) return key;
    }
    return 'en';
  }

  /** The locale a tag is served in: its primary language, Filipino as Tagalog, and Chinese
   *  by script (Traditional for Hant, Taiwan, Hong Kong, Macau and Cantonese). */
  function localeKey(tag) {
    var parts = String(tag).toLowerCase().split(/[-_]/);
    if (parts[0] === 'fil') return 'tl';
    if (parts[0] === 'yue') return 'zh-Hant';
    if (parts[0] !== 'zh') return parts[0];
    return parts[1] === 'hant' || /^(tw|hk|mo)$/.test(parts[1] || '') ? 'zh-Hant' : 'zh-Hans';
  }

  function side() {
    if (/left/i.test(position)) return 'left';
    if (/right/i.test(position)) return 'right';
    var dir = document.documentElement.getAttribute('dir') || document.body.getAttribute('dir');
    return String(dir).toLowerCase() === 'rtl' ? 'left' : 'right';
  }

  function icon() {
    var svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', ICON_PATH);
    path.setAttribute('fill-rule', 'evenodd');
    svg.appendChild(path);
    return svg;
  }

  function mount() {
    var host = document.createElement('div');
    host.id = HOST_ID;
    var root = host.attachShadow({ mode: 'open' });
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
      if (rgb) {
        // Forced colours ignore the city's colour: the system colours win.
        var theme = new CSSStyleSheet();
        theme.replaceSync('@media (forced-colors:none){' + accentRules(0, [[255, 255, 255], [238, 241, 246]]) +
          '@media (prefers-color-scheme:dark){' + accentRules(255, [[27, 29, 33], [39, 42, 49]]) + '}}');
        root.adoptedStyleSheets = [sheet, theme];
      }
    } catch (e) {
      // Very old browsers: the button still works, unstyled.
    }

    var labelLang = labelLanguage();
    var where = side();
    var launcher = document.createElement('button');
    launcher.id = 'launcher';
    launcher.type = 'button';
    launcher.className = 'launcher ' + where;
    launcher.setAttribute('aria-haspopup', 'dialog');
    launcher.setAttribute('aria-expanded', 'false');
    // aria-controls is set by the widget once the dialog exists.
    launcher.setAttribute('lang', labelLang);
    launcher.setAttribute('dir', labelLang === 'ar' ? 'rtl' : 'ltr');
    launcher.appendChild(icon());
    var label = document.createElement('span');
    label.className = 'label';
    label.textContent = title || LABELS[labelLang];
    launcher.appendChild(label);
    root.appendChild(launcher);
    // The launcher takes its place in the tab order where the city put the script tag (e.g.
    // right after the skip link), so keyboard users reach it without tabbing through every
    // link on the page; a tag in <head> puts it at the end of <body>.
    if (script && script.parentNode && document.body.contains(script)) {
      script.parentNode.insertBefore(host, script.nextSibling);
    } else {
      document.body.appendChild(host);
    }

    var widget = null;
    var loading = null;
    var openWhenReady = false;
    // What the resident types on the launcher between the click and the dialog, for its input;
    // sendWhenReady once they pressed Enter after it.
    var draft = '';
    var sendWhenReady = false;

    /** Whether the launcher says it is opening (aria-busy, and a progress cursor). */
    function setOpening(on) {
      openWhenReady = on;
      if (on) {
        launcher.setAttribute('aria-busy', 'true');
      } else {
        launcher.removeAttribute('aria-busy');
        draft = '';
        sendWhenReady = false;
      }
    }

    /** The server's text-only assistant, in the launcher's language, asking what was typed. */
    function textOnlyPage() {
      var question = draft.trim();
      return base + '/help?site=' + encodeURIComponent(site) + '&lang=' + encodeURIComponent(labelLang) +
        (question ? '&q=' + encodeURIComponent(question) : '');
    }

    function load() {
      if (!loading) {
        loading = import(base + '/widget/wayfinder_widget.js')
          .then(function (module) {
            return module.default().then(function () {
              return module.start(root, {
                site: site,
                base: base,
                lang: lang,
                position: where,
                color: color,
                title: title,
                mode: kiosk ? 'kiosk' : '',
                idle: Number(script.getAttribute('data-idle-seconds')) || 0
              });
            });
          })
          .then(function (started) {
            widget = started;
            if (openWhenReady) {
              var typed = draft;
              var send = sendWhenReady;
              setOpening(false);
              widget.open_with(typed, send);
            }
          })
          .catch(function (error) {
            loading = null;
            console.error('Wayfinder: the assistant could not load.', error);
            if (openWhenReady && !kiosk) {
              // The resident asked for it (a second try when the idle load had failed):
              // the same answers as a plain page, rather than a button that does nothing.
              // Not on a kiosk: that page would keep one resident's question for the next.
              var page = textOnlyPage();
              setOpening(false);
              window.location.assign(page);
            } else if (kiosk) {
              // A public terminal has nobody to click again: try again in a while.
              window.setTimeout(load, 10000);
            }
          });
      }
      return loading;
    }

    launcher.addEventListener('click', function () {
      if (widget) {
        widget.toggle();
      } else {
        // The first click opens the dialog as soon as it exists; no second click needed.
        setOpening(true);
        load();
      }
    });

    // Typing right after the click, before the dialog exists (a slow network): the keys are
    // kept for the input instead of being lost on the button. Escape gives up opening.
    launcher.addEventListener('keydown', function (event) {
      if (widget || !openWhenReady || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) {
        return;
      }
      var key = event.key;
      if (key === 'Escape') {
        setOpening(false);
      } else if (sendWhenReady) {
        // Sent already: later keys must not click the button again.
        if (key !== 'Tab') event.preventDefault();
        return;
      } else if (key === 'Backspace') {
        draft = Array.from(draft).slice(0, -1).join('');
      } else if (key === 'Enter' && draft.trim()) {
        sendWhenReady = true;
      } else if (Array.from(key).length === 1) {
        draft += key;
      } else {
        return;
      }
      event.preventDefault();
    });

    if (kiosk) {
      // A public terminal: the assistant is the whole screen, open at once.
      launcher.hidden = true;
      setOpening(true);
      load();
    } else if (chatInProgress()) {
      // A live chat with city staff carries on after a reload: connect again at once.
      load();
    } else if ('requestIdleCallback' in window) {
      window.requestIdleCallback(load, { timeout: 10000 });
    } else {
      window.setTimeout(load, 3000);
    }
  }

  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount, { once: true });
  }
})();
