// A FHIR R4 Bundle (collection, transaction, batch or searchset; UK Core profiles) of Patient,
// Encounter, Condition and Flag resources as a health agency's records: a Patient is a person (NHS
// number kept), an emergency Encounter a health_attendance, and an Encounter, Condition or Flag whose
// codes say self-harm, sexual health, pregnancy, termination or substance misuse becomes that kind.
// Anything else is not a safeguarding record and is counted as skipped. docs/returns/fhir.md.
import type { FieldError } from '../../records/validate.ts'
import { ReturnRefused, type ReadContext, type ReturnFormat, type ReturnInput, type Unit } from '../format.ts'
import { NotJson, readBundle, type BundleEntry } from './bundle.ts'

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number'
export const ETHNIC_CATEGORY_EXTENSION = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory'

/** NHS Data Dictionary ethnic category (UK Core CodeSystem UKCore-EthnicCategoryEngland). */
export const ETHNIC_CATEGORY: Readonly<Record<string, string>> = {
  A: 'White British',
  B: 'White Irish',
  C: 'Any other White background',
  D: 'White and Black Caribbean',
  E: 'White and Black African',
  F: 'White and Asian',
  G: 'Any other mixed background',
  H: 'Indian',
  J: 'Pakistani',
  K: 'Bangladeshi',
  L: 'Any other Asian background',
  M: 'Caribbean',
  N: 'African',
  P: 'Any other Black background',
  R: 'Chinese',
  S: 'Any other ethnic group',
  Z: 'Refused',
  '99': 'Not known',
}

const ETHNIC_CATEGORY_ORDER = [...'ABCDEFGHJKLMNPRS', 'Z', '99']

/** FHIR R4 v3 ActEncounterCode (Encounter.class). */
export const ENCOUNTER_CLASSES: Readonly<Record<string, string>> = {
  AMB: 'ambulatory',
  EMER: 'emergency',
  FLD: 'field',
  HH: 'home health',
  IMP: 'inpatient encounter',
  ACUTE: 'inpatient acute',
  NONAC: 'inpatient non-acute',
  OBSENC: 'observation encounter',
  PRENC: 'pre-admission',
  SS: 'short stay',
  VR: 'virtual',
}
const ENCOUNTER_STATUSES = [
  'planned',
  'arrived',
  'triaged',
  'in-progress',
  'onleave',
  'finished',
  'cancelled',
  'entered-in-error',
  'unknown',
]
const GENDERS = ['male', 'female', 'other', 'unknown']
const BUNDLE_TYPES = ['collection', 'transaction', 'batch', 'searchset']

type HealthKind = 'self_harm' | 'sexual_health' | 'termination' | 'pregnancy' | 'substance_misuse'

/** SNOMED CT concepts read as a kind (and their text as a fallback, for codings without these codes). */
export const CLASSIFIED: readonly { kind: HealthKind; snomed: string[]; text: RegExp }[] = [
  {
    kind: 'self_harm',
    snomed: ['248062006', '82313006', '276853009', '66944004'],
    text: /self[- ]?harm|self[- ]?injur|self[- ]inflicted|overdose|suicid/i,
  },
  {
    kind: 'sexual_health',
    snomed: ['8098009', '105629000', '15628003', '186946009', '240589008'],
    text: /sexually transmitted|chlamydia|gonorrh|syphilis|genito-?urinary|sexual health|\bGUM\b/i,
  },
  { kind: 'termination', snomed: ['386639001', '57797005'], text: /termination of pregnancy|abortion/i },
  { kind: 'pregnancy', snomed: ['77386006', '72892002'], text: /pregnan/i },
  {
    kind: 'substance_misuse',
    snomed: ['66214007', '15167005', '26416006', '25702006', '191816009'],
    text: /alcohol|intoxicat|drug (mis)?use|drug abuse|substance/i,
  },
]

type Json = Record<string, unknown>

export const fhir: ReturnFormat = {
  name: 'fhir',
  title: 'FHIR R4 Bundle (UK Core; application/fhir+json)',
  personFields: [],
  inputsAreOneReturn: false,
  read: (inputs, ctx) => readFhir(inputs[0], ctx),
}

async function* entries(input: ReturnInput): AsyncGenerator<{ entry: BundleEntry; json: Json | null }> {
  let checked = false
  try {
    for await (const item of readBundle(input.chunks())) {
      if (item.kind === 'top') {
        if (item.key === 'resourceType' && item.value !== 'Bundle')
          throw new ReturnRefused(
            `${input.name} is not a FHIR Bundle: its resourceType is ${JSON.stringify(item.value)}, expected "Bundle"`,
          )
        if (item.key === 'resourceType') checked = true
        if (item.key === 'type' && !BUNDLE_TYPES.includes(String(item.value)))
          throw new ReturnRefused(
            `${input.name}: Bundle.type ${JSON.stringify(item.value)} is not one Threadline reads (${BUNDLE_TYPES.join(', ')})`,
          )
        continue
      }
      if (!checked)
        throw new ReturnRefused(`${input.name}: a FHIR Bundle names its resourceType ("Bundle") before its entries`)
      let json: Json | null = null
      try {
        json = JSON.parse(item.entry.text) as Json
      } catch {
        json = null
      }
      yield { entry: item.entry, json }
    }
  } catch (error) {
    if (error instanceof NotJson) throw new ReturnRefused(`${input.name} is not a FHIR JSON Bundle: ${error.message}`)
    throw error
  }
  if (!checked) throw new ReturnRefused(`${input.name} is not a FHIR Bundle (no resourceType)`)
}

async function* readFhir(input: ReturnInput, ctx: ReadContext): AsyncGenerator<Unit> {
  // a first read finds each Patient's source id by every name a reference can use
  const patients = new Map<string, string>()
  for await (const { json } of entries(input)) {
    const resource = json?.resource as Json | undefined
    if (resource?.resourceType !== 'Patient') continue
    const id = patientSourceId(resource)
    if (!id) continue
    if (typeof json?.fullUrl === 'string') patients.set(json.fullUrl, id)
    if (typeof resource.id === 'string') patients.set(`Patient/${resource.id}`, id)
    const nhs = nhsNumber(resource)
    if (nhs) patients.set(`nhs:${nhs}`, id)
  }
  for await (const { entry, json } of entries(input)) {
    const base = { line: entry.line, path: `Bundle.entry[${entry.index}]`, text: entry.text, tag: input.name }
    if (!json) {
      yield { ...base, table: 'entry', errors: [{ field: '(entry)', message: 'is not valid JSON' }] }
      continue
    }
    const request = json.request as Json | undefined
    const resource = json.resource as Json | undefined
    if (request?.method === 'DELETE') {
      yield deletion(base, String(request.url ?? ''), patients)
      continue
    }
    const type = String(resource?.resourceType ?? '')
    const unit = { ...base, path: `${base.path}.resource`, table: type || 'entry' }
    if (type === 'Patient') yield patient(unit, resource as Json)
    else if (type === 'Encounter') yield encounter(unit, resource as Json, patients, ctx)
    else if (type === 'Condition') yield condition(unit, resource as Json, patients, ctx)
    else if (type === 'Flag') yield flag(unit, resource as Json, patients, ctx)
    else yield { ...unit, skipped: `${type || 'an entry without a resource'} is not a resource Threadline reads` }
  }
}

/** The trust's own identifier (a local patient number), else the NHS number, else the resource id. */
export function patientSourceId(p: Json): string | undefined {
  const ids = (p.identifier as Json[] | undefined) ?? []
  const local = ids.find((i) => i.system !== NHS_NUMBER_SYSTEM && typeof i.value === 'string' && i.value !== '')
  if (local) return String(local.value)
  const nhs = nhsNumber(p)
  if (nhs) return `nhs/${nhs}`
  return typeof p.id === 'string' ? `fhir/Patient/${p.id}` : undefined
}

function nhsNumber(p: Json): string | undefined {
  const ids = (p.identifier as Json[] | undefined) ?? []
  const nhs = ids.find((i) => i.system === NHS_NUMBER_SYSTEM)
  return typeof nhs?.value === 'string' ? nhs.value.replace(/\s/g, '') : undefined
}

function resourceSourceId(r: Json): string | undefined {
  const ids = (r.identifier as Json[] | undefined) ?? []
  const own = ids.find((i) => typeof i.value === 'string' && i.value !== '')
  if (own) return String(own.value)
  return typeof r.id === 'string' ? `fhir/${String(r.resourceType)}/${r.id}` : undefined
}

function recordedAt(r: Json): string | undefined {
  const meta = r.meta as Json | undefined
  return typeof meta?.lastUpdated === 'string' ? meta.lastUpdated : undefined
}

function patient(unit: Omit<Unit, 'value'>, p: Json): Unit {
  const errors: FieldError[] = []
  const value: Json = { type: 'person', source_id: patientSourceId(p) }
  if (!value.source_id) errors.push({ field: 'Patient.identifier', message: 'is required (or Patient.id)' })
  const at = recordedAt(p)
  if (at) value.recorded_at = at
  const names = (p.name as Json[] | undefined) ?? []
  const main =
    names.find((n) => n.use === 'official') ?? names.find((n) => n.use !== 'old' && n.use !== 'nickname') ?? names[0]
  if (main) {
    const given = (main.given as string[] | undefined) ?? []
    if (given.length > 0) value.given_name = given.join(' ')
    if (typeof main.family === 'string') value.family_name = main.family
  }
  const others = names
    .filter((n) => n !== main)
    .map((n) => [...((n.given as string[] | undefined) ?? []), n.family].filter(Boolean).join(' '))
    .filter((n) => n !== '')
  if (others.length > 0) value.other_names = others
  if (typeof p.birthDate === 'string') value.date_of_birth = p.birthDate
  if (p.gender !== undefined) {
    if (!GENDERS.includes(String(p.gender)))
      errors.push({
        field: 'Patient.gender',
        message: `"${String(p.gender)}" is not in the FHIR AdministrativeGender code list (allowed: ${GENDERS.join(', ')})`,
      })
    else value.sex = p.gender
  }
  const nhs = nhsNumber(p)
  if (nhs) value.nhs_number = nhs
  const ethnic = ((p.extension as Json[] | undefined) ?? []).find((e) => e.url === ETHNIC_CATEGORY_EXTENSION)
  const code = ((ethnic?.valueCodeableConcept as Json | undefined)?.coding as Json[] | undefined)?.[0]?.code
  if (code !== undefined) {
    const label = ETHNIC_CATEGORY[String(code)]
    if (!label)
      errors.push({
        field: 'Patient.extension(EthnicCategory)',
        message: `"${String(code)}" is not in the UK Core ethnic category code list (allowed: ${ETHNIC_CATEGORY_ORDER.join(', ')})`,
      })
    else if (code !== '99') value.ethnicity = label
  }
  const addresses = (p.address as Json[] | undefined) ?? []
  const home = addresses.find((a) => a.use === 'home' && !(a.period as Json | undefined)?.end) ?? addresses[0]
  if (home) {
    const lines = (home.line as string[] | undefined) ?? []
    value.address = {
      line1: lines[0],
      line2: lines[1],
      town: home.city,
      postcode: home.postalCode,
    }
  }
  const telecom = ((p.telecom as Json[] | undefined) ?? []).filter((t) => t.system === 'phone')
  const phone = telecom.find((t) => t.use === 'mobile') ?? telecom[0]
  if (typeof phone?.value === 'string') value.phone = phone.value
  if (p.active === false) value.inactive = true
  return { ...unit, value: strip(value), errors: errors.length > 0 ? errors : undefined }
}

function subjectOf(r: Json, patients: Map<string, string>, errors: FieldError[], field: string): string | undefined {
  const ref = r.subject as Json | undefined
  const reference = typeof ref?.reference === 'string' ? ref.reference : undefined
  const identifier = ref?.identifier as Json | undefined
  const found =
    (reference && (patients.get(reference) ?? patients.get(reference.replace(/^.*\/(Patient\/[^/]+)$/, '$1')))) ??
    (identifier?.system === NHS_NUMBER_SYSTEM && typeof identifier.value === 'string'
      ? (patients.get(`nhs:${identifier.value.replace(/\s/g, '')}`) ?? `nhs/${identifier.value.replace(/\s/g, '')}`)
      : undefined)
  if (!found)
    errors.push({
      field,
      message: `names ${reference ?? 'no patient'}, which is not a Patient in this bundle (or an NHS number identifier)`,
    })
  return found
}

function concepts(r: Json, fields: string[]): { codes: string[]; texts: string[] } {
  const codes: string[] = []
  const texts: string[] = []
  for (const f of fields) {
    const v = r[f]
    for (const cc of (Array.isArray(v) ? v : v ? [v] : []) as Json[]) {
      if (typeof cc.text === 'string') texts.push(cc.text)
      for (const c of (cc.coding as Json[] | undefined) ?? []) {
        if (typeof c.code === 'string') codes.push(c.code)
        if (typeof c.display === 'string') texts.push(c.display)
      }
    }
  }
  return { codes, texts }
}

export function classify(codes: string[], texts: string[]): HealthKind | undefined {
  for (const c of CLASSIFIED) if (codes.some((code) => c.snomed.includes(code))) return c.kind
  for (const c of CLASSIFIED) if (texts.some((t) => c.text.test(t))) return c.kind
  return undefined
}

function event(unit: Omit<Unit, 'value'>, r: Json, fields: Json, errors: FieldError[], ctx: ReadContext): Unit {
  const value: Json = { type: 'event', source_id: resourceSourceId(r), ...fields }
  if (!value.source_id)
    errors.push({ field: `${String(r.resourceType)}.identifier`, message: 'is required (or an id)' })
  const at = recordedAt(r)
  if (at) value.recorded_at = at
  const out: Unit = { ...unit, value: strip(value) }
  if (errors.length > 0) out.errors = errors
  else if (ctx.before && typeof fields.occurred_at === 'string' && fields.occurred_at.slice(0, 10) >= ctx.before)
    out.skipped = `began on or after ${ctx.before} (--before): left to the agency's live records`
  return out
}

function encounter(unit: Omit<Unit, 'value'>, r: Json, patients: Map<string, string>, ctx: ReadContext): Unit {
  const errors: FieldError[] = []
  const status = String(r.status ?? '')
  if (!ENCOUNTER_STATUSES.includes(status))
    return {
      ...unit,
      errors: [
        {
          field: 'Encounter.status',
          message: `"${status}" is not in the FHIR EncounterStatus code list (allowed: ${ENCOUNTER_STATUSES.join(', ')})`,
        },
      ],
    }
  const cls = String((r.class as Json | undefined)?.code ?? '')
  if (!ENCOUNTER_CLASSES[cls])
    errors.push({
      field: 'Encounter.class',
      message: `"${cls}" is not in the FHIR v3 ActEncounterCode list (allowed: ${Object.keys(ENCOUNTER_CLASSES).join(', ')})`,
    })
  if (status === 'entered-in-error') return withdrawal(unit, r, 'Entered in error (FHIR Encounter.status)')
  if (status === 'planned' || status === 'cancelled')
    return { ...unit, skipped: `an Encounter that is ${status} did not happen` }
  const { codes, texts } = concepts(r, ['type', 'serviceType', 'reasonCode'])
  const kind = classify(codes, texts) ?? (cls === 'EMER' ? 'health_attendance' : undefined)
  if (!kind && errors.length === 0)
    return {
      ...unit,
      skipped: 'a routine Encounter (not emergency care and not a classified reason) is not a safeguarding record',
    }
  const period = (r.period as Json | undefined) ?? {}
  if (typeof period.start !== 'string') errors.push({ field: 'Encounter.period.start', message: 'is required' })
  const subject = subjectOf(r, patients, errors, 'Encounter.subject')
  return event(
    unit,
    r,
    {
      kind,
      subject,
      occurred_at: period.start,
      ended_at: period.end,
      summary: texts[0] ?? `${ENCOUNTER_CLASSES[cls] ?? 'health'} attendance`,
      encounter_class: cls || undefined,
    },
    errors,
    ctx,
  )
}

function condition(unit: Omit<Unit, 'value'>, r: Json, patients: Map<string, string>, ctx: ReadContext): Unit {
  const errors: FieldError[] = []
  const verification = String(
    ((r.verificationStatus as Json | undefined)?.coding as Json[] | undefined)?.[0]?.code ?? '',
  )
  if (verification === 'entered-in-error' || verification === 'refuted')
    return withdrawal(unit, r, `${verification} (FHIR Condition.verificationStatus)`)
  const { codes, texts } = concepts(r, ['code'])
  const kind = classify(codes, texts)
  if (!kind) return { ...unit, skipped: 'a Condition outside the classified safeguarding concepts is not imported' }
  const onset = typeof r.onsetDateTime === 'string' ? r.onsetDateTime : r.recordedDate
  if (typeof onset !== 'string')
    errors.push({ field: 'Condition.onsetDateTime', message: 'or recordedDate is required' })
  const subject = subjectOf(r, patients, errors, 'Condition.subject')
  return event(unit, r, { kind, subject, occurred_at: onset, summary: texts[0] ?? kind }, errors, ctx)
}

function flag(unit: Omit<Unit, 'value'>, r: Json, patients: Map<string, string>, ctx: ReadContext): Unit {
  const errors: FieldError[] = []
  if (r.status === 'entered-in-error') return withdrawal(unit, r, 'Entered in error (FHIR Flag.status)')
  const { codes, texts } = concepts(r, ['code'])
  const period = (r.period as Json | undefined) ?? {}
  const start = typeof period.start === 'string' ? period.start : recordedAt(r)
  if (!start) errors.push({ field: 'Flag.period.start', message: 'is required' })
  const subject = subjectOf(r, patients, errors, 'Flag.subject')
  const classified = classify(codes, texts)
  const looked = texts.some((t) => /looked[- ]after/i.test(t))
  return event(
    unit,
    r,
    {
      kind: 'note',
      subject,
      occurred_at: start,
      ended_at: period.end,
      summary: `Alert flag: ${texts[0] ?? codes[0] ?? 'no text'}`,
      flag_status: r.status,
      indicators: looked ? ['looked_after'] : classified === 'self_harm' ? ['self_harm'] : undefined,
    },
    errors,
    ctx,
  )
}

function withdrawal(unit: Omit<Unit, 'value'>, r: Json, reason: string): Unit {
  const type = r.resourceType === 'Patient' ? 'person' : 'event'
  const id = type === 'person' ? patientSourceId(r) : resourceSourceId(r)
  if (!id) return { ...unit, errors: [{ field: 'identifier', message: 'is required to withdraw a record' }] }
  return { ...unit, value: { type, source_id: id, withdrawn: true, reason } }
}

function deletion(base: Omit<Unit, 'value' | 'table'>, url: string, patients: Map<string, string>): Unit {
  const m = /^(Patient|Encounter|Condition|Flag)\/([^/?]+)$/.exec(url)
  if (!m)
    return { ...base, table: 'entry', skipped: `a DELETE of ${url || 'nothing'} names no resource Threadline holds` }
  const id = m[1] === 'Patient' ? (patients.get(url) ?? `fhir/Patient/${m[2]}`) : `fhir/${m[1]}/${m[2]}`
  return {
    ...base,
    table: m[1],
    value: {
      type: m[1] === 'Patient' ? 'person' : 'event',
      source_id: id,
      withdrawn: true,
      reason: 'Deleted (FHIR transaction)',
    },
  }
}

function strip(o: Json): Json {
  for (const k of Object.keys(o)) {
    const v = o[k]
    if (v === undefined) delete o[k]
    else if (v && typeof v === 'object' && !Array.isArray(v)) {
      strip(v as Json)
      if (Object.keys(v as Json).length === 0) delete o[k]
    }
  }
  return o
}
