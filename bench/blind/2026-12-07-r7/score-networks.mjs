#!/usr/bin/env node
// Scores the suggested networks of a Threadline checkout on one area written by gen-networks.mjs.
// Usage: node score-networks.mjs <area-folder> <checkout> [--step DAYS] [--min-children N] [--json] [--keep]
// Makes a fresh embedded data folder (THREADLINE_DATA in a temp dir, THREADLINE_DEMO=0,
// THREADLINE_BUNDLE=0, no DATABASE_URL, THREADLINE_NOW 60 days after the area's last day), runs
// `migrate`, `agencies add` for each agency of agencies.json, imports the area's files year by year
// (each year's files in one `import` call, in agency order, with --skip-invalid and a rejects file whose
// count is reported), then runs `networks --as-of D` at the area's last day, every --step days (default
// 91) from its first day, and at each group's first-visible day and 30/60/90 days after it.
// Per planted group (truth.json): the best-matching reported network (most of the group's children,
// adults and objects; ties to the smaller network), the share of the group's adults and objects among its
// members, the share of its children among its children, and the first day it was reported (a network
// holding 2+ of its children and 1+ of its adults or objects); late = not reported within 90 days of
// first_visible. Overall, at the last day: the share of reported members (adults and objects, unique
// over all networks) that belong to no planted group, split by which benign confounder they belong to.
// Adults are matched through source_records (agency:source_id); a phone matches on its national
// digits (+44 7... and 07... are one phone), a registration and a postcode without spaces in capitals,
// a handle case-insensitively.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (n, d) => {
  const i = args.indexOf(n);
  return i >= 0 ? args[i + 1] : d;
};
const pos = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--step', '--min-children'].includes(args[i - 1])));
if (pos.length < 2) {
  console.error('usage: node score-networks.mjs <area-folder> <checkout> [--step DAYS] [--min-children N] [--json] [--keep]');
  process.exit(2);
}
const area = path.resolve(pos[0]);
const checkout = path.resolve(pos[1]);
const cli = path.join(checkout, 'bin', 'threadline.js');
for (const f of [path.join(area, 'truth.json'), path.join(area, 'agencies.json'), cli])
  if (!fs.existsSync(f)) {
    console.error(`missing ${f}`);
    process.exit(2);
  }
const step = Number(opt('--step', '91'));
const minChildren = opt('--min-children', null);
const truth = JSON.parse(fs.readFileSync(path.join(area, 'truth.json'), 'utf8'));
const agencies = JSON.parse(fs.readFileSync(path.join(area, 'agencies.json'), 'utf8'));

const DAY = 86400000;
const toDay = (s) => Date.parse(s.slice(0, 10) + 'T00:00:00Z') / DAY;
const ymd = (d) => new Date(d * DAY).toISOString().slice(0, 10);
const endDay = toDay(truth.end);
const startDay = toDay(truth.period.from);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'score-networks-'));
const env = { ...process.env, THREADLINE_DATA: path.join(tmp, 'data'), THREADLINE_DEMO: '0', THREADLINE_BUNDLE: '0', THREADLINE_NOW: `${ymd(endDay + 60)}T12:00:00` };
delete env.DATABASE_URL;
function run(cmd, { json = false, allowFail = false } = {}) {
  const r = spawnSync(process.execPath, [cli, ...cmd], { cwd: tmp, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && !allowFail) {
    console.error(`threadline ${cmd.join(' ')}: exit ${r.status}\n${(r.stderr || '').slice(-3000)}`);
    cleanup();
    process.exit(1);
  }
  if (!json) return r;
  try {
    return JSON.parse(r.stdout);
  } catch {
    console.error(`threadline ${cmd.join(' ')}: output is not JSON:\n${r.stdout.slice(0, 500)}`);
    cleanup();
    process.exit(1);
  }
}
function cleanup() {
  if (!args.includes('--keep')) fs.rmSync(tmp, { recursive: true, force: true });
}

// ---------- load ----------
const t0 = Date.now();
run(['migrate']);
for (const a of agencies) run(['agencies', 'add', a.code, '--name', a.name, '--kind', a.kind]);
const files = truth.files.map((f) => ({ f, year: Number(/-(\d{4})\.ndjson$/.exec(f)[1]), agency: f.replace(/-\d{4}\.ndjson$/, '') }));
const years = [...new Set(files.map((x) => x.year))].sort();
let rejected = 0;
const importRows = [];
for (const y of years) {
  const fy = files.filter((x) => x.year === y).sort((a, b) => a.agency.localeCompare(b.agency));
  const rej = path.join(tmp, `rejects-${y}.ndjson`);
  const r = run(['import', ...fy.map((x) => path.join(area, x.f)), '--skip-invalid', '--rejects', rej], { allowFail: true });
  if (r.status !== 0) {
    console.error(`import of ${y} failed: exit ${r.status}\n${(r.stderr || '').slice(-3000)}`);
    cleanup();
    process.exit(1);
  }
  importRows.push(r.stdout);
  if (fs.existsSync(rej)) {
    const lines = fs.readFileSync(rej, 'utf8').split('\n').filter((l) => l.trim());
    rejected += lines.length;
    for (const l of lines.slice(0, 3)) console.error(`rejected: ${l.slice(0, 400)}`);
  }
}
const importSecs = (Date.now() - t0) / 1000;

// ---------- truth maps ----------
const normPhone = (p) => {
  let d = String(p).replace(/\D/g, '');
  if (d.startsWith('44') && d.length === 12) d = '0' + d.slice(2);
  return d;
};
const normKey = (kind, key) => {
  const k = String(key).replace(/^'/, '');
  if (kind === 'phone') return `phone:${normPhone(k)}`;
  if (kind === 'online') return `online:${k.trim().toLowerCase()}`;
  if (kind === 'vehicle' || kind === 'location') return `${kind}:${k.replace(/\s+/g, '').toUpperCase()}`;
  return `${kind}:${k}`;
};
const recToAdult = new Map(); // agency:sid -> adult id
const memberOwner = new Map(); // member key -> {group|confounder}
const groups = truth.groups.map((g) => {
  const members = new Set();
  for (const a of g.adults) {
    members.add(`adult:${a.id}`);
    for (const r of a.source_records) recToAdult.set(r, a.id);
    memberOwner.set(`adult:${a.id}`, { group: g.id });
  }
  for (const o of g.objects) {
    const k = normKey(o.kind, o.key);
    members.add(k);
    memberOwner.set(k, { group: g.id });
  }
  return { ...g, memberSet: members, childSet: new Set(g.children.map((c) => c.id)) };
});
for (const cf of truth.confounders) {
  for (const a of cf.adults) {
    for (const r of a.source_records) if (!recToAdult.has(r)) recToAdult.set(r, a.id);
    if (!memberOwner.has(`adult:${a.id}`)) memberOwner.set(`adult:${a.id}`, { confounder: cf.kind });
  }
  for (const o of cf.objects) {
    const k = normKey(o.kind, o.key);
    if (!memberOwner.has(k)) memberOwner.set(k, { confounder: cf.kind });
  }
}
const childToGroup = new Map();
for (const g of groups) for (const c of g.childSet) childToGroup.set(c, g.id);

function readNetworks(asOf) {
  const cmd = ['networks', '--as-of', asOf];
  if (minChildren) cmd.push('--min-children', minChildren);
  const out = run(cmd, { json: true });
  const rows = Array.isArray(out) ? out : out?.networks ?? [];
  const list = (v) => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(';') : []);
  return rows.map((n) => {
    const kids = new Set();
    const unknownKids = [];
    list(n.children_source_records).forEach((recs, i) => {
      const ids = new Set(list(recs).map((r) => truth.child_records[String(r).replace(/^'/, '')]).filter(Boolean));
      if (ids.size) for (const id of ids) kids.add(id);
      else unknownKids.push(n.children?.[i]);
    });
    const members = new Set();
    for (const m of n.members ?? []) {
      if (m.kind === 'person') {
        const ids = new Set(list(m.source_records).map((r) => recToAdult.get(String(r).replace(/^'/, ''))).filter(Boolean));
        if (ids.size) for (const id of ids) members.add(`adult:${id}`);
        else members.add(`person:${m.key}`);
      } else members.add(normKey(m.kind, m.key));
    }
    return { id: n.id, status: n.status, kids, unknownKids: unknownKids.length, members, size: kids.size + unknownKids.length + members.size };
  });
}
function best(g, nets) {
  let b = null;
  for (const n of nets) {
    const kc = [...n.kids].filter((k) => g.childSet.has(k)).length;
    const mc = [...n.members].filter((m) => g.memberSet.has(m)).length;
    const s = kc + mc;
    if (s === 0) continue;
    if (!b || s > b.s || (s === b.s && n.size < b.n.size)) b = { n, s, kc, mc };
  }
  return b;
}
const reported = (b) => b && b.kc >= 2 && b.mc >= 1;

// ---------- dates ----------
const dates = new Set([ymd(endDay)]);
for (let d = startDay + step; d < endDay; d += step) dates.add(ymd(d));
for (const g of groups) if (g.first_visible) for (const k of [0, 30, 60, 90]) if (toDay(g.first_visible) + k <= endDay) dates.add(ymd(toDay(g.first_visible) + k));
const sorted = [...dates].sort();
const t1 = Date.now();
const firstReported = new Map();
let endNets = null;
for (const d of sorted) {
  const nets = readNetworks(d);
  if (d === ymd(endDay)) endNets = nets;
  for (const g of groups) if (!firstReported.has(g.id) && reported(best(g, nets))) firstReported.set(g.id, d);
}
const readSecs = (Date.now() - t1) / 1000;

// ---------- per group ----------
const perGroup = groups.map((g) => {
  const b = best(g, endNets);
  const fr = firstReported.get(g.id) ?? null;
  const lat = fr && g.first_visible ? toDay(fr) - toDay(g.first_visible) : null;
  const inGroup = b ? [...b.n.kids].filter((k) => g.childSet.has(k)).length + b.mc : 0;
  return {
    group: g.id, shape: g.shape, children: g.childSet.size, adults_and_objects: g.memberSet.size,
    first_visible: g.first_visible,
    best_network: b ? b.n.id : null,
    members_recovered: b ? b.mc / g.memberSet.size : 0,
    children_recovered: b ? b.kc / g.childSet.size : 0,
    best_network_size: b ? b.n.size : 0,
    best_network_purity: b ? inGroup / b.n.size : null,
    first_reported: fr,
    days_after_first_visible: lat,
    late: !(lat != null && lat <= 90),
  };
});

// ---------- overall at the end ----------
const allMembers = new Set();
const allKids = new Set();
let unknownKids = 0;
for (const n of endNets) {
  for (const m of n.members) allMembers.add(m);
  for (const k of n.kids) allKids.add(k);
  unknownKids += n.unknownKids;
}
const byOwner = {};
let outside = 0;
for (const m of allMembers) {
  const o = memberOwner.get(m);
  if (o?.group) continue;
  outside++;
  const k = o?.confounder ?? (m.startsWith('person:') ? 'unmatched person' : 'noise/other');
  byOwner[k] = (byOwner[k] ?? 0) + 1;
}
const kidsOutside = [...allKids].filter((k) => !childToGroup.has(k)).length;
const netsWithoutGroup = endNets.filter((n) => ![...n.kids].some((k) => childToGroup.has(k)) && ![...n.members].some((m) => memberOwner.get(m)?.group)).length;

const result = {
  area: truth.area, name: truth.name, checkout, period: truth.period, as_of_end: ymd(endDay),
  import_seconds: importSecs, networks_seconds: readSecs, dates_checked: sorted.length, rejected_lines: rejected,
  networks_at_end: endNets.length,
  networks_with_no_planted_child_or_member: netsWithoutGroup,
  reported_members: allMembers.size,
  members_in_no_group: outside,
  members_in_no_group_share: allMembers.size ? outside / allMembers.size : 0,
  members_in_no_group_by_kind: byOwner,
  reported_children: allKids.size + unknownKids,
  children_in_no_group: kidsOutside + unknownKids,
  groups: perGroup,
  groups_late: perGroup.filter((g) => g.late).length,
  mean_members_recovered: perGroup.reduce((t, g) => t + g.members_recovered, 0) / perGroup.length,
  mean_children_recovered: perGroup.reduce((t, g) => t + g.children_recovered, 0) / perGroup.length,
};
if (args.includes('--keep')) result.data_dir = env.THREADLINE_DATA;
cleanup();
if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  const pc = (x) => (x == null ? '-' : `${(100 * x).toFixed(0)}%`);
  console.log(`area ${truth.area} (${truth.name}), ${truth.period.from} to ${truth.period.to}; checkout ${checkout}`);
  console.log(`import ${importSecs.toFixed(0)} s (${rejected} lines rejected); networks at ${sorted.length} dates in ${readSecs.toFixed(0)} s`);
  console.log('group,shape,children,adults_objects,first_visible,first_reported,days_after,late,members_recovered,children_recovered,best_size,best_purity');
  for (const g of perGroup)
    console.log([g.group, g.shape, g.children, g.adults_and_objects, g.first_visible, g.first_reported ?? '', g.days_after_first_visible ?? '', g.late ? 'late' : 'ok', pc(g.members_recovered), pc(g.children_recovered), g.best_network_size, pc(g.best_network_purity)].join(','));
  console.log(`at ${ymd(endDay)}: ${endNets.length} networks (${netsWithoutGroup} with nothing planted); ${allMembers.size} members reported, ${outside} in no planted group (${pc(result.members_in_no_group_share)}): ${JSON.stringify(byOwner)}`);
  console.log(`children reported: ${result.reported_children}, in no planted group: ${result.children_in_no_group}`);
  console.log(`groups late (not reported within 90 days of first visible): ${result.groups_late}/${perGroup.length}`);
}
