// A list that must fit its box without scrolling: what does not fit goes on the next part, and the parts take
// turns. Parts are measured, not counted, so rows may differ in height and the screen may have any size.

export class Pager {
  constructor(list, indicator) {
    this.list = list;
    this.indicator = indicator;
    this.page = 0;
    this.pages = 1;
    this.describe = () => '';
    // A new banner, another language or another orientation changes what fits.
    new ResizeObserver(() => this.layout()).observe(list);
  }

  /** Splits the rows into parts that each fit; keeps showing the current part where it still exists. */
  layout() {
    const items = [...this.list.children];
    // Measured and hidden again within one task, so no frame is ever painted in between.
    items.forEach((item) => { item.hidden = false; });
    const height = this.list.clientHeight;
    let page = 0;
    let start = items.length ? items[0].offsetTop : 0;
    for (const item of items) {
      const bottom = item.offsetTop + item.offsetHeight;
      if (bottom - start > height && item.offsetTop > start) {
        page += 1;
        start = item.offsetTop;
      }
      item.dataset.page = String(page);
    }
    this.pages = page + 1;
    if (this.page >= this.pages) {
      this.page = 0;
    }
    this.show();
  }

  next() {
    if (this.pages > 1) {
      this.page = (this.page + 1) % this.pages;
      this.show();
    }
  }

  show() {
    for (const item of this.list.children) {
      item.hidden = item.dataset.page !== String(this.page);
    }
    const text = this.pages > 1 ? this.describe(this.page + 1, this.pages) : '';
    if (this.indicator.textContent !== text) {
      this.indicator.textContent = text;
    }
  }
}
