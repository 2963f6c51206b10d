/** Every src/href/url() value that points off the page (anchors and data: URIs stay on it). */
export function externalReferences(html: string): string[] {
  const refs = [...html.matchAll(/\b(?:src|href|xlink:href|action|poster|srcset)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]);
  const urls = [...html.matchAll(/url\(\s*['"]?([^)'"]+)/gi)].map((m) => m[1]);
  return [...refs, ...urls].filter((r) => !r.startsWith('#') && !r.startsWith('data:'));
}
