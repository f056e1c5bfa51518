// Shared machinery for round 10c's network areas: seeded random numbers, identifiers in their
// agencies' own spellings, person/event/relationship records with recorded_at, truth bookkeeping,
// and the first-visible rule (also used, independently re-implemented, by check-networks.mjs).
export const DAY = 86400000;
export const toDay = (s) => Math.floor(Date.parse(s.slice(0, 10) + 'T00:00:00Z') / DAY);
export const ymd = (d) => new Date(d * DAY).toISOString().slice(0, 10);

export function rng(seed) {
  let a = seed >>> 0;
  const r = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  r.int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  r.pick = (xs) => xs[Math.floor(r() * xs.length)];
  r.chance = (p) => r() < p;
  r.shuffle = (xs) => {
    const a2 = xs.slice();
    for (let i = a2.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [a2[i], a2[j]] = [a2[j], a2[i]];
    }
    return a2;
  };
  return r;
}

export const normPhone = (p) => {
  let d = String(p).replace(/\D/g, '');
  if (d.startsWith('44') && d.length === 12) d = '0' + d.slice(2);
  return d;
};
export const normKey = (kind, key) => {
  const k = String(key);
  if (kind === 'phone') return `phone:${normPhone(k)}`;
  if (kind === 'online') return `online:${k.trim().toLowerCase()}`;
  if (kind === 'vehicle' || kind === 'location') return `${kind}:${k.replace(/\s+/g, '').toUpperCase()}`;
  return `${kind}:${k}`;
};

const NHS_W = [10, 9, 8, 7, 6, 5, 4, 3, 2];
function nhsNumber(r) {
  for (;;) {
    const d = [9, 9, 9, ...Array.from({ length: 6 }, () => r.int(0, 9))];
    const s = d.reduce((t, x, i) => t + x * NHS_W[i], 0);
    let c = 11 - (s % 11);
    if (c === 11) c = 0;
    if (c === 10) continue;
    return d.join('') + c;
  }
}
const PC_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const REG_LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXY';

export class Area {
  constructor(cfg) {
    Object.assign(this, cfg); // code, name, from, to, agencies, outward, town, seed
    this.r = rng(cfg.seed);
    this.startDay = toDay(cfg.from);
    this.endDay = toDay(cfg.to);
    this.maxRec = this.endDay + 44;
    this.persons = new Map(); // agency:sid -> {agency, obj, rec (day*1440+min) or null, fixedRec}
    this.items = []; // {agency, obj, rec}
    this.children = [];
    this.adults = [];
    this.counters = {};
    this.phones = this.r.shuffle(Array.from({ length: 1000 }, (_, i) => i));
    this.usedPc = new Set();
    this.usedReg = new Set();
    this.groups = [];
    this.confs = new Map();
    this.innocent = [];
    this.childRecords = {};
  }
  next(key) {
    this.counters[key] = (this.counters[key] ?? 0) + 1;
    return this.counters[key];
  }
  // ---- objects ----
  phone() {
    return `07700900${String(this.phones.pop()).padStart(3, '0')}`;
  }
  postcode(out) {
    for (;;) {
      const o = out ?? this.r.pick(this.outward);
      const pc = `${o} ${this.r.int(1, 9)}${this.r.pick(PC_LETTERS)}${this.r.pick(PC_LETTERS)}`;
      if (!this.usedPc.has(pc)) {
        this.usedPc.add(pc);
        return pc;
      }
    }
  }
  reg() {
    for (;;) {
      const L = () => this.r.pick(REG_LETTERS);
      const reg = `${L()}${L()}${this.r.pick(['15', '16', '65', '66', '17', '67', '18', '68', '19', '69', '70', '21'])} ${L()}${L()}${L()}`;
      if (!this.usedReg.has(reg)) {
        this.usedReg.add(reg);
        return reg;
      }
    }
  }
  fmtPhone(p, agency) {
    const d = normPhone(p);
    const st = (this.phoneStyle ?? {})[agency] ?? this.r.int(0, 5);
    const v = typeof st === 'number' ? st : 0;
    return [
      `${d.slice(0, 5)} ${d.slice(5)}`,
      `+44 ${d.slice(1, 5)} ${d.slice(5)}`,
      d,
      `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`,
      `+44${d.slice(1)}`,
      `${d.slice(0, 5)} ${d.slice(5, 8)} ${d.slice(8)}`,
    ][v];
  }
  fmtReg(reg, agency) {
    const s = reg.replace(/\s/g, '');
    const v = { police: 0, btp: 0, cps: 1, csc: 2, edu: 3, health: 1 }[agency] ?? this.r.int(0, 3);
    return [`${s.slice(0, 4)} ${s.slice(4)}`, s, `${s.slice(0, 4)} ${s.slice(4)}`.toLowerCase(), `${s.slice(0, 2)} ${s.slice(2, 4)} ${s.slice(4)}`][v];
  }
  fmtPc(pc, agency) {
    const v = { police: 0, csc: 0, health: 1, edu: 0, yjs: 2, charity: 2, btp: 1, shc: 1, cps: 0 }[agency] ?? 0;
    return [pc, pc.replace(/\s/g, ''), pc.toLowerCase()][v];
  }
  // ---- people ----
  child(p) {
    const c = { id: `${this.code}-C${String(this.children.length + 1).padStart(4, '0')}`, nhs: nhsNumber(this.r), recs: {}, ...p };
    this.children.push(c);
    return c;
  }
  adult(p) {
    const a = { id: `${this.code}-A${String(this.adults.length + 1).padStart(4, '0')}`, recs: [], styleRecs: {}, ...p };
    this.adults.push(a);
    return a;
  }
  sidFor(agency, what) {
    const n = this.next(`${agency}:${what}`);
    const f = this.idFmt[agency] ?? ((w, k) => `${w}${k}`);
    return f(what, n);
  }
  // child record at agency (created once; dup=true makes a second, misspelt one)
  crec(agency, c, { dup = false, recAt = null } = {}) {
    if (!dup && c.recs[agency]) return c.recs[agency];
    const sid = this.sidFor(agency, 'P');
    const caps = this.capsAgencies?.includes(agency);
    let given = c.given;
    let family = c.family;
    let dob = c.dob;
    if (dup) {
      given = given.length > 4 ? given.slice(0, -1) + (given.endsWith('e') ? 'ie' : 'e') : given;
      dob = dob.slice(0, 4);
    } else if (agency === 'shc' || agency === 'btp') dob = this.r.chance(0.5) ? dob : dob.slice(0, 7);
    const obj = { type: 'person', agency, source_id: sid, given_name: given, family_name: caps ? family.toUpperCase() : family };
    if (c.nick && this.r.chance(0.4)) obj.other_names = [c.nick];
    obj.date_of_birth = dob;
    obj.sex = c.sex;
    if (c.pc) obj.address = { line1: c.line1, town: c.townName ?? this.town, postcode: this.fmtPc(c.pc, agency) };
    if (['health', 'shc'].includes(agency) || (agency === 'police' && this.r.chance(0.3))) {
      obj.nhs_number = agency === 'health' && this.r.chance(0.5) ? `${c.nhs.slice(0, 3)} ${c.nhs.slice(3, 6)} ${c.nhs.slice(6)}` : c.nhs;
    }
    if (c.contactPhone && ['edu', 'health', 'csc'].includes(agency)) obj.phone = this.fmtPhone(c.contactPhone, agency);
    if (this.ethnicity && c.eth) obj.ethnicity = c.eth;
    this.persons.set(`${agency}:${sid}`, { agency, obj, rec: null, fixedRec: recAt });
    this.childRecords[`${agency}:${sid}`] = c.id;
    if (!dup) c.recs[agency] = sid;
    return sid;
  }
  // adult record at agency in a named style ('full', 'nick', 'caps', 'initial', 'surname', 'misspelt')
  arec(agency, a, style = 'full') {
    const key = `${agency}:${style}`;
    if (a.styleRecs[key]) return a.styleRecs[key];
    const sid = this.sidFor(agency, 'P');
    const caps = this.capsAgencies?.includes(agency);
    const fam = caps ? a.family.toUpperCase() : a.family;
    const obj = { type: 'person', agency, source_id: sid };
    if (style === 'nick') obj.given_name = a.nick ?? a.given;
    else if (style === 'initial') (obj.given_name = a.given[0]), (obj.family_name = fam);
    else if (style === 'surname') obj.family_name = fam;
    else if (style === 'misspelt') (obj.given_name = a.given), (obj.family_name = a.misspelt ?? fam);
    else if (style === 'title') (obj.given_name = a.title ?? (a.sex === 'female' ? 'Mrs' : 'Mr')), (obj.family_name = fam);
    else (obj.given_name = a.given), (obj.family_name = fam);
    if (a.nick && style !== 'nick' && ['police', 'yjs', 'btp'].includes(agency)) obj.other_names = [a.nick];
    if (a.dob && ['full', 'caps', 'misspelt'].includes(style) && !a.noDob?.includes(agency)) obj.date_of_birth = ['shc', 'charity', 'edu'].includes(agency) ? a.dob.slice(0, 4) : a.dob;
    if (a.sex) obj.sex = a.sex;
    if (a.pc && !a.noAddr?.includes(agency)) obj.address = { line1: a.line1 ?? '', town: a.townName ?? this.town, postcode: this.fmtPc(a.pc, agency) };
    if (!obj.address?.line1) delete obj.address?.line1;
    if (a.phoneOn?.includes(agency) && a.phone) obj.phone = this.fmtPhone(a.phone, agency);
    if (a.is_child === false) obj.is_child = false;
    this.persons.set(`${agency}:${sid}`, { agency, obj, rec: null, fixedRec: a.fixedRec?.[agency] ?? null });
    a.styleRecs[key] = sid;
    a.recs.push(`${agency}:${sid}`);
    return sid;
  }
  // ---- time ----
  stamp(day, minute) {
    const d = ymd(day);
    let m = minute;
    if (Math.floor(m / 60) === 1) m += 60; // never the hour London skips
    return `${d}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
  }
  delay(agency, kind) {
    const r = this.r;
    if (kind === 'intelligence') return r.int(14, 70);
    return (
      {
        police: r.chance(0.8) ? 0 : 1, btp: r.int(0, 2), csc: r.int(1, 9), health: r.int(0, 2), shc: r.int(0, 3), edu: r.int(0, 2),
        yjs: r.int(1, 14), cps: r.int(5, 30), charity: r.int(2, 10),
      }[agency] ?? 1
    );
  }
  touch(agency, sid, recMin) {
    const p = this.persons.get(`${agency}:${sid}`);
    if (!p) throw new Error(`no person ${agency}:${sid}`);
    if (p.rec == null || recMin < p.rec) p.rec = recMin;
  }
  // involves: [{p: sid, role}|{phone}|{vehicle}|{location:{name,pc}}|{online}]
  ev(agency, kind, subject, day, o = {}) {
    if (day > this.endDay) day = this.endDay - this.r.int(0, 5);
    if (day < this.startDay) day = this.startDay + this.r.int(0, 5);
    const occMin = o.minute ?? this.r.int(7 * 60, 23 * 60 + 30);
    let recDay = day + (o.delay ?? this.delay(agency, kind));
    let recMin = recDay * 1440 + (recDay === day ? Math.min(23 * 60 + 50, occMin + this.r.int(20, 240)) : this.r.int(8 * 60, 18 * 60));
    if (recDay > this.maxRec) (recDay = this.maxRec), (recMin = recDay * 1440 + 9 * 60);
    if (o.recAt != null) (recDay = o.recAt), (recMin = o.recAt * 1440 + this.r.int(8 * 60, 17 * 60));
    const sid = o.sid ?? this.sidFor(agency, 'E');
    const obj = { type: 'event', agency, source_id: sid, kind, subject, occurred_at: this.stamp(day, occMin) };
    if (o.ended != null) obj.ended_at = this.stamp(day + o.ended, o.endMinute ?? this.r.int(7 * 60, 22 * 60));
    if (obj.ended_at && obj.ended_at < obj.occurred_at) obj.ended_at = this.stamp(day + 1, 9 * 60);
    if (o.summary) obj.summary = o.summary;
    if (o.details) obj.details = o.details;
    if (o.indicators?.length) obj.indicators = o.indicators;
    if (o.extra) Object.assign(obj, o.extra);
    const inv = [];
    for (const x of o.involves ?? []) {
      if (x.p) {
        inv.push({ person: x.p, role: x.role ?? 'associate' });
        this.touch(agency, x.p, recMin);
      } else if (x.phone) inv.push({ phone: this.fmtPhone(x.phone, agency) });
      else if (x.vehicle) inv.push({ vehicle: this.fmtReg(x.vehicle, agency) });
      else if (x.location) inv.push({ location: { name: x.location.name, postcode: this.fmtPc(x.location.pc, agency) }, ...(x.role ? { role: x.role } : {}) });
      else if (x.online) inv.push({ online: x.online });
    }
    if (inv.length) obj.involves = inv;
    if (o.outcome) obj.outcome = o.outcome;
    if (o.recorded_by) obj.recorded_by = o.recorded_by;
    this.touch(agency, subject, recMin);
    const t = this.stamp(Math.floor(recMin / 1440), recMin % 1440);
    obj.recorded_at = t;
    const item = { agency, obj, rec: recMin };
    this.items.push(item);
    return item;
  }
  // a later version of an event (amended summary) or a withdrawal
  resend(item, days, change) {
    const recMin = Math.min(item.rec + days * 1440, this.maxRec * 1440 + 10 * 60);
    const obj = change.withdrawn ? { type: 'event', agency: item.agency, source_id: item.obj.source_id, withdrawn: true, reason: change.reason } : { ...item.obj, ...change };
    obj.recorded_at = this.stamp(Math.floor(recMin / 1440), recMin % 1440);
    this.items.push({ agency: item.agency, obj, rec: recMin, version: true });
  }
  rel(agency, from, to, kind, day, o = {}) {
    let recDay = Math.min(day + (o.delay ?? this.delay(agency, 'rel')), this.maxRec);
    const recMin = recDay * 1440 + this.r.int(9 * 60, 17 * 60);
    const obj = { type: 'relationship', agency, source_id: this.sidFor(agency, 'R'), from, to, kind };
    if (o.since) obj.since = o.since;
    if (o.reliability) obj.reliability = o.reliability;
    if (o.note) obj.note = o.note;
    obj.recorded_at = this.stamp(recDay, recMin % 1440);
    this.touch(agency, from, recMin);
    this.touch(agency, to, recMin);
    this.items.push({ agency, obj, rec: recMin });
  }
  // ---- truth ----
  group(id, shape, notes) {
    const g = { id: `${this.code}-${id}`, shape, notes, children: [], adults: [], objects: [] };
    this.groups.push(g);
    return g;
  }
  conf(kind) {
    if (!this.confs.has(kind)) this.confs.set(kind, { kind, adults: [], objects: [] });
    return this.confs.get(kind);
  }
  // ---- output ----
  build() {
    const out = [];
    for (const [, p] of this.persons) {
      let rec = p.fixedRec != null ? p.fixedRec * 1440 + 8 * 60 : p.rec != null ? p.rec - this.r.int(5, 90) : null;
      if (rec == null) continue; // a record nothing refers to is not sent
      p.obj.recorded_at = this.stamp(Math.floor(rec / 1440), rec % 1440);
      out.push({ agency: p.agency, obj: p.obj, rec });
    }
    out.push(...this.items);
    out.sort((a, b) => a.rec - b.rec || (a.obj.type === 'person' ? -1 : 0) - (b.obj.type === 'person' ? -1 : 0));
    const files = new Map();
    for (const x of out) {
      const y = x.obj.recorded_at.slice(0, 4);
      const f = `${x.agency}-${y}.ndjson`;
      if (!files.has(f)) files.set(f, []);
      files.get(f).push(x.obj);
    }
    return { files, records: out };
  }
}

// First-visible rule: the first recorded day on which records join 2+ of a group's children and 1+
// of its adults' records or objects into one connected piece; a child's records are one node, each
// adult record (agency:source_id) its own node; edges from an event (its subject and everything it
// involves), a relationship (from, to) and a person record's phone.
export function firstVisible(records, group, childRecords) {
  const childSet = new Set(group.children.map((c) => c.id));
  const adultRecs = new Set(group.adults.flatMap((a) => a.source_records));
  const objs = new Set(group.objects.map((o) => normKey(o.kind, o.key)));
  const node = (agency, sid) => {
    const k = `${agency}:${sid}`;
    const c = childRecords[k];
    if (c && childSet.has(c)) return `child:${c}`;
    if (adultRecs.has(k)) return `rec:${k}`;
    return null;
  };
  const links = [];
  for (const { obj, day } of records) {
    if (obj.withdrawn) continue;
    const ns = [];
    if (obj.type === 'event') {
      ns.push(node(obj.agency, obj.subject));
      for (const x of obj.involves ?? []) {
        if (x.person != null) ns.push(node(obj.agency, x.person));
        else if (x.phone) ns.push(objs.has(normKey('phone', x.phone)) ? normKey('phone', x.phone) : null);
        else if (x.vehicle) ns.push(objs.has(normKey('vehicle', x.vehicle)) ? normKey('vehicle', x.vehicle) : null);
        else if (x.online) ns.push(objs.has(normKey('online', x.online)) ? normKey('online', x.online) : null);
        else if (x.location?.postcode) ns.push(objs.has(normKey('location', x.location.postcode)) ? normKey('location', x.location.postcode) : null);
      }
    } else if (obj.type === 'relationship') ns.push(node(obj.agency, obj.from), node(obj.agency, obj.to));
    else if (obj.type === 'person' && obj.phone) {
      const k = normKey('phone', obj.phone);
      if (objs.has(k)) ns.push(node(obj.agency, obj.source_id), k);
    }
    const kept = [...new Set(ns.filter(Boolean))];
    if (kept.length >= 2) links.push({ day, kept });
  }
  links.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const parent = new Map();
  const find = (x) => {
    if (!parent.has(x)) parent.set(x, x);
    while (parent.get(x) !== x) {
      parent.set(x, parent.get(parent.get(x)));
      x = parent.get(x);
    }
    return x;
  };
  let i = 0;
  while (i < links.length) {
    const day = links[i].day;
    while (i < links.length && links[i].day === day) {
      const [a, ...rest] = links[i].kept;
      for (const b of rest) parent.set(find(a), find(b));
      i++;
    }
    const comp = new Map();
    for (const x of parent.keys()) {
      const root = find(x);
      if (!comp.has(root)) comp.set(root, { kids: 0, other: 0 });
      if (x.startsWith('child:')) comp.get(root).kids++;
      else comp.get(root).other++;
    }
    for (const v of comp.values()) if (v.kids >= 2 && v.other >= 1) return day;
  }
  return null;
}
