// The chronology as a PDF (issue 15): the entries the page shows under the same filters, every page
// of them, as one document to keep or send: OFFICIAL-SENSITIVE at the top and bottom of every page,
// the person's identity, who downloaded it and when, the "as known on" day, and "page N of M". It
// is written from the same entries in words as the CSV (person-pages.ts chronologyEntryWords), so
// it holds nothing the viewer may not see. DejaVu Sans (Bitstream Vera licence, shipped with the
// dejavu-fonts-ttf package) prints every name, whatever its alphabet; only the glyphs used are embedded.
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { spokenDate, spokenTime } from '../web/date-time.ts'
import type { PersonRecordView } from './record-view.ts'
import { chronologyEntryWords } from './person-pages.ts'
import { ONLY_SOME_SHOWN } from './filters.ts'

const require = createRequire(import.meta.url)
const REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')

export const MARKING = 'OFFICIAL-SENSITIVE'

export interface ChronologyDocument {
  record: PersonRecordView
  /** the end of the "as known on" day, or the moment of the download */
  asOf: Date
  downloadedBy: string
  downloadedAt: Date
  /** some entries are left out by the filters asked for */
  filtered: boolean
}

type Doc = InstanceType<typeof PDFDocument>

const MARGIN = 56 // about 2 cm
const SMALL = 8.5
const BODY = 10

/** The PDF's bytes. */
export function chronologyPdf(input: ChronologyDocument): Promise<Buffer> {
  const { record } = input
  const name = [record.given_name, record.family_name].filter(Boolean).join(' ') || `Person ${record.person_id}`
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN + 14, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `${MARKING}: chronology of ${name}`, Author: input.downloadedBy, Creator: 'Threadline' },
  })
  doc.registerFont('regular', REGULAR)
  doc.registerFont('bold', BOLD)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  heading(doc, input, name)
  if (record.events.length === 0) doc.font('regular').fontSize(BODY).text('No records to show.')
  for (const e of record.events) entry(doc, e)
  markEveryPage(doc)
  doc.end()
  return done
}

function heading(doc: Doc, input: ChronologyDocument, name: string): void {
  const { record } = input
  doc.font('bold').fontSize(18).text(`Chronology of ${name}`)
  doc.moveDown(0.3)
  const facts = [
    record.date_of_birth ? `Date of birth: ${spokenDate(record.date_of_birth)}` : null,
    `Threadline ID: ${record.person_id}`,
    `As known on: ${spokenTime(input.asOf)}`,
    `Downloaded by ${input.downloadedBy} on ${spokenTime(input.downloadedAt)}`,
    `${record.events_total} record${record.events_total === 1 ? '' : 's'}, newest first` +
      (input.filtered ? `. ${ONLY_SOME_SHOWN}` : '.'),
    record.hidden_events > 0
      ? `${record.hidden_events} record${record.hidden_events === 1 ? '' : 's'} of other agencies not shown: ` +
        'you are not allocated to them.'
      : null,
  ].filter((f): f is string => f !== null)
  doc.font('regular').fontSize(BODY)
  for (const f of facts) doc.text(f)
  doc.moveDown()
}

function entry(doc: Doc, e: PersonRecordView['events'][number]): void {
  const words = chronologyEntryWords(e)
  // an entry's heading never sits alone at the foot of a page
  if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage()
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(doc.page.width - MARGIN, doc.y)
    .strokeColor('#b1b4b6')
    .stroke()
  doc.moveDown(0.3)
  const when = spokenTime(e.occurred_at) + (e.ended_at ? ` to ${spokenTime(e.ended_at)}` : '')
  doc
    .font('bold')
    .fontSize(BODY)
    .text(`${when}: ${words.kind}${e.view === 'full' ? '' : ' (restricted)'}`)
  doc
    .font('regular')
    .fontSize(SMALL)
    .text(`by ${words.agency}${words.recorded_by ? `, ${words.recorded_by}` : ''}`)
  doc.fontSize(BODY)
  if (e.view !== 'full') {
    doc.text(
      `${words.agency} holds a restricted record here. Its content is not shared. ` +
        `To ask about it, contact ${e.agency_contact ?? words.agency}.`,
    )
  } else {
    if (words.summary) doc.text(words.summary)
    if (words.details) doc.fontSize(SMALL).text(words.details).fontSize(BODY)
    if (words.outcome) labelled(doc, 'Outcome', words.outcome)
    if (words.rationale) labelled(doc, 'Rationale', words.rationale)
    if (words.involves.length) labelled(doc, 'Involved', words.involves.join('; '))
    if (words.indicators.length) labelled(doc, 'Indicators', words.indicators.join('; '))
  }
  doc
    .font('regular')
    .fontSize(SMALL)
    .fillColor('#505a5f')
    .text(
      `Recorded ${spokenTime(e.recorded_at)} · ${words.record}${words.version > 1 ? ` (version ${words.version})` : ''}`,
    )
    .fillColor('black')
  doc.moveDown(0.6)
}

function labelled(doc: Doc, name: string, value: string): void {
  doc.font('bold').fontSize(SMALL).text(`${name}: `, { continued: true }).font('regular').text(value)
  doc.fontSize(BODY)
}

/** The marking at the top and bottom of every page, and the page's number. */
function markEveryPage(doc: Doc): void {
  const { start, count } = doc.bufferedPageRange()
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0 // writing in the margin must not start a new page
    const width = doc.page.width - 2 * MARGIN
    doc.font('bold').fontSize(BODY).fillColor('black')
    doc.text(MARKING, MARGIN, MARGIN - 20, { width, align: 'center', lineBreak: false })
    doc.text(MARKING, MARGIN, doc.page.height - MARGIN, { width, align: 'center', lineBreak: false })
    doc
      .font('regular')
      .fontSize(SMALL)
      .text(`Page ${i + 1 - start} of ${count}`, MARGIN, doc.page.height - MARGIN + 14, {
        width,
        align: 'right',
        lineBreak: false,
      })
    doc.page.margins.bottom = bottom
  }
}
