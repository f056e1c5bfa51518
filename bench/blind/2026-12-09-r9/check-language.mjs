// Checks language/r9.csv (or the file given) against the layout score-language.mjs reads.
// Usage: node check-language.mjs [FILE]   Exit 1 on any problem.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FILE = path.resolve(process.argv[2] ?? path.join(HERE, 'language', 'r9.csv'));
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
const rows = parseCsv(fs.readFileSync(FILE, 'utf8'));
const problems = [];
const head = rows.shift();
if (head.join(',') !== 'id,label,notes,text') problems.push(`header ${head.join(',')}`);
const ids = new Set(); const texts = new Set(); const n = { harmful: 0, careful: 0 };
let ageInText = 0;
for (const r of rows) {
  if (r.length !== 4) problems.push(`${r[0]}: ${r.length} columns`);
  const [id, label, notes, text] = r;
  if (ids.has(id)) problems.push(`${id}: id twice`); ids.add(id);
  if (texts.has(text)) problems.push(`${id}: text twice`); texts.add(text);
  if (!(label in n)) problems.push(`${id}: label ${label}`); else n[label]++;
  const m = /age (\d+)/.exec(notes);
  if (!m || +m[1] < 10 || +m[1] > 17) problems.push(`${id}: no child's age 10-17 in notes`);
  if (/age in text/.test(notes)) ageInText++;
  if (!text || text.length < 10 || /\n/.test(text)) problems.push(`${id}: text`);
}
if (n.harmful !== 200 || n.careful !== 200) problems.push(`labels ${JSON.stringify(n)}`);
console.log(`${FILE}: ${rows.length} rows, ${n.harmful} harmful, ${n.careful} careful, ${texts.size} distinct texts, ${ageInText} state the age`);
if (problems.length) { console.log(problems.slice(0, 50).join('\n')); process.exit(1); }
console.log('no problems found');
