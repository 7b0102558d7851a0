/**
 * Offsets in Unicode code points, as the W3C Web Annotation model's TextPositionSelector counts
 * them (§4.2.4), from the UTF-16 code unit offsets the app stores (D2). Converted at the export
 * boundary only: inside the app, offsets stay in code units.
 */

/** A converter for `text`: code unit offset → code point offset, in O(log n) per call. */
export function codePointOffsets(text: string): (utf16Offset: number) => number {
  // The code unit index of every low surrogate that completes a pair: each such pair counts
  // as one code point, so every one of them before an offset lowers it by one.
  const seconds: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      const before = text.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) seconds.push(i);
    }
  }
  return (offset) => {
    let low = 0;
    let high = seconds.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((seconds[mid] ?? Infinity) < offset) low = mid + 1;
      else high = mid;
    }
    return offset - low;
  };
}
