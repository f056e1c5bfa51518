// Data for a page's script in a <script type="application/json"> block (never inline script, which
// the CSP refuses): JSON with every "<" escaped, so no text in it can end the block.
export function jsonBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}
