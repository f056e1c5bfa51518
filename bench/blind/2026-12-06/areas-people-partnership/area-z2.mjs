#!/usr/bin/env node
// Area z2: an inner-city area ("Eastgate", B postcodes): Pakistani, Bangladeshi, Somali, Arabic,
// Polish, Romanian (incl. Roma), Ukrainian, Irish Traveller, West African, White British families;
// many transliteration variants and shared common names. Fixed seed 77310425.
import { generateArea } from './area-lib.mjs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
const here = dirname(fileURLToPath(import.meta.url))
generateArea({
  seed: 77310425, script: 'area-z2.mjs', title: 'Area z2 (Eastgate, a diverse inner-city area)',
  out: join(here, '..', 'areas', 'z2'), prefix: 'Z2P', children: 580, town: 'Eastgate', la: '330',
  years: [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024], lastRecorded: new Date(Date.UTC(2024, 11, 31, 12)),
  cultures: [['pakistani', 20], ['bangladeshi', 10], ['somali', 11], ['arabic', 7], ['british', 14], ['polish', 8], ['romanian', 6], ['ukrainian', 4], ['traveller', 8], ['irish', 3], ['westafrican', 9]],
  twinRate: 0.06, dupRate: 0.08, placeholderRate: 0.05,
  streets: ['Coventry', 'Ladypool', 'Stratford', 'Alum Rock', 'Washwood', 'Bordesley', 'Small Heath', 'Green Lane', 'Jenkins', 'Herbert', 'Golden Hillock', 'Dora', 'Medlicott', 'Oldknow', 'Anderton', 'Cattell', 'Saltley', 'Highgate', 'Balsall', 'Mary', 'Clifton', 'Sparkbrook', 'Farm', 'Walford', 'St Oswalds', 'Tindal', 'Durham', 'Wright', 'Arden', 'Asquith', 'Somerville', 'Yew Tree', 'Bolton', 'Byron', 'Grove'],
  postcodeOut: ['B8', 'B9', 'B10', 'B11', 'B12'],
  schools: ['Eastgate Academy', 'Golden Hillock School', 'Anderton Park Primary', 'Nelson Mandela Primary', 'St Benedict\'s RC Primary', 'Small Heath Leadership Academy', 'Oldknow Academy', 'Park View'],
  hotspots: ['Shisha lounge, Coventry Road', 'Chicken shop, Stratford Road', 'Hotel near the ring road', 'Park, Small Heath', 'Multi-storey car park', 'Car wash, Alum Rock Road'],
  charity: 'Eastgate Youth Outreach (return interviews)',
  ethnicityLabel: { british: 'White British', pakistani: 'Asian or Asian British: Pakistani', polish: 'White: Other', romanian: 'White: Gypsy/Roma', traveller: 'White: Irish Traveller', irish: 'White Irish', bangladeshi: 'Asian or Asian British: Bangladeshi', somali: 'Black or Black British: Somali', arabic: 'Other ethnic group: Arab', ukrainian: 'White: Other', westafrican: 'Black or Black British: African' },
})
