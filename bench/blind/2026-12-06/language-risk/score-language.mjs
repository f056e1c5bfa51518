// Runs Threadline's language checker over sentences.csv and reports how many of each label are flagged.
// Usage: node score-language.mjs SENTENCES.csv CHECKOUT [--out DIR]
// Two passes through `threadline language check --jsonl`:
//   plain:    each sentence alone ({"id","text"});
//   with_dob: the same, plus "child_dob" and "date" when the notes give the child's age (a record knows
//             the child's date of birth): date 2024-06-01, child_dob = date - age years - 6 months.
// A sentence is flagged when the checker returns at least one finding (any severity); figures for
// severity high/medium only are printed too. Writes DIR/results-<checkout>.csv (default: beside the CSV).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const [csvPath, checkout] = process.argv.slice(2);
if (!csvPath || !checkout) {
  console.error('usage: node score-language.mjs SENTENCES.csv CHECKOUT [--out DIR]');
  process.exit(2);
}
const oi = process.argv.indexOf('--out');
const outDir = oi > 0 ? process.argv[oi + 1] : path.dirname(path.resolve(csvPath));
const CLI = path.join(path.resolve(checkout), 'bin', 'threadline.js');

function parseCsv(text) {
  const rows = [];
  let row = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') (f += '"'), i++;
      else if (ch === '"') q = false;
      else f += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') row.push(f), (f = '');
    else if (ch === '\n') row.push(f), rows.push(row), (row = []), (f = '');
    else if (ch !== '\r') f += ch;
  }
  if (f || row.length) row.push(f), rows.push(row);
  const head = rows.shift();
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}
const items = parseCsv(fs.readFileSync(csvPath, 'utf8'));
const DATE = '2024-06-01';
function dobFor(notes) {
  const m = /age (\d+)/.exec(notes);
  if (!m) return null;
  const age = Number(m[1]);
  return `${2024 - age - 1}-12-01`; // 6 months before the age-th birthday's anniversary on DATE
}
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'threadline-lang-'));
const env = { ...process.env, THREADLINE_DATA: data, THREADLINE_DEMO: '0' };
function run(withDob) {
  const input = items
    .map((r) => {
      const o = { id: r.id, text: r.text };
      const dob = withDob ? dobFor(r.notes) : null;
      if (dob) Object.assign(o, { child_dob: dob, date: DATE });
      return JSON.stringify(o);
    })
    .join('\n');
  const f = path.join(data, `in-${withDob ? 'dob' : 'plain'}.jsonl`);
  fs.writeFileSync(f, input + '\n');
  const out = execFileSync('node', [CLI, 'language', 'check', '--jsonl', f], { env, maxBuffer: 1 << 28 }).toString();
  const m = new Map();
  for (const l of out.split('\n')) if (l.trim()) {
    const o = JSON.parse(l);
    m.set(String(o.id), o.findings);
  }
  return m;
}
const passes = { plain: run(false), with_dob: run(true) };
const pct = (a, b) => `${a}/${b} = ${((100 * a) / b).toFixed(1)}%`;
const report = [];
for (const [name, m] of Object.entries(passes)) {
  for (const sev of ['any', 'high/medium']) {
    const ok = (fs_) => (fs_ ?? []).some((f) => sev === 'any' || f.severity !== 'low');
    const H = items.filter((r) => r.label === 'harmful');
    const C = items.filter((r) => r.label === 'careful');
    const h = H.filter((r) => ok(m.get(r.id))).length;
    const c = C.filter((r) => ok(m.get(r.id))).length;
    report.push(`${name.padEnd(8)} severity ${sev.padEnd(11)} harmful flagged ${pct(h, H.length)}; careful flagged ${pct(c, C.length)}`);
  }
}
console.log(report.join('\n'));
const q = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const lines = ['id,label,notes,flagged_plain,rules_plain,flagged_with_dob,rules_with_dob,text'];
for (const r of items) {
  const a = passes.plain.get(r.id) ?? [];
  const b = passes.with_dob.get(r.id) ?? [];
  lines.push([r.id, r.label, r.notes, a.length > 0 ? 1 : 0, a.map((f) => `${f.rule}:${f.severity}`).join(';'), b.length > 0 ? 1 : 0, b.map((f) => `${f.rule}:${f.severity}`).join(';'), r.text].map(q).join(','));
}
const name = path.basename(path.resolve(checkout));
fs.writeFileSync(path.join(outDir, `results-${name}.csv`), lines.join('\n') + '\n');
fs.rmSync(data, { recursive: true, force: true });
