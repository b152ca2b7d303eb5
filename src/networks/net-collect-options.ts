// What every network's collector accepts: the window, the clock, and the checkpoint a resumable job keeps.
export type NetCollectOptions = {
  /** Posts from this moment (unix seconds) on. */
  sinceSec: number;
  now?: () => number;
  /** Pages with an id up to this one were done by an earlier attempt of the same run: skipped. */
  after?: number;
  /** Called after each page is stored (or found gone, or failed and counted), in page id order. */
  onPage?: (pageId: number) => Promise<void>;
};
