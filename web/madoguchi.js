// Page glue for the wasm app: starts the module, fetches files for it, keeps the ARIA mirror of
// the canvas in step with the app's semantic tree, and shows load failures in Japanese and English.
'use strict';
(function () {
  const FETCH_TIMEOUT_MS = 30000;

  // What the resident reads when the app cannot start, by kind of failure.
  const FAILURES = {
    wasm: {
      ja: ['アプリを読み込めませんでした。', '通信できる場所で、ページを再読み込みしてください。直らないときは、区役所の窓口にお問い合わせください。'],
      en: ['The app could not be loaded.', 'Reload the page where you have a connection. If it still fails, contact the ward office.'],
    },
    webgl: {
      ja: ['このブラウザでは表示できません。', '新しいバージョンの Chrome、Safari、Firefox、Edge でお試しください。'],
      en: ['This browser cannot show the app (WebGL 2 is off or missing).', 'Try an up-to-date Chrome, Safari, Firefox or Edge.'],
    },
    font: {
      ja: ['文字を表示するためのフォントを読み込めませんでした。', '通信できる場所で、ページを再読み込みしてください。'],
      en: ['The font needed to show the text could not be loaded.', 'Reload the page where you have a connection.'],
    },
    catalog: {
      ja: ['手続きの情報を読み込めませんでした。', 'ページを再読み込みしてください。直らないときは、区役所の窓口にお問い合わせください。'],
      en: ['The list of procedures could not be loaded.', 'Reload the page. If it still fails, contact the ward office.'],
    },
    messages: {
      ja: ['画面の文言を読み込めませんでした。', 'ページを再読み込みしてください。'],
      en: ['The app\u2019s texts could not be loaded.', 'Reload the page.'],
    },
  };

  const mirror = document.getElementById('mirror');
  const descriptions = document.getElementById('mirror-descriptions');
  const nodes = new Map();

  const Madoguchi = {
    ready: false,
    failed: null,
    frames: 0,

    markReady() {
      Madoguchi.ready = true;
      document.getElementById('loading').hidden = true;
    },

    fatal(kind, detail) {
      if (Madoguchi.failed) return;
      Madoguchi.failed = kind;
      const text = FAILURES[kind] || FAILURES.wasm;
      const panel = document.getElementById('load-error');
      const [jaTitle, enTitle] = panel.querySelectorAll('h1');
      const [jaHint, enHint] = panel.querySelectorAll('.what-to-do');
      jaTitle.textContent = text.ja[0];
      jaHint.textContent = text.ja[1];
      enTitle.textContent = text.en[0];
      enHint.textContent = text.en[1];
      panel.querySelector('pre').textContent = detail || '';
      document.getElementById('loading').hidden = true;
      document.getElementById('canvas').hidden = true;
      mirror.hidden = true;
      panel.hidden = false;
    },

    fetchAsset(id, url) {
      const bytes = carried(url);
      // Answered later, as a fetch is: the app asks for its files before it handles any answer.
      if (bytes) queueMicrotask(() => deliver(id, 200, bytes));
      else request(id, url, { cache: 'no-cache' });
    },

    fetchApi(id, url, headers) {
      request(id, url, { headers, cache: 'no-store' });
    },

    postBytes(id, url, headers, body) {
      request(id, url, { method: 'POST', headers, body });
    },

    // Applies {removed, upserted, order} from the app's semantic diff to the ARIA layer.
    applyMirror(json) {
      const changes = JSON.parse(json);
      const focusLost = () => document.activeElement === document.body || !document.activeElement;
      let hadFocus = mirror.contains(document.activeElement);
      for (const id of changes.removed) {
        const el = nodes.get(id);
        if (!el) continue;
        if (el.describedBy) el.describedBy.remove();
        el.remove();
        nodes.delete(id);
      }
      for (const n of changes.upserted) upsert(n);
      // Only a node out of place moves: moving the focused field would blur it and end an IME
      // composition, and a control appearing below the field (a button once something is typed) must
      // not cost the resident what they are converting.
      const placed = new Map();  // parent -> the last node put in place there
      for (const id of changes.order) {
        const el = nodes.get(id);
        const parent = parentOf(el.node);
        const after = placed.get(parent);
        const next = after ? after.nextElementSibling : parent.firstElementChild;
        if (next !== el) parent.insertBefore(el, next);
        placed.set(parent, el);
      }
      // A screen change removed the focused control: put focus on the new screen's heading, as a
      // page load would, so a screen-reader user hears where they are.
      if (hadFocus && focusLost()) {
        const h1 = mirror.querySelector('h1');
        if (h1) h1.focus({ preventScroll: true });
      }
    },
  };

  // A file index.html carries (tools/first-frame-page): what the first frame waits for came inside the
  // page. JSON as it is; anything else in hex. Kept in the page, so asking again gives it again.
  function carried(url) {
    const block = document.getElementById('carried:' + url);
    if (!block) return null;
    const text = block.textContent;
    if (block.type === 'application/json') return new TextEncoder().encode(text);
    if (Uint8Array.fromHex) return Uint8Array.fromHex(text);
    const bytes = new Uint8Array(text.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.substr(2 * i, 2), 16);
    return bytes;
  }

  // Hands C a copy of the bytes, which it owns and frees.
  function deliver(id, status, bytes) {
    const ptr = Module._malloc(Math.max(bytes.length, 1));
    Module.HEAPU8.set(bytes, ptr);
    Module._madoguchi_fetch_done(id, status, ptr, bytes.length, 0);
  }

  // Hands the answer (error answers too: their body says why) to C.
  function request(id, url, init) {
    fetch(url, { ...init, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
      .then(async (response) => deliver(id, response.status, new Uint8Array(await response.arrayBuffer())))
      .catch((err) => {
        Module.ccall('madoguchi_fetch_done', null, ['number', 'number', 'number', 'number', 'string'],
          [id, 0, 0, 0, err && err.name === 'TimeoutError' ? 'timed out' : String(err)]);
      });
  }

  function tagFor(n) {
    if (n.role === 'heading') return 'h' + Math.min(Math.max(n.level || 2, 1), 6);
    if (n.role === 'button' || n.role === 'checkbox' || n.role === 'radio') return 'button';
    if (n.role === 'link') return 'a';
    if (n.role === 'textbox') return 'input';
    return ['alert', 'status', 'radiogroup', 'img'].includes(n.role) ? 'div' : 'p';
  }

  // Group members (radios) live inside their group's element, positioned relative to it.
  function parentOf(n) {
    const group = n.group ? nodes.get(n.group) : null;
    return group || mirror;
  }

  function upsert(n) {
    const tag = tagFor(n);
    let el = nodes.get(n.id);
    if (el && el.localName !== tag) {
      if (el.describedBy) el.describedBy.remove();
      el.remove();
      el = null;
    }
    if (!el) {
      el = document.createElement(tag);
      el.dataset.id = String(n.id);
      if (tag === 'button') el.type = 'button';
      if (tag === 'a') el.href = '#';
      if (tag === 'input') makeField(el, n.id);
      if (['alert', 'status', 'checkbox', 'radiogroup', 'radio', 'img'].includes(n.role)) el.setAttribute('role', n.role);
      if (tag.startsWith('h')) el.tabIndex = -1;  // focus target after a screen change
      nodes.set(n.id, el);
      parentOf(n).appendChild(el);
    }
    el.node = n;
    if (n.role === 'radiogroup' || n.role === 'textbox' || n.role === 'img') el.setAttribute('aria-label', n.name);
    else if (el.textContent !== n.name) el.textContent = n.name;
    if (n.description) {
      if (!el.describedBy) {
        el.describedBy = document.createElement('span');
        el.describedBy.id = 'mirror-desc-' + n.id;
        descriptions.appendChild(el.describedBy);
        el.setAttribute('aria-describedby', el.describedBy.id);
      }
      el.describedBy.textContent = n.description;
    } else if (el.describedBy) {
      el.describedBy.remove();
      el.describedBy = null;
      el.removeAttribute('aria-describedby');
    }
    if (n.role === 'checkbox' || n.role === 'radio') el.setAttribute('aria-checked', n.checked ? 'true' : 'false');
    if (n.role === 'textbox') updateField(el, n);
    if (n.disabled) el.setAttribute('aria-disabled', 'true');
    else el.removeAttribute('aria-disabled');
    const origin = n.group && nodes.get(n.group) ? nodes.get(n.group).node : { x: 0, y: 0 };
    el.style.left = (n.x - origin.x) + 'px';
    el.style.top = (n.y - origin.y) + 'px';
    el.style.width = n.w + 'px';
    el.style.height = n.h + 'px';
  }

  // A text box's mirror element is the real field: while it has focus it is shown over the drawn one,
  // and the phone's keyboard, IME, caret, selection and paste are the browser's own. The app gets the
  // committed text; a composition in progress stays in the field until it ends.
  function makeField(el, id) {
    el.type = 'text';
    el.spellcheck = false;
    el.setAttribute('enterkeyhint', 'next');
    const send = () => Module.ccall('madoguchi_mirror_text', null, ['number', 'string'], [id, el.value]);
    el.addEventListener('input', (e) => { if (!e.isComposing) send(); });
    el.addEventListener('compositionend', send);
    el.addEventListener('focus', () => Module._madoguchi_mirror_focus(id, 1));
    el.addEventListener('blur', () => { send(); Module._madoguchi_mirror_focus(id, 0); });
    el.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.isComposing) el.blur(); });
  }

  function updateField(el, n) {
    // While the resident types, the field is the source of truth; the app's copy only follows it.
    if (document.activeElement !== el && el.value !== n.value) el.value = n.value;
    const type = n.secret ? 'password' : 'text';
    if (el.type !== type) el.type = type;  // only on a change: it must never disturb an IME composition
    el.inputMode = n.inputmode || 'text';
    el.autocomplete = n.autocomplete || 'off';
    el.setAttribute('aria-invalid', n.invalid ? 'true' : 'false');
    el.required = !!n.required;
    if (n.focus && document.activeElement !== el) el.focus({ preventScroll: true });
  }

  // A tap on a drawn field focuses its real field inside the tap (a phone opens its keyboard only for
  // a focus made in a user gesture); a tap elsewhere ends editing. A drag is a scroll, never a tap.
  const canvas = document.getElementById('canvas');
  let touchStart = null;
  const TAP_SLOP = 10;
  function fieldAt(x, y) {
    for (const el of mirror.querySelectorAll('input')) {
      const r = el.getBoundingClientRect();
      if (x >= r.left && x < r.right && y >= r.top && y < r.bottom) return el;
    }
    return null;
  }
  function tapAt(x, y) {
    const field = fieldAt(x, y);
    if (field) field.focus({ preventScroll: true });
    else if (mirror.contains(document.activeElement) && document.activeElement.localName === 'input') document.activeElement.blur();
  }
  canvas.addEventListener('touchstart', (e) => {
    const t = e.changedTouches[0];
    touchStart = e.touches.length === 1 ? { x: t.clientX, y: t.clientY } : null;
  }, { passive: true });
  canvas.addEventListener('touchend', (e) => {
    const t = e.changedTouches[0];
    if (touchStart && Math.hypot(t.clientX - touchStart.x, t.clientY - touchStart.y) <= TAP_SLOP) tapAt(t.clientX, t.clientY);
    touchStart = null;
  });
  canvas.addEventListener('mouseup', (e) => { if (e.button === 0) tapAt(e.clientX, e.clientY); });
  // The keyboard opening or closing changes the visible height: keep the field being edited in view.
  if (window.visualViewport) {
    window.visualViewport.addEventListener('resize', () => {
      const el = document.activeElement;
      if (el && el.localName === 'input' && mirror.contains(el)) Module._madoguchi_mirror_focus(Number(el.dataset.id), 1);
    });
  }

  // Tab on a desktop moves the focus through the mirror in the screen's order; a control below the fold
  // is scrolled into view by the app (text fields say so themselves when they take focus).
  mirror.addEventListener('focusin', (e) => {
    const el = e.target.closest('[data-id]');
    if (el && el.localName !== 'input') Module._madoguchi_mirror_reveal(Number(el.dataset.id));
  });
  // The browser scrolls even an overflow-hidden box to show what takes focus; the mirror must stay
  // exactly over the canvas, which the app scrolls instead.
  mirror.addEventListener('scroll', () => { mirror.scrollTop = 0; mirror.scrollLeft = 0; });

  // Screen readers and keyboards activate mirror controls with a click; the app treats it as a tap.
  mirror.addEventListener('click', (e) => {
    const el = e.target.closest('[data-id]');
    if (!el || !(el.localName === 'button' || el.localName === 'a')) return;
    e.stopPropagation();
    e.preventDefault();
    Module._madoguchi_mirror_activate(Number(el.dataset.id));
  });

  document.getElementById('reload').addEventListener('click', () => location.reload());

  // The app comes in two parts (tools/split-app): app.wasm, what a cold start at home runs, and
  // app.deferred.wasm, the rest, whose functions app.wasm holds placeholders for until it is in. A cold
  // start at home draws its first frame without waiting for the rest (README, First load) and fetches it
  // once app.wasm runs. Any other start (from the service worker's cache, or a link to a screen past
  // home, which runs the rest at once) fetches it with app.wasm and starts the app once both are in.
  const REST = 'app.deferred.wasm';
  const restFirst = (navigator.serviceWorker && navigator.serviceWorker.controller) ||
    location.hash.replace(/^#\/?/, '').replace(/\/$/, '') !== '';
  let restCompiled = null;  // the compiled rest, when it has come
  let restIn = false;       // its functions have taken their placeholders' places
  let restComing = null;
  let restMissing = null;   // why the rest could not be read when it was needed: the page must be reloaded
  function compileRest() {
    if (!restComing) {
      restComing = WebAssembly.compileStreaming(fetch(REST, { credentials: 'same-origin' }))
        .then((compiled) => (restCompiled = compiled));
      restComing.catch(() => { restComing = null; });  // a placeholder may ask again
    }
    return restComing;
  }
  function instantiateRest() {
    return compileRest()
      .then((compiled) => (restIn ? null : WebAssembly.instantiate(compiled, { primary: Module.asm })))
      .then(() => { restIn = true; });
  }
  // Emscripten's glue calls this when a placeholder runs before the rest is in (a tap past home within
  // the second it takes to come): the rest must then come at once, so it is read synchronously.
  function loadRestNow(file, imports) {
    if (restIn) return;
    if (restMissing) throw restMissing;
    try {
      let compiled = restCompiled;
      if (!compiled) {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', REST, false);
        xhr.overrideMimeType('text/plain; charset=x-user-defined');  // the bytes as they are, one per char
        xhr.send();
        if (xhr.status !== 200) throw new Error(REST + ': HTTP ' + xhr.status);
        const text = xhr.responseText;
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
        compiled = new WebAssembly.Module(bytes);
      }
      new WebAssembly.Instance(compiled, imports);
      restIn = true;
    } catch (e) {
      restMissing = e;
      Madoguchi.fatal('wasm', String(e));
      throw e;
    }
  }

  window.Madoguchi = Madoguchi;
  window.Module = {
    canvas: document.getElementById('canvas'),
    onAbort: (what) => Madoguchi.fatal('wasm', String(what)),
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    loadSplitModule: loadRestNow,
    preRun: [() => {
      const coming = instantiateRest();
      if (!restFirst) {
        coming.catch((e) => console.warn(REST + ' did not come, so it is read when first needed: ' + e));
        return;
      }
      Module.addRunDependency(REST);
      coming.then(() => Module.removeRunDependency(REST), (e) => Madoguchi.fatal('wasm', REST + ': ' + String(e)));
    }],
  };

  if (typeof WebAssembly !== 'object') {
    Madoguchi.fatal('wasm', 'WebAssembly is not supported by this browser');
    return;
  }
  if (restFirst) compileRest();
  const script = document.createElement('script');
  script.src = 'app.js';
  script.async = true;
  script.onerror = () => Madoguchi.fatal('wasm', 'app.js could not be loaded');
  document.body.appendChild(script);
})();
