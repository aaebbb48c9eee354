/**
 * Which frames Backstory reads: the top page and its same-origin iframes (an article
 * body or comment thread a site renders in a frame of its own), not cross-origin frames — ads,
 * embeds and trackers are not what the reader reads, and booting in each would cost every page.
 */
export function shouldRunInThisFrame(win: Window = window): boolean {
  if (win === win.top) return true;
  try {
    // Reading the top's origin throws for a cross-origin parent.
    return win.top !== null && win.top.location.origin === win.location.origin;
  } catch {
    return false;
  }
}
