// The one element builder of the staff app, the dashboard and the kiosk. Text is always set as text (never
// innerHTML), so a name from the estate or a server's message can never become markup.

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Creates an element: h('button', {class: 'primary', onclick: fn}, 'Book', child, [more]).
 * Attributes: false, null and undefined are left out; true is an empty attribute; on* functions are listeners;
 * class sets the class name, text the text content, dataset the data-* attributes; a non-string value of a known
 * property (checked, selected, open, value) is set as that property.
 */
export function h(tag, attributes = {}, ...children) {
  return append(withAttributes(document.createElement(tag), attributes, true), children);
}

/** Creates an SVG element the same way: svg('circle', {r: 1, class: 'x'}). Numbers are written as they are. */
export function svg(tag, attributes = {}, ...children) {
  return append(withAttributes(document.createElementNS(SVG, tag), attributes, false), children);
}

// The one attribute loop of both builders. An SVG element has no className or property setters to use, so there
// everything but listeners and data-* is an attribute.
function withAttributes(node, attributes, html) {
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (html && name === 'class') {
      node.className = value;
    } else if (html && name === 'text') {
      node.textContent = value;
    } else if (html && name in node && typeof value !== 'string') {
      node[name] = value;
    } else {
      node.setAttribute(name, html && value === true ? '' : String(value));
    }
  }
  return node;
}

/** Appends children (nodes, strings, numbers, nested arrays); false, null and undefined are skipped. */
export function append(node, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Sets an element's text only when it differs, so a live update does not disturb a screen reader. */
export function setText(node, text) {
  if (node && node.textContent !== text) {
    node.textContent = text;
  }
}
