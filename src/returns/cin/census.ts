// The children in need census (DfE, XML, one file a year) as agency records: each child becomes a
// person (the LA child id is its source_id) and each referral, assessment, plan, enquiry, conference,
// review and closure an event whose source_id is built from the return's own keys, so that the same
// fact in next year's census is the same object. docs/returns/cin-census.md is the mapping.
import type { FieldError } from '../../records/validate.ts'
import {
  checkCode,
  checkDate,
  checkNotAfter,
  checkOrder,
  disabilityFromDfe,
  DISABILITY,
  ETHNICITY,
  ethnicityFromDfe,
  recordedOn,
  returnYear,
  UPN_UNKNOWN,
  type ReturnYear,
} from '../codes.ts'
import { ReturnRefused, type ReadContext, type ReturnFormat, type ReturnInput, type Unit } from '../format.ts'
import { children, readXml, serialise, textOf, XmlNotWellFormed, type XmlNode } from '../xml.ts'
import {
  ASSESSMENT_FACTORS,
  CATEGORY_OF_ABUSE,
  CIN_YEARS,
  cinEdition,
  FACTOR_INDICATORS,
  GENDER_CURRENT,
  PRIMARY_NEED,
  REASON_FOR_CLOSURE,
  REFERRAL_SOURCE,
  SEX,
  YES_NO,
  type CinEdition,
} from './codes.ts'

export const CIN_PERSON_FIELDS = [
  'date_of_birth',
  'expected_date_of_birth',
  'sex',
  'ethnicity',
  'disability',
  'upn',
  'former_upn',
  'upn_unknown',
  'is_child',
] as const

export const cinCensus: ReturnFormat = {
  name: 'cin-census',
  title: 'children in need census (DfE, XML)',
  personFields: CIN_PERSON_FIELDS,
  inputsAreOneReturn: false,
  read: (inputs, ctx) => readCensus(inputs[0], ctx),
}

interface Header {
  year: ReturnYear
  edition: CinEdition
}

async function* readCensus(input: ReturnInput, ctx: ReadContext): AsyncGenerator<Unit> {
  let header: Header | null = null
  const capture = (names: readonly string[]) =>
    (names.length === 2 && names[1] === 'Header') || (names.length === 3 && names[2] === 'Child')
  try {
    for await (const item of readXml(input.chunks(), capture)) {
      if (item.kind === 'root') {
        if (item.name !== 'Message')
          throw new ReturnRefused(
            `${input.name} is not a children in need census: its first element is <${item.name}>, expected <Message>`,
          )
        continue
      }
      const node = item.node
      if (node.name === 'Header') {
        header = readHeader(node, input.name, ctx)
        continue
      }
      if (!header)
        throw new ReturnRefused(
          `${input.name}: <Child> before the <Header>; the census header (Collection, Year, LEA) must come first`,
        )
      yield* mapChild(node, header, ctx, input.name)
    }
  } catch (error) {
    if (error instanceof XmlNotWellFormed) throw new ReturnRefused(`${input.name}: ${error.message}`)
    throw error
  }
  if (!header) throw new ReturnRefused(`${input.name} has no census <Header> (Collection, Year, LEA)`)
}

function readHeader(node: XmlNode, file: string, ctx: ReadContext): Header {
  const details = node.children.find((c) => c.name === 'CollectionDetails')
  const collection = details && textOf(details, 'Collection')
  if (collection !== undefined && collection !== 'CIN')
    throw new ReturnRefused(`${file} is a "${collection}" collection, not the children in need census (CIN)`)
  const yearText = details && textOf(details, 'Year')
  const year = Number(yearText)
  if (!yearText || !(CIN_YEARS as readonly number[]).includes(year))
    throw new ReturnRefused(
      `${file}: census year ${yearText ? `"${yearText}"` : '(none in <CollectionDetails><Year>)'} is not a ` +
        `specification year Threadline reads (${CIN_YEARS.join(', ')}; each names the year ending 31 March)`,
    )
  const referenceText = details && textOf(details, 'ReferenceDate')
  const errors: FieldError[] = []
  const reference = checkDate(referenceText, 'ReferenceDate', errors)
  if (errors.length > 0) throw new ReturnRefused(`${file}: ${errors[0].field} ${errors[0].message}`)
  const authorities = [...new Set(children(node, 'Source').map((s) => textOf(s, 'LEA') ?? ''))]
  if (authorities.length === 0 || authorities.includes(''))
    throw new ReturnRefused(`${file}: the header names no local authority (<Source><LEA>)`)
  if (authorities.length > 1)
    throw new ReturnRefused(
      `${file} mixes local authorities (${authorities.join(', ')}); send one authority's return per file`,
    )
  checkAuthority(authorities[0], file, ctx)
  return { year: returnYear(year, reference), edition: cinEdition(year) }
}

/** A return naming another authority than the agency's registered one is refused. */
export function checkAuthority(la: string, file: string, ctx: ReadContext): void {
  if (ctx.laNumber === null)
    throw new ReturnRefused(
      `agency "${ctx.agency}" has no local-authority number registered; ` +
        `register it first: threadline agencies set ${ctx.agency} --la-number NNN`,
    )
  if (la !== ctx.laNumber)
    throw new ReturnRefused(
      `${file} is local authority ${la}'s return, but agency "${ctx.agency}" is registered as authority ${ctx.laNumber}`,
    )
}

const edition = (h: Header) => ` (${h.year.year - 1}-${String(h.year.year).slice(2)} census)`

function* mapChild(node: XmlNode, header: Header, ctx: ReadContext, file: string): Generator<Unit> {
  const ids = node.children.find((c) => c.name === 'ChildIdentifiers')
  const chars = node.children.find((c) => c.name === 'ChildCharacteristics')
  const childId = ids && textOf(ids, 'LAchildID')
  const base = { line: node.line, path: node.path, text: serialise(node), table: 'Child', tag: file }
  if (!childId) {
    yield { ...base, errors: [{ field: 'LAchildID', message: 'is required (the child id is missing)' }] }
    return
  }
  const year = header.year
  const errors: FieldError[] = []
  const person: Record<string, unknown> = {
    type: 'person',
    source_id: childId,
    recorded_at: year.referenceDate,
    is_child: true,
  }
  const dob = checkDate(ids && textOf(ids, 'PersonBirthDate'), 'PersonBirthDate', errors)
  const expected = checkDate(ids && textOf(ids, 'ExpectedPersonBirthDate'), 'ExpectedPersonBirthDate', errors)
  checkNotAfter(year, dob, 'PersonBirthDate', errors)
  if (dob) person.date_of_birth = dob
  else if (expected) person.expected_date_of_birth = expected
  const gender = ids && textOf(ids, 'GenderCurrent')
  const sex = ids && textOf(ids, 'Sex')
  if (gender !== undefined) {
    const g = checkCode(GENDER_CURRENT, gender, 'GenderCurrent', errors)
    if (g === '1') person.sex = 'male'
    else if (g === '2') person.sex = 'female'
    else if (g === '9') person.sex = 'other'
  } else if (sex !== undefined) {
    const s = checkCode(SEX, sex, 'Sex', errors)
    if (s === 'M') person.sex = 'male'
    else if (s === 'F') person.sex = 'female'
    else if (s === 'U') person.sex = 'unknown'
  }
  const upn = ids && textOf(ids, 'UPN')
  if (upn) person.upn = upn
  const former = ids && textOf(ids, 'FormerUPN')
  if (former) person.former_upn = former
  const unknown = checkCode(UPN_UNKNOWN, ids && textOf(ids, 'UPNunknown'), 'UPNunknown', errors)
  if (unknown) person.upn_unknown = unknown
  const ethnicity = checkCode(ETHNICITY, chars && textOf(chars, 'Ethnicity'), 'Ethnicity', errors)
  const ethnicityLabel = ethnicityFromDfe(ethnicity)
  if (ethnicityLabel) person.ethnicity = ethnicityLabel
  const disabilityNode = chars?.children.find((c) => c.name === 'Disabilities')
  const disabilityCodes = (disabilityNode ? children(disabilityNode, 'Disability') : [])
    .map((d) => checkCode(DISABILITY, d.text, 'Disability', errors))
    .filter((c): c is string => c !== undefined)
  const disability = disabilityFromDfe(disabilityCodes)
  if (disability) person.disability = disability
  yield { ...base, table: 'Child', value: person, errors: errors.length > 0 ? errors : undefined }

  const death = checkDate(ids && textOf(ids, 'PersonDeathDate'), 'PersonDeathDate', [])
  if (death)
    yield* event(ctx, header, base, 'Child', `cin/${childId}/died`, death, {
      kind: 'note',
      subject: childId,
      occurred_at: death,
      summary: 'The child died (date of death from the children in need census)',
    })
  for (const details of children(node, 'CINdetails')) yield* mapEpisode(details, childId, header, ctx, file)
}

function* mapEpisode(node: XmlNode, child: string, header: Header, ctx: ReadContext, file: string): Generator<Unit> {
  const year = header.year
  const ed = header.edition
  const base = { line: node.line, path: node.path, text: serialise(node), table: 'CINdetails', tag: file }
  const errors: FieldError[] = []
  const referral = checkDate(textOf(node, 'CINreferralDate'), 'CINreferralDate', errors)
  if (textOf(node, 'CINreferralDate') === undefined)
    errors.push({ field: 'CINreferralDate', message: 'is required (every episode of need starts with a referral)' })
  checkNotAfter(year, referral, 'CINreferralDate', errors)
  const source = checkCode(
    REFERRAL_SOURCE,
    textOf(node, 'ReferralSource'),
    'ReferralSource',
    errors,
    ed.referralSources,
    edition(header),
  )
  const need = checkCode(PRIMARY_NEED, textOf(node, 'PrimaryNeedCode'), 'PrimaryNeedCode', errors)
  const nfa = checkCode(YES_NO, textOf(node, 'ReferralNFA'), 'ReferralNFA', errors)
  const closure = checkDate(textOf(node, 'CINclosureDate'), 'CINclosureDate', errors)
  checkOrder(referral, closure, 'CINclosureDate', 'the referral date', errors)
  checkNotAfter(year, closure, 'CINclosureDate', errors)
  const reason = checkCode(
    REASON_FOR_CLOSURE,
    textOf(node, 'ReasonForClosure'),
    'ReasonForClosure',
    errors,
    ed.closureReasons,
    edition(header),
  )
  if (!referral) {
    yield { ...base, errors }
    return
  }
  const key = `cin/${child}/referral/${referral}`
  const referralEvent: Record<string, unknown> = {
    kind: 'contact_referral',
    subject: child,
    occurred_at: referral,
    summary: `Referral to children's social care${source ? ` from ${REFERRAL_SOURCE.codes[source].toLowerCase()}` : ''}`,
    referral_source: source,
    primary_need: need,
  }
  if (nfa === '1' || nfa === 'true' || nfa === 'TRUE') referralEvent.outcome = 'No further action'
  yield* event(ctx, header, base, 'CINdetails', key, referral, referralEvent, errors)
  if (closure)
    yield* event(ctx, header, base, 'CINdetails', `${key}/closure`, closure, {
      kind: 'note',
      subject: child,
      occurred_at: closure,
      summary: `Episode of need closed${reason ? `: ${REASON_FOR_CLOSURE.codes[reason]}` : ''}`,
      closure_reason: reason,
    })
  const conferenceDate = checkDate(textOf(node, 'DateOfInitialCPC'), 'DateOfInitialCPC', [])
  if (conferenceDate) yield* conference(ctx, header, base, child, conferenceDate)
  for (const a of children(node, 'Assessments')) yield* mapAssessment(a, child, key, header, ctx, file, referral)
  for (const p of children(node, 'CINPlanDates')) yield* mapCinPlan(p, child, key, header, ctx, file)
  for (const s of children(node, 'Section47')) yield* mapSection47(s, child, key, header, ctx, file)
  for (const plan of children(node, 'ChildProtectionPlans')) yield* mapPlan(plan, child, header, ctx, file)
}

/** A child in need plan of an episode (from the 2021-22 edition). */
function* mapCinPlan(
  p: XmlNode,
  child: string,
  key: string,
  header: Header,
  ctx: ReadContext,
  file: string,
): Generator<Unit> {
  const year = header.year
  const ed = header.edition
  const pb = { line: p.line, path: p.path, text: serialise(p), table: 'CINPlanDates', tag: file }
  const pe: FieldError[] = []
  if (!ed.cinPlans)
    pe.push({
      field: 'CINPlanDates',
      message: `is not part of the ${edition(header).trim()} specification (from 2021-22)`,
    })
  const start = checkDate(textOf(p, 'CINPlanStartDate'), 'CINPlanStartDate', pe)
  const end = checkDate(textOf(p, 'CINPlanEndDate'), 'CINPlanEndDate', pe)
  checkOrder(start, end, 'CINPlanEndDate', 'the plan start', pe)
  checkNotAfter(year, end, 'CINPlanEndDate', pe)
  if (!start) {
    yield { ...pb, errors: pe.length > 0 ? pe : [{ field: 'CINPlanStartDate', message: 'is required' }] }
    return
  }
  yield* event(
    ctx,
    header,
    pb,
    'CINPlanDates',
    `${key}/cin-plan/${start}`,
    end ?? start,
    {
      kind: 'note',
      subject: child,
      occurred_at: start,
      ended_at: end,
      summary: 'Child in need plan',
      plan: 'child_in_need',
    },
    pe,
  )
}

/** A section 47 enquiry of an episode, and the initial conference it led to. */
function* mapSection47(
  s: XmlNode,
  child: string,
  key: string,
  header: Header,
  ctx: ReadContext,
  file: string,
): Generator<Unit> {
  const year = header.year
  const sb = { line: s.line, path: s.path, text: serialise(s), table: 'Section47', tag: file }
  const se: FieldError[] = []
  const start = checkDate(textOf(s, 'S47ActualStartDate'), 'S47ActualStartDate', se)
  const target = checkDate(textOf(s, 'InitialCPCtarget'), 'InitialCPCtarget', se)
  const held = checkDate(textOf(s, 'DateOfInitialCPC'), 'DateOfInitialCPC', se)
  const notRequired = checkCode(YES_NO, textOf(s, 'ICPCnotRequired'), 'ICPCnotRequired', se)
  checkOrder(start, held, 'DateOfInitialCPC', 'the section 47 enquiry start', se)
  checkNotAfter(year, start, 'S47ActualStartDate', se)
  if (!start) {
    yield { ...sb, errors: se.length > 0 ? se : [{ field: 'S47ActualStartDate', message: 'is required' }] }
    return
  }
  yield* event(
    ctx,
    header,
    sb,
    'Section47',
    `${key}/s47/${start}`,
    start,
    {
      kind: 'section47_enquiry',
      subject: child,
      occurred_at: start,
      summary: 'Section 47 enquiry',
      icpc_target: target,
      icpc_not_required: notRequired === undefined ? undefined : YES_NO.codes[notRequired] === 'Yes',
    },
    se,
  )
  if (held) yield* conference(ctx, header, sb, child, held)
}

function* mapAssessment(
  node: XmlNode,
  child: string,
  key: string,
  header: Header,
  ctx: ReadContext,
  file: string,
  referral: string,
): Generator<Unit> {
  const base = { line: node.line, path: node.path, text: serialise(node), table: 'Assessments', tag: file }
  const errors: FieldError[] = []
  const start = checkDate(textOf(node, 'AssessmentActualStartDate'), 'AssessmentActualStartDate', errors)
  const review = checkDate(textOf(node, 'AssessmentInternalReviewDate'), 'AssessmentInternalReviewDate', errors)
  const authorised = checkDate(textOf(node, 'AssessmentAuthorisationDate'), 'AssessmentAuthorisationDate', errors)
  checkOrder(start, authorised, 'AssessmentAuthorisationDate', 'the assessment start', errors)
  checkOrder(referral, start, 'AssessmentActualStartDate', 'the referral date', errors)
  checkNotAfter(header.year, authorised, 'AssessmentAuthorisationDate', errors)
  const factorsNode = node.children.find((c) => c.name === 'FactorsIdentifiedAtAssessment')
  const factors = (factorsNode ? children(factorsNode, 'AssessmentFactors') : [])
    .map((f) =>
      checkCode(ASSESSMENT_FACTORS, f.text, 'AssessmentFactors', errors, header.edition.factors, edition(header)),
    )
    .filter((f): f is string => f !== undefined)
  if (!start) {
    yield {
      ...base,
      errors: errors.length > 0 ? errors : [{ field: 'AssessmentActualStartDate', message: 'is required' }],
    }
    return
  }
  const indicators = [...new Set(factors.map((f) => FACTOR_INDICATORS[f]).filter(Boolean))]
  const named = factors.filter((f) => f !== '21').map((f) => `${ASSESSMENT_FACTORS.codes[f]} (${f})`)
  yield* event(
    ctx,
    header,
    base,
    'Assessments',
    `${key}/assessment/${start}`,
    authorised ?? start,
    {
      kind: 'assessment',
      subject: child,
      occurred_at: start,
      ended_at: authorised,
      summary: named.length > 0 ? `Child and family assessment: ${named.join('; ')}` : 'Child and family assessment',
      outcome: authorised ? `Authorised ${authorised}` : undefined,
      factors: factors.length > 0 ? factors : undefined,
      indicators: indicators.length > 0 ? indicators : undefined,
      internal_review: review,
    },
    errors,
  )
}

function* mapPlan(node: XmlNode, child: string, header: Header, ctx: ReadContext, file: string): Generator<Unit> {
  const year = header.year
  const base = { line: node.line, path: node.path, text: serialise(node), table: 'ChildProtectionPlans', tag: file }
  const errors: FieldError[] = []
  const start = checkDate(textOf(node, 'CPPstartDate'), 'CPPstartDate', errors)
  const end = checkDate(textOf(node, 'CPPendDate'), 'CPPendDate', errors)
  checkOrder(start, end, 'CPPendDate', 'the plan start', errors)
  checkNotAfter(year, start, 'CPPstartDate', errors)
  checkNotAfter(year, end, 'CPPendDate', errors)
  const initial = checkCode(CATEGORY_OF_ABUSE, textOf(node, 'InitialCategoryOfAbuse'), 'InitialCategoryOfAbuse', errors)
  const latest = checkCode(CATEGORY_OF_ABUSE, textOf(node, 'LatestCategoryOfAbuse'), 'LatestCategoryOfAbuse', errors)
  const previous = textOf(node, 'NumberOfPreviousCPP')
  if (previous !== undefined && !/^\d+$/.test(previous))
    errors.push({ field: 'NumberOfPreviousCPP', message: `"${previous}" is not a whole number` })
  const reviews = (node.children.find((c) => c.name === 'Reviews')?.children ?? []).filter(
    (c) => c.name === 'CPPreviewDate',
  )
  if (!start) {
    yield { ...base, errors: errors.length > 0 ? errors : [{ field: 'CPPstartDate', message: 'is required' }] }
    return
  }
  const key = `cin/${child}/cpp/${start}`
  const label = (c: string | undefined) =>
    c ? `${CATEGORY_OF_ABUSE.codes[c].toLowerCase()} (${c})` : 'category not given'
  yield* event(
    ctx,
    header,
    base,
    'ChildProtectionPlans',
    key,
    start,
    {
      kind: 'cp_plan_start',
      subject: child,
      occurred_at: start,
      summary: `Child protection plan: ${label(initial)}`,
      category: initial,
      latest_category: !end && latest && latest !== initial ? latest : undefined,
      previous_plans: previous === undefined ? undefined : Number(previous),
    },
    errors,
  )
  if (end)
    yield* event(ctx, header, base, 'ChildProtectionPlans', `${key}/end`, end, {
      kind: 'cp_plan_end',
      subject: child,
      occurred_at: end,
      summary: `Child protection plan ended: ${label(latest)}`,
      category: latest,
    })
  for (const review of reviews) {
    const rb = { line: review.line, path: review.path, text: serialise(review), table: 'CPPreviewDate', tag: file }
    const re: FieldError[] = []
    const date = checkDate(review.text, 'CPPreviewDate', re)
    checkOrder(start, date, 'CPPreviewDate', 'the plan start', re)
    checkNotAfter(year, date, 'CPPreviewDate', re)
    if (!date) {
      yield { ...rb, errors: re.length > 0 ? re : [{ field: 'CPPreviewDate', message: 'is empty' }] }
      continue
    }
    yield* event(
      ctx,
      header,
      rb,
      'CPPreviewDate',
      `${key}/review/${date}`,
      date,
      {
        kind: 'cp_conference',
        subject: child,
        occurred_at: date,
        summary: 'Child protection review conference',
        conference: 'review',
      },
      re,
    )
  }
}

function* conference(
  ctx: ReadContext,
  header: Header,
  base: Pick<Unit, 'line' | 'path' | 'text' | 'tag'>,
  child: string,
  date: string,
): Generator<Unit> {
  const errors: FieldError[] = []
  checkNotAfter(header.year, date, 'DateOfInitialCPC', errors)
  // keyed by child and date: the conference named both by its episode and by its section 47 enquiry is one
  yield* event(
    ctx,
    header,
    base,
    'InitialCPC',
    `cin/${child}/icpc/${date}`,
    date,
    {
      kind: 'cp_conference',
      subject: child,
      occurred_at: date,
      summary: 'Initial child protection conference',
      conference: 'initial',
    },
    errors,
  )
}

/** One event unit: framing, recorded_at from its own date, undefined fields dropped; --before skips it. */
function* event(
  ctx: ReadContext,
  header: Header,
  base: Pick<Unit, 'line' | 'path' | 'text' | 'tag'>,
  table: string,
  sourceId: string,
  ownDate: string,
  fields: Record<string, unknown>,
  errors: FieldError[] = [],
): Generator<Unit> {
  const value: Record<string, unknown> = {
    type: 'event',
    source_id: sourceId,
    recorded_at: recordedOn(header.year, ownDate),
  }
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) value[k] = v
  const unit: Unit = { ...base, table, value }
  if (errors.length > 0) unit.errors = errors
  else if (ctx.before && String(fields.occurred_at) >= ctx.before)
    unit.skipped = `began on or after ${ctx.before} (--before): left to the agency's live records`
  yield unit
}
