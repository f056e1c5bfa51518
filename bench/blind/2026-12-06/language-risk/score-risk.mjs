// Scores Threadline's exploitation-risk screening on a synthetic area.
// Usage: node score-risk.mjs AREA CHECKOUT [--data DIR] [--keep]
//   AREA: a folder with IMPORT.sh and truth.csv (from gen-risk.mjs); CHECKOUT: a Threadline checkout.
// Loads AREA into a fresh embedded database (THREADLINE_DATA in a temp folder, THREADLINE_DEMO=0),
// then, as of every quarter end 2016-03-31 .. 2025-03-31, runs
//   THREADLINE_NOW=<quarter end>T23:59:00 threadline children --at-risk --min-band 2 --as-of <quarter end> --format json
// and counts, per child of truth.csv (person_key; a child is listed when any of its agency records is in
// the row's source_records):
//   recall  = share of later-exploited children listed (band >= 2) at a quarter end before the
//             recorded time of their first exploitation record;
//   false   = share of never-exploited children listed at any quarter end;
//   lead    = median days from first flag to the first exploitation record: by the first quarter end
//             at which the child was listed, and by the earliest first_flagged_at the product printed
//             in a listing before exploitation.
// With --data DIR an already loaded folder is reused (IMPORT.sh not run). Prints a report on stdout and
// writes AREA/score-<checkout name>.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const args = process.argv.slice(2);
const AREA = path.resolve(args[0] ?? '');
const CHECKOUT = path.resolve(args[1] ?? '');
if (!args[0] || !args[1]) {
  console.error('usage: node score-risk.mjs AREA CHECKOUT [--data DIR] [--keep]');
  process.exit(2);
}
const di = args.indexOf('--data');
let DATA = di >= 0 ? path.resolve(args[di + 1]) : null;
const keep = args.includes('--keep');
const CLI = path.join(CHECKOUT, 'bin', 'threadline.js');

// truth
const lines = fs.readFileSync(path.join(AREA, 'truth.csv'), 'utf8').trim().split('\n');
const head = lines.shift().split(',');
const byRecord = new Map();
const kids = new Map();
for (const l of lines) {
  const v = l.split(',');
  const r = Object.fromEntries(head.map((h, i) => [h, v[i]]));
  byRecord.set(`${r.agency}:${r.source_id}`, r.person_key);
  if (!kids.has(r.person_key)) kids.set(r.person_key, { key: r.person_key, exploited: r.exploited === '1', tx: r.first_exploitation_recorded_at ? londonToMs(r.first_exploitation_recorded_at) : null, flags: [], firstFlagged: null });
}

// London local wall-clock time (no offset) to epoch ms
function londonToMs(s) {
  if (/[zZ]|[+-]\d\d:\d\d$/.test(s)) return Date.parse(s);
  const guess = Date.parse(s + 'Z');
  // BST: last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC
  const y = new Date(guess).getUTCFullYear();
  const lastSun = (m) => {
    const d = new Date(Date.UTC(y, m + 1, 0));
    return Date.UTC(y, m, d.getUTCDate() - d.getUTCDay(), 1);
  };
  const bst = guess - 3600000 >= lastSun(2) && guess - 3600000 < lastSun(9);
  return guess - (bst ? 3600000 : 0);
}

const env = { ...process.env, THREADLINE_DEMO: '0' };
delete env.THREADLINE_NOW;
if (!DATA) {
  DATA = fs.mkdtempSync(path.join(os.tmpdir(), 'threadline-score-'));
  env.THREADLINE_DATA = DATA;
  const t0 = Date.now();
  console.error(`loading ${AREA} into ${DATA} ...`);
  execFileSync('sh', [path.join(AREA, 'IMPORT.sh')], { env: { ...env, THREADLINE_CLI: `node ${CLI}` }, stdio: ['ignore', 'ignore', 'inherit'] });
  console.error(`loaded in ${Math.round((Date.now() - t0) / 1000)} s`);
} else env.THREADLINE_DATA = DATA;

const quarters = [];
for (let y = 2016; y <= 2025; y++) for (const md of ['03-31', '06-30', '09-30', '12-31']) if (`${y}-${md}` <= '2025-03-31') quarters.push(`${y}-${md}`);

const perQuarter = [];
const unmatched = new Set();
for (const q of quarters) {
  const out = execFileSync('node', [CLI, 'children', '--at-risk', '--min-band', '2', '--as-of', q, '--format', 'json'], { env: { ...env, THREADLINE_NOW: `${q}T23:59:00` }, maxBuffer: 1 << 28 }).toString();
  const rows = JSON.parse(out);
  const qEnd = londonToMs(`${q}T23:59:59`);
  const listed = new Set();
  for (const r of rows) {
    if (r.band < 2) continue;
    const keys = new Set((r.source_records ?? []).map((s) => byRecord.get(s)).filter(Boolean));
    if (keys.size === 0) for (const s of r.source_records ?? []) unmatched.add(s);
    for (const k of keys) {
      listed.add(k);
      const kid = kids.get(k);
      kid.flags.push({ q, qEnd, band: r.band, first_flagged_at: r.first_flagged_at });
    }
  }
  let ex = 0;
  let ne = 0;
  for (const k of listed) (kids.get(k).exploited ? ex++ : ne++);
  perQuarter.push({ q, rows: rows.length, exploited_listed: ex, never_exploited_listed: ne });
  console.error(`${q}: ${rows.length} listed (${ex} later/already exploited, ${ne} never exploited)`);
}

const median = (a) => {
  if (!a.length) return null;
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const exploited = [...kids.values()].filter((k) => k.exploited && k.tx);
const eligible = exploited.filter((k) => k.tx > londonToMs('2016-03-31T23:59:59'));
const never = [...kids.values()].filter((k) => !k.exploited);
let caught = 0;
const leadQ = [];
const leadF = [];
const perChild = [];
for (const k of eligible) {
  const pre = k.flags.filter((f) => f.qEnd < k.tx);
  if (pre.length) {
    caught++;
    leadQ.push((k.tx - pre[0].qEnd) / 86400000);
    const ff = pre.map((f) => (f.first_flagged_at ? Date.parse(f.first_flagged_at) : f.qEnd)).filter((t) => t < k.tx);
    leadF.push((k.tx - Math.min(...ff)) / 86400000);
  }
  perChild.push({ key: k.key, tx: new Date(k.tx).toISOString(), flagged_before: pre.length > 0, first_quarter: pre[0]?.q ?? null });
}
const falseFlagged = never.filter((k) => k.flags.length > 0);
const result = {
  area: AREA,
  checkout: CHECKOUT,
  quarters: quarters.length,
  children: kids.size,
  exploited: exploited.length,
  exploited_scorable: eligible.length,
  exploited_flagged_before: caught,
  recall_before: eligible.length ? caught / eligible.length : null,
  never_exploited: never.length,
  never_exploited_flagged_any_quarter: falseFlagged.length,
  false_flag_share: never.length ? falseFlagged.length / never.length : null,
  median_lead_days_first_quarter_flagged: median(leadQ),
  median_lead_days_first_flagged_at: median(leadF),
  unmatched_source_records: [...unmatched].slice(0, 20),
  per_quarter: perQuarter,
  per_exploited_child: perChild,
};
const name = path.basename(CHECKOUT);
fs.writeFileSync(path.join(AREA, `score-${name}.json`), JSON.stringify(result, null, 2) + '\n');
const pct = (x) => (x == null ? 'n/a' : `${(100 * x).toFixed(1)}%`);
console.log(`area ${AREA}, checkout ${CHECKOUT}, ${quarters.length} quarter ends ${quarters[0]}..${quarters.at(-1)}`);
console.log(`later-exploited children flagged (band>=2) at a quarter end before their first exploitation record: ${caught}/${eligible.length} = ${pct(result.recall_before)}`);
console.log(`never-exploited children flagged at any quarter end (false flags): ${falseFlagged.length}/${never.length} = ${pct(result.false_flag_share)}`);
console.log(`median lead, days (first flagged quarter end -> first exploitation record): ${result.median_lead_days_first_quarter_flagged?.toFixed(0) ?? 'n/a'}`);
console.log(`median lead, days (earliest first_flagged_at printed before exploitation -> first exploitation record): ${result.median_lead_days_first_flagged_at?.toFixed(0) ?? 'n/a'}`);
if (unmatched.size) console.log(`rows whose source_records match no truth record: ${unmatched.size} records (e.g. ${[...unmatched].slice(0, 3).join(', ')})`);
// Breakdown by the generator's profile (profiles.csv, when present): not part of the scoring contract.
const profFile = path.join(AREA, 'profiles.csv');
if (fs.existsSync(profFile)) {
  const pl = fs.readFileSync(profFile, 'utf8').trim().split('\n');
  const ph = pl.shift().split(',');
  const groups = new Map();
  for (const l of pl) {
    const r = Object.fromEntries(ph.map((h, i) => [h, l.split(',')[i]]));
    const k = kids.get(r.person_key);
    if (!k) continue;
    const g = `${r.exploited === '1' ? 'exploited' : 'never'}:${r.profile_or_intensity}`;
    if (!groups.has(g)) groups.set(g, { n: 0, hit: 0 });
    const G = groups.get(g);
    G.n++;
    if (k.exploited ? k.tx && k.flags.some((f) => f.qEnd < k.tx) : k.flags.length > 0) G.hit++;
  }
  console.log('by profile (exploited: flagged before; never: flagged at any quarter end):');
  for (const [g, G] of [...groups].sort()) console.log(`  ${g.padEnd(28)} ${G.hit}/${G.n}`);
  result.by_profile = Object.fromEntries(groups);
  fs.writeFileSync(path.join(AREA, `score-${name}.json`), JSON.stringify(result, null, 2) + '\n');
}
if (!keep && di < 0) fs.rmSync(DATA, { recursive: true, force: true });
