/** A timer that never keeps a Node.js process alive (browsers have no such notion). */
export function startBackgroundTimer(delayMs: number, callback: () => void): ReturnType<typeof setTimeout> {
  const timer = setTimeout(callback, delayMs);
  if (typeof timer === "object" && typeof timer.unref === "function") timer.unref();
  return timer;
}
