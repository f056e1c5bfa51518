#!/usr/bin/env node
// People set h: a market town ("Ludford" and villages), households of mostly White British families
// with some Polish, Pakistani and Irish Traveller households; records written by several systems
// (GP/health, council, police, school, a charity). Fixed seed 4410.
import { generatePeople } from './people-lib.mjs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
const here = dirname(fileURLToPath(import.meta.url))
const base = { translit: 0.1, nick: 0.05, middle: 0.3, accent: 0.3, typo: 0.04, swap: 0.01, upper: 0.05, blankGiven: 0.0, sex: 0.95, addr: 0.9, oldAddr: 0.15, phone: 0.2, nhs: 0.2, dob: { missing: 0.02, swap: 0.02, typo: 0.03, jan1: 0.0, partial: 0 } }
generatePeople({
  seed: 4410, out: join(here, '..', 'people', 'h-market-town.csv'), idPrefix: 'H', persons: 2000,
  cultures: [['british', 82], ['polish', 6], ['pakistani', 6], ['traveller', 4], ['irish', 2]],
  zipfGiven: 0.8, zipfFamily: 0.9, moveRate: 0.35, twinRate: 0.04, srRate: 0.08,
  recordsPerPerson: [1, 2, 3, 4, 5],
  streets: ['Market', 'Bridge', 'Church', 'Mill', 'Broad', 'Corve', 'Teme', 'Castle', 'Old', 'Lower Raven', 'Upper Galdeford', 'Gravel Hill', 'Sheep', 'Linney', 'Temeside', 'Holdgate', 'Fishmore', 'Burway', 'Sandpits', 'Henley', 'Dinham', 'Whitcliffe', 'Ashford', 'Bromfield', 'Steventon', 'Rocks Green', 'Weeping Cross', 'Chapel', 'Orleton', 'Richards'],
  towns: [['Ludford', ['SY8']], ['Ashford Carbonell', ['SY8']], ['Cleobury Mortimer', ['DY14']], ['Tenbury Wells', ['WR15']], ['Craven Arms', ['SY7']]],
  styles: [
    { name: 'gp', w: 30, ...base, nhs: 0.9, nick: 0.01, middle: 0.6 },
    { name: 'council', w: 25, ...base, dob: { missing: 0.3, swap: 0.02, typo: 0.03, jan1: 0.01, partial: 0.02 }, phone: 0.4 },
    { name: 'police', w: 15, ...base, nick: 0.3, typo: 0.06, upper: 0.3, dob: { missing: 0.08, swap: 0.04, typo: 0.04, jan1: 0.02, partial: 0 }, oldAddr: 0.25 },
    { name: 'school', w: 15, ...base, nhs: 0.05, middle: 0.5 },
    { name: 'charity', w: 15, ...base, nick: 0.5, typo: 0.07, addr: 0.4, phone: 0.7, nhs: 0, sex: 0.5, dob: { missing: 0.3, swap: 0.04, typo: 0.03, jan1: 0.02, partial: 0.25 } },
  ],
})
