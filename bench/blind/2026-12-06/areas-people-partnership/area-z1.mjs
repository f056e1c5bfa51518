#!/usr/bin/env node
// Area z1: a northern mill town ("Calderbrook", HX/OL postcodes), mostly White British with
// Pakistani, Polish, Romanian and Irish Traveller families. Fixed seed 20261206.
import { generateArea } from './area-lib.mjs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
const here = dirname(fileURLToPath(import.meta.url))
generateArea({
  seed: 20261206, script: 'area-z1.mjs', title: 'Area z1 (Calderbrook, a northern town)',
  out: join(here, '..', 'areas', 'z1'), prefix: 'Z1P', children: 520, town: 'Calderbrook', la: '381',
  years: [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024], lastRecorded: new Date(Date.UTC(2024, 11, 31, 12)),
  cultures: [['british', 70], ['pakistani', 17], ['polish', 6], ['romanian', 2], ['traveller', 4], ['irish', 1]],
  twinRate: 0.05, dupRate: 0.06, placeholderRate: 0.01,
  streets: ['Mill', 'Canal', 'Hebble', 'Moor', 'Chapel', 'Albion', 'Victoria', 'Station', 'Brunswick', 'Park', 'Church', 'Hanson', 'Queens', 'Savile', 'King Cross', 'Pellon', 'Gibbet', 'Lister', 'Crossley', 'Akroyd', 'Boothtown', 'Ovenden', 'Illingworth', 'Mixenden', 'Sowerby', 'Copley', 'Siddal', 'Southowram', 'Northowram', 'Shibden'],
  postcodeOut: ['HX1', 'HX2', 'HX3', 'HX6', 'OL14'],
  schools: ['Calder High School', 'Moorside Primary', 'Hebble Academy', 'St Mary\'s RC Primary', 'Crossley Heath', 'Ovenden Park Academy', 'Whitehill Primary'],
  hotspots: ['Bus station', 'Retail park car park', 'Takeaway, Queens Road', 'Canal towpath', 'Park skate area', 'Shisha bar, King Cross'],
  charity: 'Calderbrook Young People\'s Project (return interviews)',
  ethnicityLabel: { british: 'White British', pakistani: 'Asian or Asian British: Pakistani', polish: 'White: Other', romanian: 'White: Other', traveller: 'White: Gypsy/Roma or Irish Traveller', irish: 'White Irish', bangladeshi: 'Asian or Asian British: Bangladeshi', somali: 'Black African', arabic: 'Arab', ukrainian: 'White: Other', westafrican: 'Black African' },
})
