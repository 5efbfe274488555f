// WSIS action lines on a hit or a paragraph. A line the text names is a
// plain chip; a line inferred from its topic (action_lines_inferred) is
// marked as such (dashed, "≈", "inferred" for screen readers) and shows its
// evidence, what decided it (the lexicon's terms, or the paragraph's words
// that apply ICTs to a sector: "online medical"), on hover and on keyboard
// focus (a tooltip the chip is described by).

import {h} from './dom.js';
import {actionLineLabel} from './labels.js';

let tips = 0;  // ids for the tooltips of one page

/** What a delegate reads about an inferred line: why it was inferred. */
export function evidenceText(line) {
  return `${actionLineLabel(line.code)}, inferred from the topic (not named in the text). ` +
         `Evidence: ${line.evidence.join(', ')}`;
}

/**
 * An inferred line's chip and its tooltip: `tag` and `attrs` make the chip
 * (a filter button in the hits, a focusable span in the document view);
 * returns [chip, tooltip], siblings, so the tooltip is no part of the
 * chip's name.
 */
export function inferredChip(tag, attrs, line) {
  const id = `evidence-${++tips}`;
  const chip = h(tag, {...attrs, class: `${attrs.class || 'chip'} chip-inferred`, 'aria-describedby': id,
                       dataset: {evidence: line.evidence.join('; ')}},
    h('span', {class: 'inferred-mark', 'aria-hidden': 'true'}, '≈'),
    h('span', {class: 'visually-hidden'}, 'Action line inferred: '), line.code);
  return [chip, h('span', {class: 'evidence-tip', role: 'tooltip', id}, evidenceText(line))];
}

/** The named and the inferred lines of a paragraph, as the document view shows them. */
export function paragraphActionLines(paragraph) {
  const named = paragraph.action_lines.map((code) =>
    h('span', {class: 'chip chip-plain', title: actionLineLabel(code)},
      h('span', {class: 'visually-hidden'}, 'Action line named: '), code));
  const inferred = (paragraph.action_lines_inferred || []).map((line) =>
    h('span', {class: 'inferred-wrap'}, inferredChip('span', {class: 'chip', tabindex: '0'}, line)));
  return [...named, ...inferred];
}
