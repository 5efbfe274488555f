// Small DOM helpers: building elements, the API's highlighted snippets, and
// highlighting searched words in a document's text.

/**
 * h('a', {href: '/', class: 'x', onclick: f}, 'text', child, [more]) creates
 * an element. Attributes starting with "on" become listeners; `dataset` an
 * object of data-* values; null, undefined and false children are skipped.
 */
export function h(tag, attrs, ...children) {
  const svg = ['svg', 'g', 'rect', 'line', 'text', 'title', 'desc'].includes(tag);
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name === 'class') {
      el.setAttribute('class', value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/**
 * The API's snippet is HTML-escaped text with matches in <mark>...</mark>.
 * Returns it as DOM nodes, building the marks ourselves: nothing else in
 * the string is ever treated as markup.
 */
export function snippetNodes(snippet) {
  const fragment = document.createDocumentFragment();
  const decoder = document.createElement('textarea');
  let marked = false;
  for (const part of snippet.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') {
      marked = true;
    } else if (part === '</mark>') {
      marked = false;
    } else if (part) {
      decoder.innerHTML = part.replace(/</g, '&lt;');  // entities only; a textarea holds no elements
      const text = decoder.value;
      fragment.append(marked ? h('mark', {}, text) : text);
    }
  }
  return fragment;
}

// Word endings removed before matching, so "governance" also marks
// "governing" and "government": roughly what the index's stemmer conflates.
const ENDINGS = ['ations', 'ation', 'ments', 'ment', 'ances', 'ance', 'ences', 'ence', 'ings', 'ing', 'ies', 'ied',
                 'ion', 'ions', 'es', 'ed', 's', 'e', 'y'];

function stem(word) {
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) return word.slice(0, -ending.length);
  }
  return word;
}

/** The plain words of a query: no operators, field filters, exclusions or wildcards. */
export function queryWords(q) {
  const words = [];
  for (const token of (q || '').split(/\s+/)) {
    if (!token || token.startsWith('-') || /^(AND|OR|NOT|NEAR|XOR)$/.test(token)) continue;
    if (/^[a-z_]+:/i.test(token)) continue;  // country:Kenya, year:2020..2024
    for (const word of token.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (word.length >= 2 && !words.includes(word)) words.push(word);
    }
  }
  return words;
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Returns f(text) -> DocumentFragment with the query's words (and words
 * sharing their stem) in <mark>, and the whole `phrases` (the acronyms and
 * spelled-out forms the API says the query finds: "World Summit on the
 * Information Society" for WSIS), any spacing between their words; null
 * when there is nothing to mark.
 */
export function highlighter(q, phrases = []) {
  const stems = queryWords(q).map(stem).filter((s) => s.length >= 2);
  const whole = phrases.filter(Boolean).sort((a, b) => b.length - a.length)
    .map((p) => `${p.split(/\s+/).map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`);
  if (!stems.length && !whole.length) return null;
  const alternatives = [...whole, ...stems.map((s) => `${escapeRegExp(s)}[\\p{L}\\p{N}]*`)];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'giu');
  return (text) => {
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const match of text.matchAll(pattern)) {
      if (match.index > at) fragment.append(text.slice(at, match.index));
      fragment.append(h('mark', {}, match[0]));
      at = match.index + match[0].length;
    }
    if (at < text.length) fragment.append(text.slice(at));
    return fragment;
  };
}

export function debounce(fn, ms) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}

const numberFormat = new Intl.NumberFormat('en');
export function formatNumber(n) {
  return numberFormat.format(n);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'});
/** "2022-02-01" -> "1 February 2022"; other strings as they are. */
export function formatDate(iso) {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso || '';
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}

/** "1st", "25th": session numbers as the UN writes them. */
export function ordinal(n) {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{1: 'st', 2: 'nd', 3: 'rd'}[n % 10] || 'th'}`;
}
