// Checks language/r10.csv (or the file given) against the layout score-language.mjs reads.
// Usage: node check-language.mjs [FILE]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const here = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? path.join(here, 'language', 'r10.csv');
function parseCsv(text) { // the scorer's parser
  const rows = []; let row = []; let f = ''; let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) { if (ch === '"' && text[i + 1] === '"') (f += '"'), i++; else if (ch === '"') q = false; else f += ch; }
    else if (ch === '"') q = true; else if (ch === ',') row.push(f), (f = ''); else if (ch === '\n') row.push(f), rows.push(row), (row = []), (f = ''); else if (ch !== '\r') f += ch;
  }
  if (f || row.length) row.push(f), rows.push(row);
  return rows;
}
const rows = parseCsv(fs.readFileSync(file, 'utf8'));
const head = rows.shift();
const errs = [];
if (head.join(',') !== 'id,label,notes,text') errs.push(`header ${head}`);
const ids = new Set(), texts = new Set(); const lab = { harmful: 0, careful: 0 };
let girls = 0, boys = 0, inText = 0;
for (const r of rows) {
  if (r.length !== 4) errs.push(`row ${r[0]}: ${r.length} columns`);
  const [id, label, notes, text] = r;
  if (ids.has(id)) errs.push(`dup id ${id}`); ids.add(id);
  if (texts.has(text)) errs.push(`dup text ${id}`); texts.add(text);
  if (!(label in lab)) errs.push(`label ${label}`); else lab[label]++;
  const m = /age (\d+)/.exec(notes);
  if (!m || +m[1] < 10 || +m[1] > 17) errs.push(`${id}: age in notes`);
  if (/age in text/.test(notes)) { inText++; if (!new RegExp(`\\b${m[1]}`).test(text)) errs.push(`${id}: age ${m[1]} said to be in text`); }
  if (/; girl;/.test(notes)) girls++; if (/; boy;/.test(notes)) boys++;
  if (!text.trim()) errs.push(`${id}: empty`);
}
if (rows.length !== 400 || lab.harmful !== 200 || lab.careful !== 200) errs.push(`counts ${rows.length} ${JSON.stringify(lab)}`);
console.log(`${rows.length} rows, ${JSON.stringify(lab)}, ${girls} girls, ${boys} boys, ${inText} state the age`);
if (errs.length) { console.log(errs.slice(0, 40).join('\n')); process.exit(1); }
console.log('ok');
