/*
 * What the browser test asks of a rendered report.html, run inside the page: every chart has
 * data marks, no text leaves its chart or the page, chart text is at least 11 px as rendered, no
 * axis label is cut with an ellipsis, and the contents list's columns do not overlap.
 */

export interface ChartCheck {
  key: string;
  marks: number;
  /** Rendered size of the smallest chart text, CSS px. */
  minFontPx: number;
  /** Text elements drawn outside the chart's own box. */
  overflowingText: string[];
  /** Labels shortened with an ellipsis. */
  cutLabels: string[];
}

export interface LayoutReport {
  viewport: number;
  pageWidth: number;
  charts: ChartCheck[];
  /** Elements outside a scroll box whose right edge passes the viewport. */
  overflowingElements: string[];
  overlappingNavItems: number;
}

// Plain JavaScript (a string), as the page runs it; kept beside the types it returns.
export const LAYOUT_CHECKS = `(() => {
  const vw = document.documentElement.clientWidth;
  const describe = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + ': ' + (el.textContent || '').trim().slice(0, 60);
  const charts = [...document.querySelectorAll('figure[data-chart]')].map((fig) => {
    const svg = fig.querySelector('svg');
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.width.baseVal.value;
    const marks = [...svg.querySelectorAll('g.role-mark:not(.mark-rule) > *')].filter((el) => {
      if (el.tagName === 'path') return (el.getAttribute('d') || '').length > 3;
      if (el.tagName === 'text') return el.textContent.trim().length > 0;
      return true;
    }).length;
    const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() && getComputedStyle(t).opacity !== '0' && t.getAttribute('opacity') !== '0');
    const sizes = texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    const overflowingText = texts.filter((t) => { const r = t.getBoundingClientRect(); return r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1; }).map((t) => t.textContent.trim());
    const cutLabels = texts.filter((t) => t.textContent.trim().endsWith('\\u2026')).map((t) => t.textContent.trim());
    return { key: fig.dataset.chart, marks, minFontPx: sizes.length ? Math.min(...sizes) : 0, overflowingText, cutLabels };
  });
  const inScroll = (el) => el.closest('.scroll') !== null;
  const overflowingElements = [...document.body.querySelectorAll('*')].filter((el) => !inScroll(el) && !el.closest('details:not([open])') && el.getBoundingClientRect().right > vw + 1).map(describe).slice(0, 20);
  const items = [...document.querySelectorAll('nav li')].map((li) => li.getBoundingClientRect());
  let overlappingNavItems = 0;
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
    const a = items[i], b = items[j];
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlappingNavItems++;
  }
  return { viewport: vw, pageWidth: document.documentElement.scrollWidth, charts, overflowingElements, overlappingNavItems };
})()`;
