// Over time: placeholder until the insights endpoints are available.
import { el } from './ui.js';

export function mount(root, ctx) {
  root.append(el('div', { class: 'page-head' }, el('h1', { text: ctx.t('nav.insights') })));
  return () => {};
}
