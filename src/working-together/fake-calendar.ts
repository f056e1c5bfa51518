// A small calendar for tests: weekends and the holidays given are not working days. Same
// convention as src/calendar: the deadline is the end of the Nth working day after the day of `from`.
import { DateTime } from 'luxon'
import type { WorkingDays } from './calendar.ts'
import { must } from '../errors/must.ts'

const ZONE = 'Europe/London'

export function weekendCalendar(holidays: readonly string[] = []): WorkingDays {
  const closed = new Set(holidays)
  const working = (d: DateTime) => d.weekday <= 5 && !closed.has(must(d.toISODate(), 'a valid day'))
  return {
    isWorkingDay: (d) => working(DateTime.fromJSDate(d).setZone(ZONE)),
    addWorkingDays(from, n) {
      let day = DateTime.fromJSDate(from).setZone(ZONE).startOf('day')
      for (let left = n; left > 0;) {
        day = day.plus({ days: 1 })
        if (working(day)) left--
      }
      return day.plus({ days: 1 }).toJSDate()
    },
  }
}
