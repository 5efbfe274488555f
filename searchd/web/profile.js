// A speaker's or a delegation's page: who they are (every form of the name,
// the delegations or speakers with them), when they spoke (sessions and
// years), on what (WSIS action lines, topics), and their statements by
// session and year, each linked to its paragraph. From the public API:
// /v1/speakers/{id} or /v1/countries/{code} for the figures, /v1/search with
// speaker= or country= for the statements.

import {api} from './api.js';
import {clear, formatNumber, h, snippetNodes} from './dom.js';
import {actionLineLabel, learnName, sessionLabel, typeLabel} from './labels.js';
import {copyState, emptyState, paragraphAnchor, profileUrl, stateUrl} from './state.js';

const PER_PAGE = 100;  // statements per request (the API's most)
const NAMES_SHOWN = 6;  // other forms of a name shown before "and N more"

/** The link from a speaker's or delegation's chip to their page. */
export function profileLink(state, field, id, name) {
  const what = field === 'speaker' ? 'speaker' : 'delegation';
  return h('a', {class: `profile-link profile-link-${what}`, href: profileUrl(state, field, id),
                 title: `Page of ${name}`, 'aria-label': `${name}: ${what}'s page`}, '↗');
}

function searchHref(field, id, extra = {}) {
  const next = emptyState();
  next.filters[field] = [id];
  for (const [key, value] of Object.entries(extra)) {
    if (key === 'q') next.q = value;
    else next.filters[key] = [value];
  }
  next.sort = 'date_desc';
  return stateUrl(next);
}

function yearsText(p) {
  if (!p.first_year) return null;
  return p.first_year === p.last_year ? String(p.first_year) : `${p.first_year}–${p.last_year}`;
}

function sessionKey(s) {
  return `s${s.year ?? 'x'}-${s.session ?? 'x'}`;
}

function sessionTitle(s) {
  return [s.session ? sessionLabel(s.session) : null, s.year ? String(s.year) : null].filter(Boolean).join(' · ') ||
         'Undated';
}

function header(p, state) {
  const field = p.kind;
  const others = p.names.filter((n) => n !== p.name);
  const facts = [];
  if (others.length) {
    facts.push(['Also printed as', others.slice(0, NAMES_SHOWN).join('; ') +
                                   (others.length > NAMES_SHOWN ? `; and ${others.length - NAMES_SHOWN} more` : '')]);
  }
  if (yearsText(p)) facts.push(['Years', yearsText(p)]);
  facts.push(['Statements', `${formatNumber(p.passages)} paragraphs in ${formatNumber(p.documents)} ` +
                            `${p.documents === 1 ? 'document' : 'documents'}`]);
  const people = (list, listField, label) => {
    if (!list.length) return null;
    return h('div', {class: 'profile-people'}, h('span', {class: 'attr-label'}, label),
      h('ul', {class: 'chip-list'}, list.map((v) => {
        learnName(listField, v.value, v.label);
        return h('li', {}, h('a', {class: `chip chip-${listField === 'speaker' ? 'speaker' : 'country'}`,
                                   href: profileUrl(state, listField, v.value)}, v.label || v.value),
                 h('span', {class: 'profile-count'}, formatNumber(v.count)));
      })));
  };
  return h('header', {class: 'doc-header profile-header'},
    h('p', {class: 'doc-kicker'}, field === 'speaker' ? 'Speaker' : 'Delegation'),
    h('h2', {id: 'profile-title', class: 'doc-title', tabindex: '-1'}, p.name),
    h('dl', {class: 'doc-facts'}, facts.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))),
    field === 'speaker' ? people(p.countries, 'country', 'Spoke for') : people(p.speakers, 'speaker', 'Speakers'),
    h('p', {class: 'profile-search'},
      h('a', {href: searchHref(field, p.id)}, `Search ${field === 'speaker' ? 'their' : 'its'} statements`)));
}

function summary(p) {
  const field = p.kind;
  const sessions = h('section', {class: 'profile-card', 'aria-labelledby': 'profile-sessions'},
    h('h3', {id: 'profile-sessions'}, 'Sessions and years'),
    h('ol', {class: 'profile-sessions'}, p.sessions.map((s) => h('li', {},
      h('a', {href: `#${sessionKey(s)}`}, sessionTitle(s)),
      h('span', {class: 'profile-count'}, `${formatNumber(s.passages)} ¶`)))));
  const lines = h('section', {class: 'profile-card', 'aria-labelledby': 'profile-lines'},
    h('h3', {id: 'profile-lines'}, 'WSIS action lines'),
    p.action_lines.length
      ? h('ul', {class: 'chip-list profile-chips'}, p.action_lines.map((a) => h('li', {},
          h('a', {class: 'chip chip-plain', href: searchHref(field, p.id, {action_line: a.value}),
                  title: actionLineLabel(a.value)}, a.value, h('span', {class: 'profile-count'}, formatNumber(a.count))))))
      : h('p', {class: 'profile-none'}, 'None named.'));
  const topics = h('section', {class: 'profile-card', 'aria-labelledby': 'profile-topics'},
    h('h3', {id: 'profile-topics'}, 'Topics'),
    p.topics.length
      ? h('ul', {class: 'chip-list profile-chips'}, p.topics.map((t) => h('li', {},
          h('a', {class: 'chip chip-plain', href: searchHref(field, p.id, {q: t.term})}, t.term))))
      : h('p', {class: 'profile-none'}, 'Too few statements to tell.'));
  return h('div', {class: 'profile-summary'}, sessions, lines, topics);
}

// The paragraph a hit is, linked, with its number, snippet and action lines.
function statement(hit, state) {
  const anchor = paragraphAnchor(hit.paragraph, hit.passage_id);
  const docState = copyState(state);
  docState.doc = hit.doc_id;
  const href = stateUrl(docState, {hash: `#${anchor}`});
  const number = hit.paragraph !== null ? `¶ ${hit.paragraph}` : '¶';
  return h('li', {class: 'profile-statement'},
    h('a', {class: 'profile-para', href, 'aria-label': `${hit.title || hit.doc_id}, ${
      hit.paragraph !== null ? `paragraph ${hit.paragraph}` : 'unnumbered paragraph'}`}, number),
    h('div', {},
      h('p', {class: 'hit-snippet'}, snippetNodes(hit.snippet)),
      hit.action_lines.length
        ? h('p', {class: 'profile-lines'}, hit.action_lines.map((a) => h('span', {class: 'chip chip-plain', title: actionLineLabel(a)}, a)))
        : null));
}

// Appends `hits` to `list`, under a heading per session and year and a
// sub-heading per document, in the document's paragraph order.
function appendStatements(list, hits, state, sections) {
  const ordinal = (hit) => Number(hit.passage_id.slice(hit.passage_id.lastIndexOf('-') + 1)) || 0;
  for (const hit of hits) {
    const key = sessionKey({year: hit.year, session: hit.session});
    let section = sections.get(key);
    if (!section) {
      const docs = h('ul', {class: 'profile-docs'});
      list.append(h('li', {class: 'profile-section', id: key},
        h('h3', {}, sessionTitle({year: hit.year, session: hit.session})), docs));
      section = {docs, byDoc: new Map()};
      sections.set(key, section);
    }
    let doc = section.byDoc.get(hit.doc_id);
    if (!doc) {
      const paragraphs = h('ol', {class: 'profile-paragraphs'});
      const docState = copyState(state);
      docState.doc = hit.doc_id;
      section.docs.append(h('li', {class: 'profile-doc'},
        h('h4', {}, h('a', {href: stateUrl(docState)}, hit.title || hit.doc_id),
          h('span', {class: 'profile-doc-type'}, ` ${typeLabel(hit.type)}`)), paragraphs));
      doc = {paragraphs};
      section.byDoc.set(hit.doc_id, doc);
    }
    const item = statement(hit, state);
    item.dataset.ordinal = String(ordinal(hit));
    const after = [...doc.paragraphs.children].find((other) => Number(other.dataset.ordinal) > ordinal(hit));
    if (after) doc.paragraphs.insertBefore(item, after);
    else doc.paragraphs.append(item);
  }
}

/**
 * Renders the page of `state.person` or `state.delegation` into `view`.
 * `onBack(event)` handles the way back to the search. Rejects with the API's
 * error (or AbortError).
 */
export async function renderProfile(view, state, {signal, onBack}) {
  clear(view);
  view.setAttribute('aria-busy', 'true');
  const field = state.person ? 'speaker' : 'country';
  const id = state.person || state.delegation;
  const back = h('a', {class: 'back-link', href: stateUrl(state, {person: null, delegation: null}), onclick: onBack},
                 h('span', {'aria-hidden': 'true'}, '← '), 'Back to results');
  view.append(h('nav', {class: 'doc-nav', 'aria-label': 'Profile'}, back),
              h('p', {class: 'loading'}, 'Loading…'));
  const profile = await (field === 'speaker' ? api.speaker(id, signal) : api.country(id, signal));
  learnName(field, profile.id, profile.name);

  const list = h('ol', {class: 'profile-statements'});
  const sections = new Map();
  const status = h('p', {class: 'profile-status', role: 'status'});
  const more = h('button', {type: 'button', class: 'button-secondary profile-more', hidden: true});
  let page = 0;
  const load = async () => {
    more.disabled = true;
    const params = new URLSearchParams({sort: 'date_desc', per_page: String(PER_PAGE), page: String(page + 1),
                                        facets: ''});
    params.set(field, profile.id);
    const result = await api.search(params, signal);
    page += 1;
    appendStatements(list, result.hits, state, sections);
    const shown = Math.min(page * PER_PAGE, result.total);
    clear(status).append(`${formatNumber(shown)} of ${formatNumber(result.total)} paragraphs shown, newest first.`);
    more.hidden = shown >= result.total;
    more.disabled = false;
    more.textContent = `Show ${formatNumber(Math.min(PER_PAGE, result.total - shown))} more`;
  };
  more.addEventListener('click', () => load().catch((e) => {
    if (e.name !== 'AbortError') clear(status).append(`More statements could not be loaded: ${e.message}`);
  }));
  await load();

  clear(view);
  view.append(h('nav', {class: 'doc-nav', 'aria-label': 'Profile'}, back,
                h('span', {class: 'doc-nav-title', 'aria-hidden': 'true'}, profile.name)),
              header(profile, state), summary(profile),
              h('section', {class: 'doc-body profile-body', 'aria-labelledby': 'profile-statements-heading'},
                h('h3', {id: 'profile-statements-heading', class: 'visually-hidden'}, 'Statements'),
                status, list, more));
  view.removeAttribute('aria-busy');
  document.title = `${profile.name} — CSTD Archive Search`;
  window.scrollTo(0, 0);
  view.querySelector('#profile-title').focus({preventScroll: true});
}
