// The search page: the query box, results, facets, timeline, document view
// and speakers' and delegations' pages, all from the public /v1 API. The URL holds the state (state.js);
// every change of state is a navigation, so Back, reload and a shared link
// all reproduce what the user saw.

import {inferredChip} from './action_lines.js';
import {api} from './api.js';
import {citationLine} from './citation.js';
import {renderCompare} from './compare.js';
import {renderDocument, focusAnchor} from './document.js';
import {clear, debounce, formatNumber, h, snippetNodes} from './dom.js';
import {Selection, downloadMenu} from './export.js';
import {FacetPanel} from './facets.js';
import {announceFeed, followControl} from './follow.js';
import {profileLink, renderProfile} from './profile.js';
import {FIELD_NAMES, hasName, learnNames, loadLabels, sessionLabel, typeLabel, valueLabel} from './labels.js';
import {
  FILTER_FIELDS, MAX_DEPTH, copyState, hasFilters, paragraphAnchor, readState, searchKey, searchParams, stateUrl,
} from './state.js';
import {renderTimeline} from './timeline.js';

const $ = (id) => document.getElementById(id);
const els = {
  form: $('search-form'), q: $('q'), sort: $('sort'), group: $('group'),
  searchView: $('search-view'), results: $('results'), status: $('status'), error: $('error'),
  suggestion: $('suggestion'), chips: $('chips'), timeline: $('timeline'), hits: $('hits'), pager: $('pager'),
  docView: $('document-view'), filtersToggle: $('filters-toggle'), filtersPanel: $('filters-panel'),
  profileView: $('profile-view'), tools: $('result-tools'), selection: $('selection'), compareView: $('compare-view'),
};

let state = readState(location);
let lastSearch = {key: null, result: null};
let shownDocument = null;     // {doc, q} of what the document view shows
let searchRequest = null;     // AbortControllers of requests in flight
let timelineRequest = null;
let documentRequest = null;
let profileRequest = null;
let compareRequest = null;
let openedFromResults = null;  // {scroll, href} of the hit opened from the results shown
let typingPushed = false;      // a burst of typing makes one history entry

history.scrollRestoration = 'manual';

const facets = new FacetPanel($('facets'), {
  onToggle: (field, value, checked) => toggleFilter(field, value, checked),
  onYearRange: (range) => {
    const next = copyState(state);
    next.filters.year = next.filters.year.filter((v) => !v.includes('..'));
    if (range) next.filters.year.push(range);
    next.page = 1;
    navigate(next);
  },
  onError: (e) => showError(e),
  onCompare: (codes) => {
    const next = copyState(state);
    next.filters.country = [];
    next.page = 1;
    next.compare = codes;
    navigate(next);
  },
});

// The hits a delegate ticks for export, kept across pages and searches.
const selection = new Selection(els.selection, (e) => showActionError(e));

// ---- Navigation ------------------------------------------------------------

function navigate(next, {replace = false, hash = ''} = {}) {
  if (!replace) typingPushed = false;
  state = next;
  const url = stateUrl(state, {hash});
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

function toggleFilter(field, value, on) {
  const next = copyState(state);
  const values = next.filters[field];
  if (on && !values.includes(value)) values.push(value);
  if (!on) next.filters[field] = values.filter((v) => v !== value);
  next.page = 1;
  next.doc = null;
  navigate(next);
}

function render() {
  syncForm();
  const profile = !state.doc && Boolean(state.person || state.delegation);
  const comparing = !state.doc && !profile && state.compare.length > 0;
  if (!profile && profileRequest) profileRequest.abort();
  if (!comparing && compareRequest) compareRequest.abort();
  els.profileView.hidden = !profile;
  els.compareView.hidden = !comparing;
  if (state.doc) showDocument();
  else if (profile) showProfile();
  else if (comparing) showCompare();
  else showSearch();
}

function syncForm() {
  if (document.activeElement !== els.q) els.q.value = state.q;
  els.sort.value = state.sort;
  els.group.checked = state.group === 'document';
  const active = FILTER_FIELDS.reduce((n, f) => n + state.filters[f].length, 0);
  els.filtersToggle.textContent = active ? `Filters (${active} active)` : 'Filters';
}

// ---- Search view -------------------------------------------------------------

function showSearch() {
  if (documentRequest) documentRequest.abort();
  els.docView.hidden = true;
  els.searchView.hidden = false;
  document.title = state.q ? `${state.q} — CSTD Archive Search` : 'CSTD Archive Search';
  if (lastSearch.key === searchKey(state)) {
    renderResults(lastSearch.result);
    if (openedFromResults) {
      window.scrollTo(0, openedFromResults.scroll);
      const link = els.hits.querySelector(`a[href="${CSS.escape(openedFromResults.href)}"]`);
      if (link) link.focus({preventScroll: true});
      openedFromResults = null;
    }
    return;
  }
  openedFromResults = null;
  runSearch();
}

async function runSearch() {
  if (searchRequest) searchRequest.abort();
  const request = (searchRequest = new AbortController());
  const key = searchKey(state);
  els.results.setAttribute('aria-busy', 'true');
  els.results.classList.add('is-loading');
  try {
    let result = await api.search(searchParams(state), request.signal);
    if (request !== searchRequest) return;
    // Nothing found, and the API suggests a query that finds more: its
    // results, saying so, unless the user asked for the query as typed.
    if (!result.total && result.suggestion && !state.asTyped) {
      const suggested = await api.search(searchParams({...state, q: result.suggestion}), request.signal);
      if (request !== searchRequest) return;
      if (suggested.total) result = {...suggested, shownFor: result.suggestion, typed: state.q};
    }
    learnNames(result);
    lastSearch = {key: normaliseFilters(result) ? searchKey(state) : key, result};
    renderResults(result);
    nameSelectedValues(result, request.signal);
  } catch (e) {
    if (e.name === 'AbortError') return;
    lastSearch = {key: null, result: null};
    showError(e);
  } finally {
    if (request === searchRequest) {
      els.results.removeAttribute('aria-busy');
      els.results.classList.remove('is-loading');
    }
  }
}

// The API names filters canonically (country=Japan -> JPN, speaker names ->
// ids); the URL and the checkboxes follow. Returns whether anything changed.
function normaliseFilters(result) {
  const applied = (result.query && result.query.filters) || {};
  let changed = false;
  for (const field of FILTER_FIELDS) {
    const got = applied[field] || [];
    const have = state.filters[field];
    if (got.length === have.length && got.some((v, i) => v !== have[i])) {
      state.filters[field] = [...got];
      changed = true;
    }
  }
  if (changed) history.replaceState(null, '', stateUrl(state, {hash: location.hash}));
  return changed;
}

// A selected delegation or speaker the results do not name (a search with
// no hits) is looked up by its id, so its chip reads "Iran", not "IRN".
async function nameSelectedValues(result, signal) {
  const missing = ['country', 'speaker'].flatMap((field) =>
    state.filters[field].filter((v) => !hasName(field, v)).map((value) => ({field, value})));
  if (!missing.length) return;
  try {
    const answers = await Promise.all(missing.map(({field, value}) =>
      api.facet(field, {q: '', prefix: value, limit: '10'}, signal)));
    answers.forEach(learnNames);
  } catch (e) {
    return;  // the codes stay; nothing else depends on the names
  }
  if (lastSearch.result !== result) return;
  renderChips();
  facets.update(result, shownState(result));
}

function showError(e) {
  els.error.hidden = false;
  clear(els.error).append(
    h('strong', {}, e.status === 400 ? 'This search could not be run. ' : 'Something went wrong. '),
    e.message || String(e));
  if (e.status === 400 || e.status === 0 || e.status >= 500) {
    clear(els.status).append('No results.');
    clear(els.hits);
    clear(els.pager);
    els.suggestion.hidden = true;
    els.timeline.hidden = true;
    renderChips();  // the offending filter can be removed here
    facets.update({facets: {}}, state);  // no counts to show, none stale
  }
}

// The state whose results `result` shows: shown in place of the query, the
// suggestion is what the facets' value searches and the timeline count, and
// what a document opened from a hit highlights.
function shownState(result) {
  return result.shownFor ? {...copyState(state), q: result.shownFor} : state;
}

function renderResults(result) {
  els.error.hidden = true;
  renderStatus(result);
  renderTools(result);
  renderSuggestion(result);
  renderChips();
  renderHits(result);
  renderPager(result);
  const shown = shownState(result);
  facets.update(result, shown);
  drawTimeline(result, shown);
}

function renderStatus(result) {
  const unit = state.group === 'document' ? ['document', 'documents'] : ['paragraph', 'paragraphs'];
  const noun = result.total === 1 ? unit[0] : unit[1];
  const first = (result.page - 1) * result.per_page + 1;
  const last = first + result.hits.length - 1;
  const browsing = !state.q && !hasFilters(state);
  const parts = [h('strong', {class: 'status-total'}, formatNumber(result.total)), ` ${noun}`,
                 browsing ? ' in the archive' : ' found'];
  if (result.total > result.per_page && result.hits.length) {
    parts.push(`, showing ${formatNumber(first)}–${formatNumber(last)}`);
  }
  parts.push(h('span', {class: 'status-time'}, ` in ${result.took_ms.toFixed(1)} ms`));
  clear(els.status).append(...parts);
}

// What a delegate does with a search besides reading it: download it, follow
// it; and the ticked hits' bar.
function renderTools(result) {
  clear(els.tools);
  els.tools.hidden = false;
  if (result.total > 0) els.tools.append(downloadMenu(state, result, showActionError));
  els.tools.append(followControl(state));
  announceFeed(state);
  selection.render();
}

// An error of an action (an export), shown without touching the results.
function showActionError(e) {
  els.error.hidden = false;
  clear(els.error).append(h('strong', {}, 'That could not be done. '), e.message || String(e));
}

// What the page says about the query: the suggestion's results shown in
// its place, a suggestion, or the words a pasted paragraph was searched by.
function renderSuggestion(result) {
  clear(els.suggestion);
  const link = (q, label, asTyped) => {
    const next = copyState(state);
    next.q = q;
    next.page = 1;
    next.asTyped = asTyped;
    return h('a', {href: stateUrl(next), onclick: (e) => follow(e, next)}, h('em', {}, label));
  };
  if (result.shownFor) {
    els.suggestion.append('Showing results for ', link(result.shownFor, result.shownFor, false),
                          '; search instead for ', link(result.typed, result.typed, true), '.');
  } else if (result.suggestion) {
    els.suggestion.append('Did you mean ', link(result.suggestion, result.suggestion, false), '?');
  } else if (result.like_this) {
    els.suggestion.append('Paragraphs like the text you pasted, found by its most distinctive words: ',
                          h('em', {}, result.like_this.join(', ')), '.');
  }
  els.suggestion.hidden = !els.suggestion.firstChild;
}

function renderChips() {
  clear(els.chips);
  const chips = [];
  for (const field of FILTER_FIELDS) {
    for (const value of state.filters[field]) {
      const label = `${FIELD_NAMES[field]}: ${valueLabel(field, value)}`;
      chips.push(h('li', {}, h('button', {type: 'button', class: 'chip chip-active', 'aria-label': `Remove filter ${label}`,
                                          onclick: () => toggleFilter(field, value, false)},
        h('span', {class: 'chip-field'}, `${FIELD_NAMES[field]}:`), ` ${valueLabel(field, value)}`,
        h('span', {class: 'chip-x', 'aria-hidden': 'true'}, '×')),
        field === 'country' || field === 'speaker' ? profileLink(state, field, value, valueLabel(field, value)) : null));
    }
  }
  els.chips.hidden = !chips.length;
  if (!chips.length) return;
  const clearAll = () => {
    const next = copyState(state);
    for (const field of FILTER_FIELDS) next.filters[field] = [];
    next.page = 1;
    navigate(next);
  };
  els.chips.append(h('span', {class: 'active-filters-label', id: 'active-filters-label'}, 'Active filters'),
                   h('ul', {class: 'chip-list', 'aria-labelledby': 'active-filters-label'}, chips));
  if (chips.length > 1) els.chips.append(h('button', {type: 'button', class: 'link-button', onclick: clearAll}, 'Clear all'));
}

function hitItem(hit, result) {
  const anchor = paragraphAnchor(hit.paragraph, hit.passage_id);
  const docState = copyState(shownState(result));
  docState.doc = hit.doc_id;
  const href = stateUrl(docState, {hash: `#${anchor}`});
  const meta = [
    h('span', {class: 'badge'}, typeLabel(hit.type)),
    hit.session ? h('span', {}, sessionLabel(hit.session)) : null,
    hit.year ? h('span', {}, String(hit.year)) : null,
    hit.symbol ? h('span', {class: 'symbol'}, hit.symbol) : null,
    h('span', {class: 'para-ref'}, hit.paragraph !== null ? `Paragraph ${hit.paragraph}` : 'Unnumbered paragraph'),
    // A paragraph of several statements: the hit is one of them, its
    // speaker's words and attribution.
    hit.statement !== null && hit.statement !== undefined
      ? h('span', {class: 'statement-ref', title: 'The snippet, speakers and delegations are this statement\'s'},
          `statement ${hit.statement + 1}`)
      : null,
    hit.page !== null ? h('span', {class: 'page-ref', title: `Page ${hit.page} of the original PDF`}, `p. ${hit.page}`) : null,
  ];
  const chip = (field, value, label, kind) => {
    const on = state.filters[field].includes(value);
    return h('li', {}, h('button', {type: 'button', class: `chip chip-${kind}`, 'aria-pressed': String(on),
                                    title: on ? `Remove the filter ${label}` : `Show only ${label}`,
                                    onclick: () => toggleFilter(field, value, !on)},
      h('span', {class: 'visually-hidden'}, `${FIELD_NAMES[field]}: `), label),
      field === 'country' || field === 'speaker' ? profileLink(state, field, value, label) : null);
  };
  // An inferred line filters like a named one; it is marked, and says why.
  const inferredLine = (line) => {
    const on = state.filters.action_line.includes(line.code);
    return h('li', {class: 'inferred-wrap'}, inferredChip('button', {type: 'button', class: 'chip chip-plain',
      'aria-pressed': String(on), onclick: () => toggleFilter('action_line', line.code, !on)}, line));
  };
  const people = [
    ...hit.countries.map((c) => chip('country', c.code, c.name, 'country')),
    ...hit.speakers.map((s) => chip('speaker', s.id, s.name, 'speaker')),
    ...hit.action_lines.map((a) => chip('action_line', a, a, 'plain')),
    ...hit.action_lines_inferred.map(inferredLine),
  ];
  return h('li', {class: 'hit'},
    h('article', {},
      selection.checkbox(hit),
      h('h3', {class: 'hit-title'},
        h('a', {href, onclick: (e) => openDocument(e, docState, anchor, href)},
          h('span', {class: 'hit-doc'}, hit.title || hit.doc_id),
          // Titles repeat across hits; the paragraph tells the links apart.
          h('span', {class: 'visually-hidden'}, hit.paragraph !== null ? `, paragraph ${hit.paragraph}` : ', unnumbered paragraph'))),
      h('p', {class: 'hit-meta'}, meta.filter(Boolean).map((m, i) => [i > 1 ? h('span', {class: 'sep', 'aria-hidden': 'true'}, '·') : null, m])),
      h('p', {class: 'hit-snippet'}, snippetNodes(hit.snippet)),
      people.length ? h('ul', {class: 'hit-people', 'aria-label': 'Speakers, delegations and action lines'}, people) : null,
      citationLine(hit.citation)));
}

function renderHits(result) {
  clear(els.hits);
  els.hits.start = (result.page - 1) * result.per_page + 1;
  if (!result.hits.length) {
    const tips = hasFilters(state) ? 'Try removing a filter, or fewer words.' : 'Try other or fewer words.';
    els.hits.append(h('li', {class: 'no-hits'}, h('p', {}, h('strong', {}, 'Nothing found. '), tips)));
    return;
  }
  for (const hit of result.hits) els.hits.append(hitItem(hit, result));
}

function renderPager(result) {
  clear(els.pager);
  const pages = Math.min(Math.ceil(result.total / result.per_page), Math.floor(MAX_DEPTH / result.per_page));
  if (pages <= 1) return;
  const current = result.page;
  const link = (page, label, extra = {}) => {
    const next = copyState(state);
    next.page = page;
    return h('a', {href: stateUrl(next), onclick: (e) => follow(e, next, {toResults: true}), ...extra}, label);
  };
  const items = [];
  if (current > 1) items.push(link(current - 1, '‹ Previous', {rel: 'prev'}));
  const shown = new Set([1, pages, current - 2, current - 1, current, current + 1, current + 2]);
  let gap = false;
  for (let p = 1; p <= pages; ++p) {
    if (!shown.has(p)) {
      if (!gap) items.push(h('span', {class: 'pager-gap', 'aria-hidden': 'true'}, '…'));
      gap = true;
      continue;
    }
    gap = false;
    items.push(p === current ? h('span', {class: 'pager-current', 'aria-current': 'page'},
                                 h('span', {class: 'visually-hidden'}, 'Page '), String(p))
                             : link(p, [h('span', {class: 'visually-hidden'}, 'Page '), String(p)]));
  }
  if (current < pages) items.push(link(current + 1, 'Next ›', {rel: 'next'}));
  els.pager.append(h('ul', {}, items.map((i) => h('li', {}, i))));
}

async function drawTimeline(result, shown) {
  if (timelineRequest) timelineRequest.abort();
  const request = (timelineRequest = new AbortController());
  try {
    await renderTimeline(els.timeline, shown, result, request.signal, (code) => {
      const on = state.filters.country.includes(code);
      if (on) {
        toggleFilter('country', code, false);
      } else {
        const next = copyState(state);
        next.filters.country = [code];
        next.page = 1;
        navigate(next);
      }
    });
  } catch (e) {
    if (e.name === 'AbortError') return;
    clear(els.timeline).append(h('p', {class: 'timeline-empty'}, `The timeline could not be drawn: ${e.message}`));
    els.timeline.hidden = false;
  }
}

// A link within the page: navigate without reloading (new tabs as usual).
// Returns whether it did.
function follow(event, next, {toResults = false, hash = ''} = {}) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  event.preventDefault();
  navigate(next, {hash});
  if (toResults) {
    els.results.scrollIntoView({block: 'start'});
    els.results.focus({preventScroll: true});
  }
  return true;
}

// ---- Document view -------------------------------------------------------------

function openDocument(event, docState, anchor, href) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  openedFromResults = {scroll: window.scrollY, href};
  navigate(docState, {hash: `#${anchor}`});
}

async function showDocument() {
  if (searchRequest) searchRequest.abort();
  if (timelineRequest) timelineRequest.abort();
  els.searchView.hidden = true;
  els.docView.hidden = false;
  const anchor = decodeURIComponent(location.hash.slice(1));
  if (shownDocument && shownDocument.doc === state.doc && shownDocument.q === state.q) {
    focusAnchor(els.docView, anchor);
    return;
  }
  if (documentRequest) documentRequest.abort();
  const request = (documentRequest = new AbortController());
  shownDocument = null;
  try {
    await renderDocument(els.docView, state, anchor, {signal: request.signal, onBack: back});
    shownDocument = {doc: state.doc, q: state.q};
  } catch (e) {
    if (e.name !== 'AbortError') showViewError(els.docView, e, 'No such document. ', 'The document could not be loaded. ');
  }
}

// An API error in the document view or a profile, in place of what was loading.
function showViewError(view, e, notFound, failed) {
  view.removeAttribute('aria-busy');
  const loading = view.querySelector('.loading');
  if (loading) loading.remove();
  view.append(h('div', {class: 'error', role: 'alert'}, h('strong', {}, e.status === 404 ? notFound : failed), e.message));
}

// ---- Views of their own: a speaker's or delegation's page, a comparison ---------

// Shows `view` instead of the results and the document, drawn by
// `draw(view, state, {signal, onBack})`; an API error is shown in its place.
// Returns the request's AbortController.
function showOwnView(view, draw, previous, notFound, failed) {
  if (searchRequest) searchRequest.abort();
  if (timelineRequest) timelineRequest.abort();
  if (documentRequest) documentRequest.abort();
  els.searchView.hidden = true;
  els.docView.hidden = true;
  shownDocument = null;
  if (previous) previous.abort();
  const request = new AbortController();
  draw(view, state, {signal: request.signal, onBack: back}).catch((e) => {
    if (e.name !== 'AbortError') showViewError(view, e, notFound, failed);
  });
  return request;
}

function showProfile() {
  profileRequest = showOwnView(els.profileView, renderProfile, profileRequest, 'No such speaker or delegation. ',
                               'The page could not be loaded. ');
}

function showCompare() {
  compareRequest = showOwnView(els.compareView, renderCompare, compareRequest, 'Nothing to compare. ',
                               'The comparison could not be made. ');
}

// To the results of the same search: as they were (scroll position and
// focus on the hit) when the document was opened from them.
function back(event) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const next = copyState(state);
  next.doc = null;
  if (!state.doc) {  // from a profile or a comparison: to the search
    next.person = next.delegation = null;
    next.compare = [];
  }
  if (!openedFromResults) window.scrollTo(0, 0);
  navigate(next);
}

// ---- Events ------------------------------------------------------------------

const typed = debounce(() => {
  const q = els.q.value;
  if (q === state.q && !state.doc && !state.person && !state.delegation) return;
  const next = copyState(state);
  next.q = q;
  next.page = 1;
  next.asTyped = false;
  next.doc = next.person = next.delegation = null;
  const replace = typingPushed && !state.doc && !state.person && !state.delegation;
  navigate(next, {replace});
  typingPushed = true;
}, 300);

els.q.addEventListener('input', typed);
els.form.addEventListener('submit', (event) => {
  event.preventDefault();
  typed.cancel();
  typingPushed = false;
  if (els.q.value !== state.q || state.doc || state.person || state.delegation) {
    const next = copyState(state);
    next.q = els.q.value;
    next.page = 1;
    next.asTyped = false;
    next.doc = next.person = next.delegation = null;
    navigate(next);
  }
  els.results.focus({preventScroll: true});
});
els.sort.addEventListener('change', () => {
  const next = copyState(state);
  next.sort = els.sort.value;
  next.page = 1;
  navigate(next);
});
els.group.addEventListener('change', () => {
  const next = copyState(state);
  next.group = els.group.checked ? 'document' : 'passage';
  next.page = 1;
  navigate(next);
});
els.filtersToggle.addEventListener('click', () => {
  const open = els.filtersToggle.getAttribute('aria-expanded') !== 'true';
  els.filtersToggle.setAttribute('aria-expanded', String(open));
  els.filtersPanel.classList.toggle('is-open', open);
});
// Links in the document view to filtered results (a speaker's, a
// delegation's), and in a profile to statements and other profiles, stay in
// the page.
for (const view of [els.docView, els.profileView, els.compareView]) {
  view.addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="/?"]');
    if (!link || link.classList.contains('back-link')) return;
    const url = new URL(link.href);
    if (follow(event, readState(url), {hash: url.hash}) && !url.hash) window.scrollTo(0, 0);
  });
}
window.addEventListener('popstate', () => {
  typingPushed = false;
  state = readState(location);
  render();
});

// The titles of coded values first, so the first render already shows them.
loadLabels().then(render);
