// The bank holidays of England and Wales, 1999 to 2030, as a curated table rather than a rule.
// Why a table: the one-off holidays (1999 Millennium, 2002 Golden Jubilee, 2011 royal wedding, 2012
// Diamond Jubilee, 2020 VE Day move, 2022 Platinum Jubilee and state funeral, 2023 coronation) and the
// spring or early May holidays moved to make room for them are proclaimed, not computed, and
// holiday libraries get several of them wrong. The computed rules (Easter, first/last Mondays,
// substitute days) live only in the tests, as a cross-check of this table.
// Scotland and Northern Ireland have other holidays: this table is England and Wales only.

/** Where each row comes from. */
export const BANK_HOLIDAY_SOURCES = {
  act:
    "Banking and Financial Dealings Act 1971, Schedule 1, with the royal proclamations of New Year's Day, " +
    'the early May and spring bank holidays and substitute days published each year in The London Gazette',
  govuk:
    'GOV.UK, "UK bank holidays", England and Wales (https://www.gov.uk/bank-holidays; data: ' +
    'https://www.gov.uk/bank-holidays.json)',
  projected:
    'Not yet proclaimed when this table was written: the usual pattern under the Banking and Financial ' +
    'Dealings Act 1971 (substitute days included); check against GOV.UK when the year is published',
  millennium1999:
    'Royal proclamation of an additional bank holiday on Friday 31 December 1999 for the Millennium ' +
    '(The London Gazette)',
  goldenJubilee2002:
    "Royal proclamation for the Queen's Golden Jubilee (The London Gazette, 2001): Monday 3 June 2002 an " +
    'additional bank holiday; the spring bank holiday moved from Monday 27 May to Tuesday 4 June 2002',
  royalWedding2011:
    'Royal proclamation of an additional bank holiday on Friday 29 April 2011 for the wedding of Prince ' +
    'William and Catherine Middleton (The London Gazette, 2010); GOV.UK',
  diamondJubilee2012:
    "Royal proclamation for the Queen's Diamond Jubilee (The London Gazette, 2011): Tuesday 5 June 2012 an " +
    'additional bank holiday; the spring bank holiday moved from Monday 28 May to Monday 4 June 2012; GOV.UK',
  veDay2020:
    'Royal proclamation moving the early May bank holiday from Monday 4 May to Friday 8 May 2020 for the ' +
    '75th anniversary of VE Day (The London Gazette, 2019); GOV.UK',
  platinumJubilee2022:
    "Royal proclamation for the Queen's Platinum Jubilee (The London Gazette, 2021): Friday 3 June 2022 an " +
    'additional bank holiday; the spring bank holiday moved from Monday 30 May to Thursday 2 June 2022; GOV.UK',
  stateFuneral2022:
    'Royal proclamation of a bank holiday on Monday 19 September 2022, the day of the state funeral of ' +
    'Queen Elizabeth II (The London Gazette, September 2022); GOV.UK',
  coronation2023:
    'Royal proclamation of an additional bank holiday on Monday 8 May 2023 for the coronation of King ' +
    'Charles III (The London Gazette, 2022); GOV.UK',
} as const
export type BankHolidaySource = keyof typeof BANK_HOLIDAY_SOURCES

/** First and last years the table covers completely. Outside them a working-day sum refuses to guess. */
export const FIRST_COVERED_YEAR = 1999
export const LAST_COVERED_YEAR = 2030

export interface BankHoliday {
  date: string // YYYY-MM-DD
  name: string
  source: BankHolidaySource
}

const rows: [string, string, BankHolidaySource][] = [
  // 1999
  ['1999-01-01', "New Year's Day", 'act'],
  ['1999-04-02', 'Good Friday', 'act'],
  ['1999-04-05', 'Easter Monday', 'act'],
  ['1999-05-03', 'Early May bank holiday', 'act'],
  ['1999-05-31', 'Spring bank holiday', 'act'],
  ['1999-08-30', 'Summer bank holiday', 'act'],
  ['1999-12-27', 'Christmas Day (substitute day)', 'act'],
  ['1999-12-28', 'Boxing Day (substitute day)', 'act'],
  ['1999-12-31', 'Millennium Day', 'millennium1999'],
  // 2000
  ['2000-01-03', "New Year's Day (substitute day)", 'act'],
  ['2000-04-21', 'Good Friday', 'act'],
  ['2000-04-24', 'Easter Monday', 'act'],
  ['2000-05-01', 'Early May bank holiday', 'act'],
  ['2000-05-29', 'Spring bank holiday', 'act'],
  ['2000-08-28', 'Summer bank holiday', 'act'],
  ['2000-12-25', 'Christmas Day', 'act'],
  ['2000-12-26', 'Boxing Day', 'act'],
  // 2001
  ['2001-01-01', "New Year's Day", 'act'],
  ['2001-04-13', 'Good Friday', 'act'],
  ['2001-04-16', 'Easter Monday', 'act'],
  ['2001-05-07', 'Early May bank holiday', 'act'],
  ['2001-05-28', 'Spring bank holiday', 'act'],
  ['2001-08-27', 'Summer bank holiday', 'act'],
  ['2001-12-25', 'Christmas Day', 'act'],
  ['2001-12-26', 'Boxing Day', 'act'],
  // 2002
  ['2002-01-01', "New Year's Day", 'act'],
  ['2002-03-29', 'Good Friday', 'act'],
  ['2002-04-01', 'Easter Monday', 'act'],
  ['2002-05-06', 'Early May bank holiday', 'act'],
  ['2002-06-03', "Queen's Golden Jubilee", 'goldenJubilee2002'],
  ['2002-06-04', 'Spring bank holiday (moved for the Golden Jubilee)', 'goldenJubilee2002'],
  ['2002-08-26', 'Summer bank holiday', 'act'],
  ['2002-12-25', 'Christmas Day', 'act'],
  ['2002-12-26', 'Boxing Day', 'act'],
  // 2003
  ['2003-01-01', "New Year's Day", 'act'],
  ['2003-04-18', 'Good Friday', 'act'],
  ['2003-04-21', 'Easter Monday', 'act'],
  ['2003-05-05', 'Early May bank holiday', 'act'],
  ['2003-05-26', 'Spring bank holiday', 'act'],
  ['2003-08-25', 'Summer bank holiday', 'act'],
  ['2003-12-25', 'Christmas Day', 'act'],
  ['2003-12-26', 'Boxing Day', 'act'],
  // 2004
  ['2004-01-01', "New Year's Day", 'act'],
  ['2004-04-09', 'Good Friday', 'act'],
  ['2004-04-12', 'Easter Monday', 'act'],
  ['2004-05-03', 'Early May bank holiday', 'act'],
  ['2004-05-31', 'Spring bank holiday', 'act'],
  ['2004-08-30', 'Summer bank holiday', 'act'],
  ['2004-12-27', 'Christmas Day (substitute day)', 'act'],
  ['2004-12-28', 'Boxing Day (substitute day)', 'act'],
  // 2005
  ['2005-01-03', "New Year's Day (substitute day)", 'act'],
  ['2005-03-25', 'Good Friday', 'act'],
  ['2005-03-28', 'Easter Monday', 'act'],
  ['2005-05-02', 'Early May bank holiday', 'act'],
  ['2005-05-30', 'Spring bank holiday', 'act'],
  ['2005-08-29', 'Summer bank holiday', 'act'],
  ['2005-12-26', 'Boxing Day', 'act'],
  ['2005-12-27', 'Christmas Day (substitute day)', 'act'],
  // 2006
  ['2006-01-02', "New Year's Day (substitute day)", 'act'],
  ['2006-04-14', 'Good Friday', 'act'],
  ['2006-04-17', 'Easter Monday', 'act'],
  ['2006-05-01', 'Early May bank holiday', 'act'],
  ['2006-05-29', 'Spring bank holiday', 'act'],
  ['2006-08-28', 'Summer bank holiday', 'act'],
  ['2006-12-25', 'Christmas Day', 'act'],
  ['2006-12-26', 'Boxing Day', 'act'],
  // 2007
  ['2007-01-01', "New Year's Day", 'act'],
  ['2007-04-06', 'Good Friday', 'act'],
  ['2007-04-09', 'Easter Monday', 'act'],
  ['2007-05-07', 'Early May bank holiday', 'act'],
  ['2007-05-28', 'Spring bank holiday', 'act'],
  ['2007-08-27', 'Summer bank holiday', 'act'],
  ['2007-12-25', 'Christmas Day', 'act'],
  ['2007-12-26', 'Boxing Day', 'act'],
  // 2008
  ['2008-01-01', "New Year's Day", 'act'],
  ['2008-03-21', 'Good Friday', 'act'],
  ['2008-03-24', 'Easter Monday', 'act'],
  ['2008-05-05', 'Early May bank holiday', 'act'],
  ['2008-05-26', 'Spring bank holiday', 'act'],
  ['2008-08-25', 'Summer bank holiday', 'act'],
  ['2008-12-25', 'Christmas Day', 'act'],
  ['2008-12-26', 'Boxing Day', 'act'],
  // 2009
  ['2009-01-01', "New Year's Day", 'act'],
  ['2009-04-10', 'Good Friday', 'act'],
  ['2009-04-13', 'Easter Monday', 'act'],
  ['2009-05-04', 'Early May bank holiday', 'act'],
  ['2009-05-25', 'Spring bank holiday', 'act'],
  ['2009-08-31', 'Summer bank holiday', 'act'],
  ['2009-12-25', 'Christmas Day', 'act'],
  ['2009-12-28', 'Boxing Day (substitute day)', 'act'],
  // 2010
  ['2010-01-01', "New Year's Day", 'act'],
  ['2010-04-02', 'Good Friday', 'act'],
  ['2010-04-05', 'Easter Monday', 'act'],
  ['2010-05-03', 'Early May bank holiday', 'act'],
  ['2010-05-31', 'Spring bank holiday', 'act'],
  ['2010-08-30', 'Summer bank holiday', 'act'],
  ['2010-12-27', 'Christmas Day (substitute day)', 'act'],
  ['2010-12-28', 'Boxing Day (substitute day)', 'act'],
  // 2011
  ['2011-01-03', "New Year's Day (substitute day)", 'act'],
  ['2011-04-22', 'Good Friday', 'act'],
  ['2011-04-25', 'Easter Monday', 'act'],
  ['2011-04-29', 'Royal wedding (Prince William and Catherine Middleton)', 'royalWedding2011'],
  ['2011-05-02', 'Early May bank holiday', 'act'],
  ['2011-05-30', 'Spring bank holiday', 'act'],
  ['2011-08-29', 'Summer bank holiday', 'act'],
  ['2011-12-26', 'Boxing Day', 'act'],
  ['2011-12-27', 'Christmas Day (substitute day)', 'act'],
  // 2012
  ['2012-01-02', "New Year's Day (substitute day)", 'govuk'],
  ['2012-04-06', 'Good Friday', 'govuk'],
  ['2012-04-09', 'Easter Monday', 'govuk'],
  ['2012-05-07', 'Early May bank holiday', 'govuk'],
  ['2012-06-04', 'Spring bank holiday (moved for the Diamond Jubilee)', 'diamondJubilee2012'],
  ['2012-06-05', "Queen's Diamond Jubilee", 'diamondJubilee2012'],
  ['2012-08-27', 'Summer bank holiday', 'govuk'],
  ['2012-12-25', 'Christmas Day', 'govuk'],
  ['2012-12-26', 'Boxing Day', 'govuk'],
  // 2013
  ['2013-01-01', "New Year's Day", 'govuk'],
  ['2013-03-29', 'Good Friday', 'govuk'],
  ['2013-04-01', 'Easter Monday', 'govuk'],
  ['2013-05-06', 'Early May bank holiday', 'govuk'],
  ['2013-05-27', 'Spring bank holiday', 'govuk'],
  ['2013-08-26', 'Summer bank holiday', 'govuk'],
  ['2013-12-25', 'Christmas Day', 'govuk'],
  ['2013-12-26', 'Boxing Day', 'govuk'],
  // 2014
  ['2014-01-01', "New Year's Day", 'govuk'],
  ['2014-04-18', 'Good Friday', 'govuk'],
  ['2014-04-21', 'Easter Monday', 'govuk'],
  ['2014-05-05', 'Early May bank holiday', 'govuk'],
  ['2014-05-26', 'Spring bank holiday', 'govuk'],
  ['2014-08-25', 'Summer bank holiday', 'govuk'],
  ['2014-12-25', 'Christmas Day', 'govuk'],
  ['2014-12-26', 'Boxing Day', 'govuk'],
  // 2015
  ['2015-01-01', "New Year's Day", 'govuk'],
  ['2015-04-03', 'Good Friday', 'govuk'],
  ['2015-04-06', 'Easter Monday', 'govuk'],
  ['2015-05-04', 'Early May bank holiday', 'govuk'],
  ['2015-05-25', 'Spring bank holiday', 'govuk'],
  ['2015-08-31', 'Summer bank holiday', 'govuk'],
  ['2015-12-25', 'Christmas Day', 'govuk'],
  ['2015-12-28', 'Boxing Day (substitute day)', 'govuk'],
  // 2016
  ['2016-01-01', "New Year's Day", 'govuk'],
  ['2016-03-25', 'Good Friday', 'govuk'],
  ['2016-03-28', 'Easter Monday', 'govuk'],
  ['2016-05-02', 'Early May bank holiday', 'govuk'],
  ['2016-05-30', 'Spring bank holiday', 'govuk'],
  ['2016-08-29', 'Summer bank holiday', 'govuk'],
  ['2016-12-26', 'Boxing Day', 'govuk'],
  ['2016-12-27', 'Christmas Day (substitute day)', 'govuk'],
  // 2017
  ['2017-01-02', "New Year's Day (substitute day)", 'govuk'],
  ['2017-04-14', 'Good Friday', 'govuk'],
  ['2017-04-17', 'Easter Monday', 'govuk'],
  ['2017-05-01', 'Early May bank holiday', 'govuk'],
  ['2017-05-29', 'Spring bank holiday', 'govuk'],
  ['2017-08-28', 'Summer bank holiday', 'govuk'],
  ['2017-12-25', 'Christmas Day', 'govuk'],
  ['2017-12-26', 'Boxing Day', 'govuk'],
  // 2018
  ['2018-01-01', "New Year's Day", 'govuk'],
  ['2018-03-30', 'Good Friday', 'govuk'],
  ['2018-04-02', 'Easter Monday', 'govuk'],
  ['2018-05-07', 'Early May bank holiday', 'govuk'],
  ['2018-05-28', 'Spring bank holiday', 'govuk'],
  ['2018-08-27', 'Summer bank holiday', 'govuk'],
  ['2018-12-25', 'Christmas Day', 'govuk'],
  ['2018-12-26', 'Boxing Day', 'govuk'],
  // 2019
  ['2019-01-01', "New Year's Day", 'govuk'],
  ['2019-04-19', 'Good Friday', 'govuk'],
  ['2019-04-22', 'Easter Monday', 'govuk'],
  ['2019-05-06', 'Early May bank holiday', 'govuk'],
  ['2019-05-27', 'Spring bank holiday', 'govuk'],
  ['2019-08-26', 'Summer bank holiday', 'govuk'],
  ['2019-12-25', 'Christmas Day', 'govuk'],
  ['2019-12-26', 'Boxing Day', 'govuk'],
  // 2020
  ['2020-01-01', "New Year's Day", 'govuk'],
  ['2020-04-10', 'Good Friday', 'govuk'],
  ['2020-04-13', 'Easter Monday', 'govuk'],
  ['2020-05-08', 'Early May bank holiday (VE Day, moved)', 'veDay2020'],
  ['2020-05-25', 'Spring bank holiday', 'govuk'],
  ['2020-08-31', 'Summer bank holiday', 'govuk'],
  ['2020-12-25', 'Christmas Day', 'govuk'],
  ['2020-12-28', 'Boxing Day (substitute day)', 'govuk'],
  // 2021
  ['2021-01-01', "New Year's Day", 'govuk'],
  ['2021-04-02', 'Good Friday', 'govuk'],
  ['2021-04-05', 'Easter Monday', 'govuk'],
  ['2021-05-03', 'Early May bank holiday', 'govuk'],
  ['2021-05-31', 'Spring bank holiday', 'govuk'],
  ['2021-08-30', 'Summer bank holiday', 'govuk'],
  ['2021-12-27', 'Christmas Day (substitute day)', 'govuk'],
  ['2021-12-28', 'Boxing Day (substitute day)', 'govuk'],
  // 2022
  ['2022-01-03', "New Year's Day (substitute day)", 'govuk'],
  ['2022-04-15', 'Good Friday', 'govuk'],
  ['2022-04-18', 'Easter Monday', 'govuk'],
  ['2022-05-02', 'Early May bank holiday', 'govuk'],
  ['2022-06-02', 'Spring bank holiday (moved for the Platinum Jubilee)', 'platinumJubilee2022'],
  ['2022-06-03', "Queen's Platinum Jubilee", 'platinumJubilee2022'],
  ['2022-08-29', 'Summer bank holiday', 'govuk'],
  ['2022-09-19', 'State funeral of Queen Elizabeth II', 'stateFuneral2022'],
  ['2022-12-26', 'Boxing Day', 'govuk'],
  ['2022-12-27', 'Christmas Day (substitute day)', 'govuk'],
  // 2023
  ['2023-01-02', "New Year's Day (substitute day)", 'govuk'],
  ['2023-04-07', 'Good Friday', 'govuk'],
  ['2023-04-10', 'Easter Monday', 'govuk'],
  ['2023-05-01', 'Early May bank holiday', 'govuk'],
  ['2023-05-08', 'Coronation of King Charles III', 'coronation2023'],
  ['2023-05-29', 'Spring bank holiday', 'govuk'],
  ['2023-08-28', 'Summer bank holiday', 'govuk'],
  ['2023-12-25', 'Christmas Day', 'govuk'],
  ['2023-12-26', 'Boxing Day', 'govuk'],
  // 2024
  ['2024-01-01', "New Year's Day", 'govuk'],
  ['2024-03-29', 'Good Friday', 'govuk'],
  ['2024-04-01', 'Easter Monday', 'govuk'],
  ['2024-05-06', 'Early May bank holiday', 'govuk'],
  ['2024-05-27', 'Spring bank holiday', 'govuk'],
  ['2024-08-26', 'Summer bank holiday', 'govuk'],
  ['2024-12-25', 'Christmas Day', 'govuk'],
  ['2024-12-26', 'Boxing Day', 'govuk'],
  // 2025
  ['2025-01-01', "New Year's Day", 'govuk'],
  ['2025-04-18', 'Good Friday', 'govuk'],
  ['2025-04-21', 'Easter Monday', 'govuk'],
  ['2025-05-05', 'Early May bank holiday', 'govuk'],
  ['2025-05-26', 'Spring bank holiday', 'govuk'],
  ['2025-08-25', 'Summer bank holiday', 'govuk'],
  ['2025-12-25', 'Christmas Day', 'govuk'],
  ['2025-12-26', 'Boxing Day', 'govuk'],
  // 2026
  ['2026-01-01', "New Year's Day", 'govuk'],
  ['2026-04-03', 'Good Friday', 'govuk'],
  ['2026-04-06', 'Easter Monday', 'govuk'],
  ['2026-05-04', 'Early May bank holiday', 'govuk'],
  ['2026-05-25', 'Spring bank holiday', 'govuk'],
  ['2026-08-31', 'Summer bank holiday', 'govuk'],
  ['2026-12-25', 'Christmas Day', 'govuk'],
  ['2026-12-28', 'Boxing Day (substitute day)', 'govuk'],
  // 2027
  ['2027-01-01', "New Year's Day", 'govuk'],
  ['2027-03-26', 'Good Friday', 'govuk'],
  ['2027-03-29', 'Easter Monday', 'govuk'],
  ['2027-05-03', 'Early May bank holiday', 'govuk'],
  ['2027-05-31', 'Spring bank holiday', 'govuk'],
  ['2027-08-30', 'Summer bank holiday', 'govuk'],
  ['2027-12-27', 'Christmas Day (substitute day)', 'govuk'],
  ['2027-12-28', 'Boxing Day (substitute day)', 'govuk'],
  // 2028
  ['2028-01-03', "New Year's Day (substitute day)", 'projected'],
  ['2028-04-14', 'Good Friday', 'projected'],
  ['2028-04-17', 'Easter Monday', 'projected'],
  ['2028-05-01', 'Early May bank holiday', 'projected'],
  ['2028-05-29', 'Spring bank holiday', 'projected'],
  ['2028-08-28', 'Summer bank holiday', 'projected'],
  ['2028-12-25', 'Christmas Day', 'projected'],
  ['2028-12-26', 'Boxing Day', 'projected'],
  // 2029
  ['2029-01-01', "New Year's Day", 'projected'],
  ['2029-03-30', 'Good Friday', 'projected'],
  ['2029-04-02', 'Easter Monday', 'projected'],
  ['2029-05-07', 'Early May bank holiday', 'projected'],
  ['2029-05-28', 'Spring bank holiday', 'projected'],
  ['2029-08-27', 'Summer bank holiday', 'projected'],
  ['2029-12-25', 'Christmas Day', 'projected'],
  ['2029-12-26', 'Boxing Day', 'projected'],
  // 2030
  ['2030-01-01', "New Year's Day", 'projected'],
  ['2030-04-19', 'Good Friday', 'projected'],
  ['2030-04-22', 'Easter Monday', 'projected'],
  ['2030-05-06', 'Early May bank holiday', 'projected'],
  ['2030-05-27', 'Spring bank holiday', 'projected'],
  ['2030-08-26', 'Summer bank holiday', 'projected'],
  ['2030-12-25', 'Christmas Day', 'projected'],
  ['2030-12-26', 'Boxing Day', 'projected'],
]

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = rows.map(([date, name, source]) => ({
  date,
  name,
  source,
}))
