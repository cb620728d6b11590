/** The one clock every time-dependent rule reads (OTP expiry, sessions, same-day rules...). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: for tests now, for the demo "Data simulata" later. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(date: Date): void {
    this.current = date.getTime();
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}
