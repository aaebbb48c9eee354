/**
 * How long the hostile pages run and what Backstory is held to on them, the same in Chromium
 * (hostile.e2e.ts, with the browser's probes) and in Firefox (hostile-pages.e2e.ts).
 */

/** The mutation storm's length: 1,000 changes a second for this many seconds. */
export const STORM_SECONDS = 20;
/** How long the reader scrolls the infinite feed. */
export const SCROLL_SECONDS = 30;
/** SPEC / PERFORMANCE.md: the registered set stays near the viewport, ≈1,500 ranges at most. */
export const MAX_RANGES = 1500;
