/**
 * happy-dom has no usable StaticRange; what Backstory keeps of one is its four boundary fields,
 * so a plain class with them stands in for it in unit tests (real browsers in the e2e suite).
 */
export function installStaticRange(): void {
  class StaticRangeDouble {
    startContainer: Node;
    startOffset: number;
    endContainer: Node;
    endOffset: number;
    constructor(init: StaticRangeInit) {
      this.startContainer = init.startContainer;
      this.startOffset = init.startOffset;
      this.endContainer = init.endContainer;
      this.endOffset = init.endOffset;
    }
  }
  Object.defineProperty(globalThis, 'StaticRange', { value: StaticRangeDouble, configurable: true, writable: true });
}
