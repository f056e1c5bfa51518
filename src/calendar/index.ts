// The working-days calendar of England and Wales: what deadlines in working days are counted on.
export {
  BANK_HOLIDAY_SOURCES,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  FIRST_COVERED_YEAR,
  LAST_COVERED_YEAR,
} from './bank-holidays.ts'
export type { BankHoliday, BankHolidaySource } from './bank-holidays.ts'
export {
  addMonths,
  addYears,
  dayFromIso,
  dayFromParts,
  ageInYears,
  fullestDateOfBirth,
  isAdultOn,
  isAtLeastOn,
  isoFromDay,
  londonDay,
  londonMidnight,
  londonOffsetMs,
  parseInstant,
  partsFromDay,
  weekday,
} from './days.ts'
export type { Day } from './days.ts'
export {
  addWorkingDays,
  englandAndWales,
  isWorkingDay,
  makeCalendar,
  nthWorkingDayAfter,
  workingDaysBetween,
} from './working-days.ts'
export type { WorkingCalendar } from './working-days.ts'
