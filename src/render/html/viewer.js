// controlmap viewer: month slider, playback, URL hash and the place panel.
// Every name is inserted with textContent; nothing is parsed as HTML.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  if (typeof DecompressionStream !== 'function') {
    $('unsupported').hidden = false;
    return;
  }
  // The data block is JSON, deflated (zlib) and written as base64: see src/render/html/pack.rs.
  async function inflate(text) {
    const binary = atob(text.trim());
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Response(stream).json();
  }
  // What the page's tests and other scripts can reach: `ready` settles once the data is shown.
  const api = {};
  window.controlmap = api;
  api.ready = inflate($('data').textContent).then(viewer);

function viewer(packed) {
  const data = unpack(packed);
  const ui = data.ui;
  const el = {
    title: $('title'), counts: $('counts'), img: $('map'), hotspots: $('hotspots'),
    panel: $('panel-body'), slider: $('slider'), prev: $('prev'), next: $('next'), play: $('play'),
  };
  const STEP_MS = 800;
  // The month shown, its states (place index -> state), the places that changed hands in it.
  const view = { index: -1, place: null, timer: null, states: new Map(), changed: new Set() };
  const monthIndex = new Map(data.months.map((m, i) => [m.month, i]));
  const buttons = [];
  const shownOn = [];

  // Texts are references into packed.strings (index + 1; 0 is none), claims in lists are
  // `claim * 4 + role`, places and claims are columns, and lists of place indices are steps.
  function unpack(packed) {
    const strings = packed.strings;
    const str = (ref) => (ref ? strings[ref - 1] : null);
    const p = packed.places;
    const places = p.id.map((id, i) => ({
      id: str(id), name: str(p.name[i]), kind: str(p.kind[i]), x: p.x[i] / 10, y: p.y[i] / 10, r: p.r[i] / 10,
    }));
    const c = packed.claims;
    const firstSource = new Uint32Array(c.date.length + 1);
    for (let i = 0; i < c.date.length; i++) firstSource[i + 1] = firstSource[i] + c.sources[i];
    const claim = (i) => {
      const sources = [];
      for (let k = firstSource[i]; k < firstSource[i + 1]; k++) {
        sources.push(str(c.source_parts[2 * k]) + str(c.source_parts[2 * k + 1]));
      }
      return {
        date: str(c.date[i]), holder: str(c.holder[i]), event: str(c.event[i]), other: str(c.other[i]),
        modality: str(c.modality[i]), note: str(c.note[i]), sources,
      };
    };
    const unstep = (steps) => {
      let at = 0;
      return steps.map((step) => (at += step));
    };
    const months = packed.months.map((m) => ({
      month: m.month, title: m.title, claims: m.claims, articles: m.articles,
      gone: unstep(m.gone), changed: unstep(m.changed), states: m.states, changes: m.changes,
    }));
    return {
      image: packed.image, factions: packed.factions, ui: packed.ui, roles: packed.roles, str, places, claim, months,
    };
  }

  // A claim list entry as [claim index, role].
  function claimEntry(ref) {
    return [Math.floor(ref / 4), data.roles[ref % 4]];
  }

  // Reads a month's claim list at ints[at]: its length, then each claim (index * 4 + role) as
  // the zigzag-coded step from the month's claim before (cursor.last). Advances cursor.at.
  function readClaims(ints, cursor) {
    const count = ints[cursor.at++];
    const refs = new Array(count);
    for (let k = 0; k < count; k++) {
      const code = ints[cursor.at++];
      cursor.last += code % 2 === 0 ? code / 2 : -(code + 1) / 2;
      refs[k] = cursor.last;
    }
    return refs;
  }

  // A state from its packed fields (holder, status, other, since, evidence, flags, certainty,
  // independent sources; see STATE_FIELDS in pack.rs) and its claim list.
  const FIELDS = 8;
  const CLAIMS_BIT = 1 << FIELDS;
  const BLANK = { f: new Array(FIELDS).fill(0), refs: [] };
  function stateOf(place, f, refs) {
    const str = data.str;
    return {
      place, f, refs, holder: str(f[0]), status: str(f[1]), other: str(f[2]), since: str(f[3]),
      evidence: str(f[4]), stale: (f[5] & 1) !== 0, conflict: (f[5] & 2) !== 0, certainty: str(f[6]),
      independent_sources: f[7],
    };
  }

  // Each month stores only the states that differ from the month before (states: records of
  // the fields that changed), the places no longer drawn (gone) and those that changed hands
  // (changed). The full states of every CHECKPOINT-th month are kept, so any month is a copy
  // and at most CHECKPOINT - 1 months of changes away.
  const CHECKPOINT = 12;
  const checkpoints = [];

  function applyMonth(states, month) {
    for (const place of month.gone) states.delete(place);
    const ints = month.states;
    const cursor = { at: 0, last: 0 };
    let place = 0;
    while (cursor.at < ints.length) {
      place += ints[cursor.at++];
      const mask = ints[cursor.at++];
      const before = states.get(place) || BLANK;
      const f = before.f.slice();
      for (let bit = 0; bit < FIELDS; bit++) if (mask & (1 << bit)) f[bit] = ints[cursor.at++];
      let refs = before.refs;
      if (mask & CLAIMS_BIT) {
        const keep = ints[cursor.at++];
        refs = refs.slice(0, keep).concat(readClaims(ints, cursor));
      }
      states.set(place, stateOf(place, f, refs));
    }
  }

  (function buildCheckpoints() {
    const states = new Map();
    data.months.forEach((month, i) => {
      applyMonth(states, month);
      if (i % CHECKPOINT === 0) checkpoints.push(new Map(states));
    });
  })();

  function statesAt(index) {
    const base = Math.floor(index / CHECKPOINT);
    const states = new Map(checkpoints[base]);
    for (let i = base * CHECKPOINT + 1; i <= index; i++) applyMonth(states, data.months[i]);
    return states;
  }

  // The month's change list: the place (index + 1; 0 when not drawn), the phrase as the texts
  // before and after the place's name (0 after: no name inside), when, and the claims.
  function changesOf(month) {
    const ints = month.changes;
    const str = data.str;
    const out = [];
    const cursor = { at: 0, last: 0 };
    while (cursor.at < ints.length) {
      const place = ints[cursor.at++] - 1;
      const before = ints[cursor.at++];
      const after = ints[cursor.at++];
      const text = after ? str(before) + data.places[place].name + str(after) : str(before);
      const when = str(ints[cursor.at++]);
      const claims = readClaims(ints, cursor).map(claimEntry);
      out.push({ place: place >= 0 ? place : undefined, text, when, claims });
    }
    return out;
  }

  // Days from a state's newest evidence (YYYY-MM-DD) to the last day of the month shown.
  function ageDays(evidence) {
    if (!evidence) return undefined;
    const [y, m] = data.months[view.index].month.split('-').map(Number);
    const [ey, em, ed] = evidence.split('-').map(Number);
    return Math.max(0, Math.round((Date.UTC(y, m, 0) - Date.UTC(ey, em - 1, ed)) / 86400000));
  }

  // Replaces {h}, {o}, {n}, {m}, {c}, {a} in a phrase; a function replacer keeps '$' in names literal.
  function fill(phrase, values) {
    return phrase.replace(/\{([a-z])\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
  }

  function node(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function factionName(id) {
    if (!id) return ui.nobody;
    const f = Object.hasOwn(data.factions, id) ? data.factions[id] : null;
    return f ? f.name : id;
  }

  function swatch(id) {
    const s = node('span', 'swatch');
    s.setAttribute('aria-hidden', 'true');
    const f = id && Object.hasOwn(data.factions, id) ? data.factions[id] : null;
    if (f) s.style.backgroundColor = f.color;
    return s;
  }

  function statusText(state) {
    const phrase = ui.statuses[state.status] || state.status;
    return fill(phrase, { o: factionName(state.other) });
  }

  function buildHotspots() {
    const order = data.places.map((p, i) => i).sort((a, b) => data.places[a].name.localeCompare(data.places[b].name));
    for (const i of order) {
      const p = data.places[i];
      // Areas get a small target at their label point, beneath any town marker it overlaps.
      const b = node('button', p.r > 0 ? 'hotspot' : 'hotspot area');
      b.type = 'button';
      b.dataset.place = p.id;
      b.setAttribute('aria-pressed', 'false');
      b.style.left = (100 * p.x / data.image.width) + '%';
      b.style.top = (100 * p.y / data.image.height) + '%';
      const diameter = p.r > 0 ? (200 * p.r / data.image.width) : 0;
      b.style.width = p.r > 0 ? 'calc(' + diameter + '% + 5px)' : '20px';
      b.addEventListener('click', () => selectPlace(i === view.place ? null : i));
      el.hotspots.appendChild(b);
      buttons[i] = b;
    }
  }

  // Updates the buttons of the given places (all when none are given).
  function updateHotspots(places) {
    // What each button shows, as last written: the DOM is touched only where it differs.
    const update = (i) => {
      const b = buttons[i];
      if (!b) return;
      const state = view.states.get(i);
      const pressed = i === view.place;
      const label = state
        ? data.places[i].name + ': ' + factionName(state.holder) + ', ' + statusText(state)
        : data.places[i].name;
      const was = shownOn[i];
      if (was && was.drawn === Boolean(state) && was.pressed === pressed && was.label === label) return;
      shownOn[i] = { drawn: Boolean(state), pressed, label };
      b.hidden = !state;
      b.setAttribute('aria-pressed', String(pressed));
      b.setAttribute('aria-label', label);
      b.title = label;
    };
    if (places) places.forEach(update); else buttons.forEach((b, i) => update(i));
  }


  // Moves the view to month i; gives the places whose buttons need updating (null: all).
  function moveTo(i) {
    const month = data.months[i];
    let touched = null;
    if (i === view.index + 1 && view.index >= 0) {
      touched = new Set(view.changed);
      for (const place of month.gone) touched.add(place);
      for (const state of month.states) touched.add(state.place);
      applyMonth(view.states, month);
    } else if (i !== view.index) {
      const before = view.states;
      view.states = statesAt(i);
      if (view.index >= 0) {
        // A state object is never changed once made, so the same object means the same state:
        // only the buttons of places whose state object differs are updated.
        touched = new Set(view.changed);
        for (const [place, state] of before) if (view.states.get(place) !== state) touched.add(place);
        for (const place of view.states.keys()) if (!before.has(place)) touched.add(place);
      }
    } else {
      touched = new Set();
    }
    view.changed = new Set(month.changed);
    if (touched) for (const place of month.changed) touched.add(place);
    return touched;
  }

  function show(index, options) {
    if (!data.months.length) return;
    const i = Math.max(0, Math.min(data.months.length - 1, index));
    const month = data.months[i];
    const changed = i !== view.index;
    const touched = moveTo(i);
    view.index = i;
    if (changed) {
      el.img.src = month.month + '.' + data.image.ext;
      el.img.alt = fill(ui.map_alt, { m: month.title });
      preload(i + 1);
    }
    el.title.textContent = month.title;
    document.title = month.title + ' · ' + ui.page_title;
    el.counts.textContent = fill(ui.counts, { c: month.claims, a: month.articles });
    el.slider.value = String(i);
    el.slider.setAttribute('aria-valuetext', month.title);
    el.prev.disabled = i === 0;
    el.next.disabled = i === data.months.length - 1;
    updateHotspots(touched);
    renderPanel();
    if (!options || options.hash !== false) setHash(month.month);
  }

  function preload(i) {
    if (i < data.months.length) new Image().src = data.months[i].month + '.' + data.image.ext;
  }

  function setHash(month) {
    if (location.hash === '#' + month) return;
    try {
      history.replaceState(null, '', '#' + month);
    } catch (e) {
      location.hash = month;
    }
  }

  function fromHash() {
    let month;
    try {
      month = decodeURIComponent(location.hash.slice(1));
    } catch (e) {
      return null; // a malformed hash opens the first month
    }
    const i = monthIndex.get(month);
    return i === undefined ? null : i;
  }

  function selectPlace(i) {
    const previous = view.place;
    view.place = i;
    updateHotspots([previous, i].filter((p) => p !== null));
    renderPanel();
    if (i === null && previous !== null && buttons[previous] && !buttons[previous].hidden) buttons[previous].focus();
  }

  function renderPanel() {
    if (view.place === null) {
      el.panel.replaceChildren(node('p', 'hint', ui.hint), changeList(data.months[view.index]));
      return;
    }
    const place = data.places[view.place];
    const state = view.states.get(view.place);
    const parts = [panelHead(place)];
    if (!state) {
      parts.push(node('p', 'hint', ui.no_claims));
    } else {
      parts.push(facts(state), flags(state), claimList(state));
    }
    el.panel.replaceChildren(...parts.filter(Boolean));
  }

  function panelHead(place) {
    const head = node('div', 'panel-head');
    const titles = node('div');
    if (place.kind === 'region' || place.kind === 'country') titles.appendChild(node('div', 'kind', ui.area));
    const h = node('h3', null, place.name);
    h.id = 'panel-place';
    titles.appendChild(h);
    const close = node('button', 'close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', ui.close);
    close.title = ui.close;
    close.addEventListener('click', () => selectPlace(null));
    head.append(titles, close);
    return head;
  }

  function facts(state) {
    const dl = node('dl', 'facts');
    const row = (term, value) => {
      const dd = node('dd');
      if (typeof value === 'string') dd.textContent = value; else dd.append(...value);
      dl.append(node('dt', null, term), dd);
    };
    const holderText = factionName(state.holder);
    row(ui.holder, [swatch(state.holder), document.createTextNode(holderText)]);
    row(ui.status, statusText(state));
    if (state.since) row(ui.since, state.since);
    if (state.evidence) row(ui.evidence, state.evidence + ageText(ageDays(state.evidence)));
    if (state.independent_sources) row(ui.independent, String(state.independent_sources));
    return dl;
  }

  function ageText(days) {
    if (days === undefined || days < 0) return '';
    const phrase = days === 0 ? ui.same_day : days === 1 ? ui.day_old : fill(ui.days_old, { n: days });
    return ' (' + phrase + ')';
  }

  function flags(state) {
    const active = [];
    if (view.changed.has(state.place)) active.push('changed');
    if (state.conflict) active.push('conflict');
    if (state.stale) active.push('stale');
    if (state.certainty !== 'fact') active.push('unconfirmed');
    if (!active.length) return null;
    const list = node('ul', 'flags');
    list.setAttribute('aria-label', ui.flags);
    for (const flag of active) list.appendChild(node('li', 'flag ' + flag, ui.flag_names[flag]));
    return list;
  }

  // The month's changes as the caption says them, each with the claims and sources behind it.
  // Long lists (a month of thousands of changes) show their first CHANGES_SHOWN entries and a
  // button that adds the rest, so stepping through the months stays quick.
  const CHANGES_SHOWN = 100;

  function changeList(month) {
    const box = node('section', 'changes');
    box.appendChild(node('h4', null, ui.changes_heading));
    const changes = changesOf(month);
    if (!changes.length) {
      box.appendChild(node('p', 'hint', ui.no_changes));
      return box;
    }
    const list = node('ul', 'claims');
    for (const change of changes.slice(0, CHANGES_SHOWN)) list.appendChild(changeItem(change));
    box.appendChild(list);
    if (changes.length > CHANGES_SHOWN) {
      const more = node('button', 'link more', fill(ui.more_changes, { n: changes.length }));
      more.type = 'button';
      more.addEventListener('click', () => {
        for (const change of changes.slice(CHANGES_SHOWN)) list.appendChild(changeItem(change));
        more.remove();
      });
      box.appendChild(more);
    }
    return box;
  }

  function changeItem(change) {
    const li = node('li', 'change');
    const head = node('p', 'change-head');
    if (change.place !== undefined) {
      const link = node('button', 'link', change.text);
      link.type = 'button';
      link.addEventListener('click', () => selectPlace(change.place));
      head.appendChild(link);
    } else {
      head.textContent = change.text;
    }
    head.appendChild(node('span', 'date', ' ' + change.when));
    li.appendChild(head);
    const claims = node('ul', 'claims');
    for (const [index, role] of change.claims) claims.appendChild(claimItem(data.claim(index), role));
    li.appendChild(claims);
    return li;
  }


  function claimList(state) {
    const box = node('section');
    box.appendChild(node('h4', null, ui.claims_heading));
    const list = node('ul', 'claims');
    for (const [index, role] of state.refs.map(claimEntry)) list.appendChild(claimItem(data.claim(index), role));
    box.appendChild(list);
    return box;
  }

  function claimItem(claim, role) {
    const li = node('li', 'claim');
    const head = node('div', 'claim-head');
    head.append(node('span', 'role ' + role, ui.roles[role] || role), node('span', 'date', claim.date));
    if (claim.modality !== 'fact') head.appendChild(node('span', 'modality', ui.modalities[claim.modality] || claim.modality));
    li.appendChild(head);
    const key = claim.other ? claim.event + '+' : claim.event;
    const phrase = ui.events[key] || ui.events[claim.event] || claim.event;
    li.appendChild(node('p', null, fill(phrase, { h: factionName(claim.holder), o: factionName(claim.other) })));
    const sources = node('ul', 'sources');
    for (const source of claim.sources) {
      const item = node('li');
      item.appendChild(node('code', null, source));
      sources.appendChild(item);
    }
    li.appendChild(sources);
    if (claim.note) li.appendChild(node('p', 'note', claim.note));
    return li;
  }

  function play() {
    if (view.timer !== null) return;
    if (view.index >= data.months.length - 1) show(0);
    view.timer = setInterval(() => {
      if (view.index >= data.months.length - 1) pause(); else show(view.index + 1);
    }, STEP_MS);
    el.play.setAttribute('aria-pressed', 'true');
    el.play.textContent = ui.pause;
  }

  function pause() {
    if (view.timer !== null) clearInterval(view.timer);
    view.timer = null;
    el.play.setAttribute('aria-pressed', 'false');
    el.play.textContent = ui.play;
  }

  function toggle() {
    if (view.timer === null) play(); else pause();
  }

  function step(delta) {
    pause();
    show(view.index + delta);
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const target = event.target;
    const onSlider = target === el.slider;
    const onButton = target instanceof HTMLButtonElement;
    if (event.key === ' ' && !onButton) {
      event.preventDefault();
      toggle();
    } else if (event.key === 'Escape' && view.place !== null) {
      selectPlace(null);
    } else if (!onSlider && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      step(event.key === 'ArrowLeft' ? -1 : 1);
    } else if (!onSlider && (event.key === 'Home' || event.key === 'End')) {
      event.preventDefault();
      pause();
      show(event.key === 'Home' ? 0 : data.months.length - 1);
    }
  }

  function start() {
    if (!data.months.length) {
      el.title.textContent = ui.no_claims;
      return;
    }
    el.slider.max = String(data.months.length - 1);
    buildHotspots();
    const initial = fromHash();
    show(initial === null ? 0 : initial, { hash: initial !== null });
    el.slider.addEventListener('input', () => { pause(); show(Number(el.slider.value)); });
    el.slider.addEventListener('change', () => show(Number(el.slider.value)));
    el.prev.addEventListener('click', () => step(-1));
    el.next.addEventListener('click', () => step(1));
    el.play.addEventListener('click', toggle);
    document.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', () => {
      const i = fromHash();
      if (i !== null && i !== view.index) show(i, { hash: false });
    });
  }

  // For tests: a place's table entry by SVG id, and the month shown as place id -> [holder, status].
  api.place = (id) => data.places.find((p) => p.id === id) || null;
  api.shown = () => {
    const out = {};
    for (const [i, state] of view.states) out[data.places[i].id] = [state.holder, state.status];
    return { month: view.index >= 0 ? data.months[view.index].month : null, places: out };
  };
  start();
}
})();
