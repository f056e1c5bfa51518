#!/usr/bin/env node
// People set i: hard cases. A diverse city (South Asian, Somali, Arabic, Eastern European, Irish
// Traveller, West African, White British) with very common names, many twins, father/son (Jr/Sr) and
// mother/daughter namesakes at one address, transliterations, nicknames, swapped name order,
// 1 January placeholder dates, day/month swaps, hyphenated and changed surnames, dropped accents,
// moves, typos and missing fields. Fixed seed 90817.
import { generatePeople } from './people-lib.mjs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
const here = dirname(fileURLToPath(import.meta.url))
const base = { translit: 0.35, nick: 0.15, middle: 0.3, accent: 0.6, typo: 0.08, swap: 0.04, upper: 0.1, blankGiven: 0.02, sex: 0.9, addr: 0.8, oldAddr: 0.3, phone: 0.25, nhs: 0.15, dob: { missing: 0.06, swap: 0.05, typo: 0.05, jan1: 0.04, partial: 0.02 } }
generatePeople({
  seed: 90817, out: join(here, '..', 'people', 'i-hard-cases.csv'), idPrefix: 'I', persons: 2100,
  cultures: [['pakistani', 22], ['bangladeshi', 10], ['somali', 8], ['arabic', 8], ['british', 20], ['polish', 8], ['romanian', 5], ['ukrainian', 4], ['traveller', 9], ['irish', 2], ['westafrican', 4]],
  zipfGiven: 1.3, zipfFamily: 1.3, moveRate: 0.5, twinRate: 0.15, srRate: 0.3,
  recordsPerPerson: [1, 2, 3, 4, 5, 6],
  streets: ['Coventry', 'Ladypool', 'Stratford', 'Alum Rock', 'Washwood', 'Bordesley', 'Green', 'Jenkins', 'Herbert', 'Dora', 'Oldknow', 'Cattell', 'Saltley', 'Highgate', 'Mary', 'Clifton', 'Farm', 'Walford', 'Tindal', 'Durham', 'Wright', 'Arden', 'Somerville', 'Yew Tree', 'Byron'],
  towns: [['Eastgate', ['B8', 'B9', 'B10', 'B11', 'B12']], ['Birmingham', ['B10', 'B11']]],
  styles: [
    { name: 'gp', w: 25, ...base, nhs: 0.85, nick: 0.02, middle: 0.6 },
    { name: 'council', w: 20, ...base, dob: { missing: 0.35, swap: 0.03, typo: 0.04, jan1: 0.05, partial: 0.02 }, phone: 0.4 },
    { name: 'police', w: 20, ...base, nick: 0.35, typo: 0.1, upper: 0.4, swap: 0.06, dob: { missing: 0.1, swap: 0.06, typo: 0.06, jan1: 0.06, partial: 0 }, oldAddr: 0.4 },
    { name: 'school', w: 15, ...base, nhs: 0.05, middle: 0.5 },
    { name: 'charity', w: 20, ...base, nick: 0.55, typo: 0.1, addr: 0.35, phone: 0.7, nhs: 0, sex: 0.5, dob: { missing: 0.35, swap: 0.05, typo: 0.05, jan1: 0.05, partial: 0.25 } },
  ],
})
