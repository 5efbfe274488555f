// The document view: the whole document from /v1/documents/{doc_id}, its
// title and symbol, its numbered paragraphs each with an anchor (#p37), its
// attribution and its citation to copy, the searched words highlighted
// (with the acronyms and spelled-out forms the API says they find), a link
// to the original file (and, for a PDF, from each paragraph to its page),
// and the way back to the results.

import {paragraphActionLines} from './action_lines.js';
import {api} from './api.js';
import {citationLine} from './citation.js';
import {clear, formatDate, formatNumber, h, highlighter, queryWords} from './dom.js';
import {countryName, learnNames, sessionLabel, typeLabel} from './labels.js';
import {profileLink} from './profile.js';
import {similarControl} from './similar.js';
import {copyState, paragraphAnchor, stateUrl} from './state.js';

let countriesLoaded = null;

// Country names for attributions: every delegation the index knows, once.
function loadCountryNames(signal) {
  if (!countriesLoaded) {
    countriesLoaded = api.facet('country', {q: '', limit: '1000'}, signal).then(learnNames).catch((e) => {
      countriesLoaded = null;
      if (e.name === 'AbortError') return;
      // Codes stand in for names; the document is still worth showing.
    });
  }
  return countriesLoaded;
}

// "17–19 November 2021", "28 March – 1 April 2022", as the UN writes dates.
function dateRange(start, end) {
  if (!start || !end || start === end) return formatDate(start || end);
  const [a, b] = [formatDate(start).split(' '), formatDate(end).split(' ')];
  if (a.length !== 3 || b.length !== 3) return `${formatDate(start)} – ${formatDate(end)}`;
  if (a[2] !== b[2]) return `${a.join(' ')} – ${b.join(' ')}`;
  if (a[1] !== b[1]) return `${a[0]} ${a[1]} – ${b.join(' ')}`;
  return `${a[0]}–${b.join(' ')}`;
}

function meetingText(meeting) {
  if (!meeting) return null;
  return [meeting.place, dateRange(meeting.start, meeting.end)].filter(Boolean).join(', ');
}

function speakerText(s) {
  const name = [s.honorific, s.name].filter(Boolean).join(' ');
  const about = [s.role, s.affiliation, s.country ? countryName(s.country) : null].filter(Boolean).join(', ');
  return about ? `${name} (${about})` : name;
}

/** A link to the results filtered by one more value, keeping the query. */
function filterHref(state, field, value) {
  const next = copyState(state);
  if (!next.filters[field].includes(value)) next.filters[field].push(value);
  next.page = 1;
  return stateUrl(next, {doc: null});
}

/**
 * The link to the original file, or for a PDF to one of its pages: browsers'
 * PDF viewers open a PDF at #page=N. A new tab keeps the document view.
 */
function originalLink(doc, attrs, page, ...children) {
  const href = page ? `${doc.original}#page=${page}` : doc.original;
  return h('a', {...attrs, href, target: '_blank', rel: 'noopener'}, ...children);
}

function attribution(paragraph, state) {
  const speakers = [];
  for (const statement of paragraph.statements) {
    for (const s of statement.speakers) {
      if (!speakers.some((k) => k.id === s.id)) speakers.push(s);
    }
  }
  const parts = [];
  if (speakers.length) {
    parts.push(h('span', {class: 'attr-group'}, h('span', {class: 'attr-label'}, speakers.length > 1 ? 'Speakers' : 'Speaker'),
      speakers.map((s) => [h('a', {class: 'chip chip-speaker', href: filterHref(state, 'speaker', s.id),
                                   title: `Results for this search by ${s.name}`}, speakerText(s)),
                           profileLink(state, 'speaker', s.id, s.name)])));
  }
  if (paragraph.countries.length) {
    parts.push(h('span', {class: 'attr-group'},
      h('span', {class: 'attr-label'}, paragraph.countries.length > 1 ? 'Delegations' : 'Delegation'),
      paragraph.countries.map((code) => [h('a', {class: 'chip chip-country', href: filterHref(state, 'country', code),
                                                 title: `Results for this search by ${countryName(code)}`}, countryName(code)),
                                         profileLink(state, 'country', code, countryName(code))])));
  }
  if (paragraph.action_lines.length || paragraph.action_lines_inferred.length) {
    parts.push(h('span', {class: 'attr-group'}, h('span', {class: 'attr-label'}, 'Action lines'),
      paragraphActionLines(paragraph)));
  }
  return parts.length ? h('p', {class: 'para-attribution'}, parts) : null;
}

/**
 * Renders document `state.doc` into `view` and brings paragraph `anchor`
 * ("p37") into view. `onBack(event)` handles the back link.
 */
export async function renderDocument(view, state, anchor, {signal, onBack}) {
  clear(view);
  view.setAttribute('aria-busy', 'true');
  const backHref = stateUrl(state, {doc: null});
  const back = h('a', {class: 'back-link', href: backHref, onclick: onBack}, h('span', {'aria-hidden': 'true'}, '← '),
                 'Back to results');
  view.append(h('nav', {class: 'doc-nav', 'aria-label': 'Document'}, back),
              h('p', {class: 'loading'}, 'Loading the document…'));
  const [answer] = await Promise.all([api.document(state.doc, state.q, signal), loadCountryNames(signal)]);
  const {document: doc, paragraphs} = answer;
  const mark = highlighter(state.q, answer.highlight || []);
  const withMark = (text) => (mark ? mark(text) : text);

  const kicker = [typeLabel(doc.type), doc.body, doc.session ? sessionLabel(doc.session) : null, doc.year]
    .filter(Boolean).join(' · ');
  const facts = [
    ['Symbol', doc.symbol],
    ['Date', formatDate(doc.date)],
    ['Meeting', meetingText(doc.meeting)],
    ['Prepared by', doc.author],
    ['Action lines', doc.action_lines.length ? doc.action_lines.join(', ') : null],
  ].filter(([, v]) => v);
  const header = h('header', {class: 'doc-header'},
    h('p', {class: 'doc-kicker'}, kicker),
    h('h2', {id: 'doc-title', class: 'doc-title', tabindex: '-1'}, withMark(doc.title)),
    h('dl', {class: 'doc-facts'}, facts.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))));

  const body = h('div', {class: 'doc-body'});
  let section = null;
  const matching = [];
  const seen = new Set();
  for (const p of paragraphs) {
    if (p.section && p.section !== section) {
      section = p.section;
      body.append(h('h3', {class: 'doc-section'}, section));
    }
    // Numbers can repeat (annexes restart them); the first keeps #pN.
    let id = paragraphAnchor(p.number, p.passage_id);
    if (seen.has(id)) id = paragraphAnchor(null, p.passage_id);
    seen.add(id);
    const text = withMark(p.text);
    const hasMark = text instanceof DocumentFragment && text.querySelector('mark');
    if (hasMark) matching.push({id, number: p.number});
    const numberLabel = p.number !== null ? `Paragraph ${p.number}` : 'Unnumbered paragraph';
    body.append(h('div', {class: `para${hasMark ? ' para-match' : ''}`, id, tabindex: '-1',
                          dataset: {passageId: p.passage_id}},
      h('div', {class: 'para-gutter'},
        h('a', {class: 'para-num', href: `#${id}`, title: `Link to this paragraph (${numberLabel.toLowerCase()})`,
                'aria-label': `${numberLabel}: link to cite`},
          p.number !== null ? String(p.number) : '¶'),
        p.page !== null
          ? originalLink(doc, {class: 'para-page', title: `Page ${p.page} of the original PDF`,
                               'aria-label': `${numberLabel}: page ${p.page} of the original PDF`}, p.page, `p. ${p.page}`)
          : null),
      h('div', {class: 'para-body'}, h('p', {class: 'para-text'}, text), attribution(p, state),
        citationLine(p.citation), similarControl(p, state))));
  }

  const words = queryWords(state.q);
  let summary = null;
  if (words.length) {
    summary = h('p', {class: 'doc-matches'},
      matching.length
        ? ['Your search words (', words.map((w, i) => [i ? ', ' : '', h('mark', {}, w)]),
           `) appear in ${formatNumber(matching.length)} of ${formatNumber(paragraphs.length)} paragraphs: `,
           matching.slice(0, 40).map((m, i) => [i ? ' ' : '', h('a', {href: `#${m.id}`}, m.number !== null ? `¶${m.number}` : '¶')]),
           matching.length > 40 ? ' …' : '']
        : ['Your search words (', words.map((w, i) => [i ? ', ' : '', h('mark', {}, w)]),
           `) do not appear as written in the ${formatNumber(paragraphs.length)} paragraphs.`]);
  } else {
    summary = h('p', {class: 'doc-matches'}, `${formatNumber(paragraphs.length)} paragraphs.`);
  }

  clear(view);
  const original = originalLink(doc, {class: 'doc-original', title: 'The archive file as it was indexed'}, null,
                                doc.format === 'pdf' ? 'Original PDF' : 'Original file');
  view.append(h('nav', {class: 'doc-nav', 'aria-label': 'Document'}, back,
                h('span', {class: 'doc-nav-title', 'aria-hidden': 'true'}, doc.title), original),
              header, summary, body);
  view.removeAttribute('aria-busy');
  document.title = `${doc.title} — CSTD Archive Search`;
  focusAnchor(view, anchor);
}

/**
 * Scrolls to paragraph `anchor` ("p37") and marks it, or to the title. An
 * anchor of a paragraph's passage id ("passage-bra_78_2023-10"), as links
 * made before speeches were numbered have, finds that paragraph under its
 * number now.
 */
export function focusAnchor(view, anchor) {
  for (const el of view.querySelectorAll('.para.is-target')) el.classList.remove('is-target');
  let target = anchor ? document.getElementById(anchor) : null;
  if (!target && anchor && anchor.startsWith('passage-')) {
    target = view.querySelector(`.para[data-passage-id="${CSS.escape(anchor.slice('passage-'.length))}"]`);
  }
  if (target && view.contains(target)) {
    target.classList.add('is-target');
    target.scrollIntoView({block: 'start'});
    target.focus({preventScroll: true});
  } else {
    window.scrollTo(0, 0);
    const title = view.querySelector('#doc-title');
    if (title) title.focus({preventScroll: true});
  }
}
