// The working-day arithmetic deadlines need, as a parameter so rules can be tested with any calendar.
// Convention (src/calendar): `addWorkingDays(x, n)` is the end of the Nth working day after the
// London day of x (00:00 London of the next day); something is overdue from that instant on.
import { addWorkingDays, isWorkingDay } from '../calendar/index.ts'

export interface WorkingDays {
  addWorkingDays(from: Date, n: number): Date
  isWorkingDay(d: Date): boolean
}

/** Weekends and the bank holidays of England and Wales. */
export const englandAndWalesWorkingDays: WorkingDays = {
  addWorkingDays: (from, n) => addWorkingDays(from, n),
  isWorkingDay: (d) => isWorkingDay(d),
}
