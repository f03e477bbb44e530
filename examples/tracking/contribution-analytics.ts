import type { EventPayload } from "../../generated/index.js";

/** Contributions per user per UTC day, e.g. "2025-01-31" → user id → count. */
const contributionsByDay = new Map<string, Map<number, number>>();

/**
 * Counts each user's contributions (forks, comments) per day for the profile's activity
 * calendar. Written as a class with a static `trackEvent`, like GitLab's tracking classes.
 */
export class ContributionAnalytics {
  static trackEvent(_eventName: string, payload: EventPayload): void {
    if (payload.user === undefined) return;
    const day = new Date().toISOString().slice(0, 10);
    const counts = contributionsByDay.get(day) ?? new Map<number, number>();
    counts.set(payload.user.id, (counts.get(payload.user.id) ?? 0) + 1);
    contributionsByDay.set(day, counts);
  }

  /** A user's contributions on a UTC day (`YYYY-MM-DD`). */
  static contributionsOn(day: string, userId: number): number {
    return contributionsByDay.get(day)?.get(userId) ?? 0;
  }
}
