/** "1 event", "5 events": how processors' error messages count events. */
export function eventCount(count: number): string {
  return count === 1 ? "1 event" : `${count} events`;
}
