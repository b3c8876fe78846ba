/**
 * Calendar days (`YYYY-MM-DD`) as the business sees them. Contracts run over calendar days, and
 * "today" depends on the business time zone: 23:30 UTC on 30 June is already 1 July in Paris.
 * Nothing here reads the wall clock; callers pass `now`.
 */
export type CalendarDate = string;

export const DEFAULT_TIME_ZONE = 'UTC';

const MS_PER_DAY = 86_400_000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: CalendarDate): [number, number, number] | null {
  const match = CALENDAR_DATE.exec(day);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/**
 * True for a well-formed day that exists in the calendar (`2026-02-30` does not). Years run from
 * 1000 to 9999: four digits keep string order equal to date order.
 */
export function isCalendarDate(value: string): value is CalendarDate {
  const ymd = parts(value);
  if (!ymd) return false;
  const [year, month, day] = ymd;
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1000 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

function toUtcMidnight(day: CalendarDate): number {
  const ymd = parts(day);
  if (!ymd || !isCalendarDate(day)) throw new RangeError(`Not a calendar date: ${day}`);
  return Date.UTC(ymd[0], ymd[1] - 1, ymd[2]);
}

function fromUtcMidnight(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / MS_PER_DAY);
}

export function addDays(day: CalendarDate, days: number): CalendarDate {
  return fromUtcMidnight(toUtcMidnight(day) + days * MS_PER_DAY);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `Intl` knows the IANA zone, for validating configuration once at boot. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar day `now` falls on in `timeZone` (an IANA name). Throws RangeError for an unknown zone. */
export function businessDay(now: Date, timeZone: string = DEFAULT_TIME_ZONE): CalendarDate {
  const fields = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return `${fields['year']}-${fields['month']}-${fields['day']}`;
}

/** `day` within `[start, end]`, both ends included. */
export function isWithinInclusive(
  day: CalendarDate,
  start: CalendarDate,
  end: CalendarDate,
): boolean {
  return start <= day && day <= end;
}

/** Two inclusive day ranges share at least one day (touching ends overlap). */
export function rangesOverlapInclusive(
  a: { startDate: CalendarDate; endDate: CalendarDate },
  b: { startDate: CalendarDate; endDate: CalendarDate },
): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}
