/**
 * Text normalisation for quote matching. Matching must ignore typographic differences (curly vs straight
 * quotes, dash kinds, runs of whitespace, Unicode compatibility forms) yet report offsets in the ORIGINAL text,
 * so every normalised character remembers the span of original text it came from.
 */

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** starts[i] = offset in the original text of the first original character behind normalised char i. */
  starts: Int32Array;
  /** ends[i] = offset just after the last original character behind normalised char i. */
  ends: Int32Array;
}

const SINGLE_QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2035, 0x02bc, 0x02b9, 0xff07, 0x0060, 0x00b4]);
const DOUBLE_QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x2036, 0x00ab, 0x00bb, 0x02ba, 0xff02, 0x301d, 0x301e]);
// Hyphen, non-breaking hyphen, figure dash, en/em dashes, horizontal bar, minus, small/fullwidth hyphen-minus.
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d, 0x2e3a, 0x2e3b]);
// Invisible characters that copy-paste adds or drops at will: soft hyphen, zero-width space/joiners, BOM.
const INVISIBLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0x85
  );
}

/** What one original code point becomes: "" (dropped), " " (space, collapsed with neighbours) or text. */
function mapCodePoint(cp: number, raw: string): string {
  if (cp < 0x80) {
    if (cp === 0x60) return "'";
    return isSpace(cp) ? " " : raw;
  }
  if (isSpace(cp)) return " ";
  if (INVISIBLE.has(cp)) return "";
  if (SINGLE_QUOTES.has(cp)) return "'";
  if (DOUBLE_QUOTES.has(cp)) return '"';
  if (DASHES.has(cp)) return "-";
  const nfkc = raw.normalize("NFKC");
  // NFKC can itself produce spaces (e.g. U+2002) or dashes; map what it gives once more.
  if (nfkc.length === 1 && nfkc !== raw) return mapCodePoint(nfkc.charCodeAt(0), nfkc);
  return nfkc;
}

/**
 * Normalises `source`: whitespace runs become one space, spaces next to a dash are dropped ("a — b" = "a—b"),
 * quotes and dashes take their ASCII form, NFKC applies; leading/trailing spaces are trimmed.
 */
export function normalizeWithMap(source: string): NormalizedText {
  const n = source.length;
  const parts: string[] = [];
  // NFKC can expand a character (ﬁ → fi); the arrays grow when that happens.
  let starts = new Int32Array(n + 16);
  let ends = new Int32Array(n + 16);
  let len = 0;
  let last = ""; // last emitted normalised character
  let pendingSpace = -1; // original start of a whitespace run not yet emitted
  let pendingSpaceEnd = -1;

  const ensure = (extra: number) => {
    if (len + extra <= starts.length) return;
    const size = Math.max(starts.length * 2, len + extra);
    const s2 = new Int32Array(size);
    s2.set(starts);
    starts = s2;
    const e2 = new Int32Array(size);
    e2.set(ends);
    ends = e2;
  };
  const flushSpace = (next: string) => {
    if (pendingSpace < 0) return;
    // A space right after a dash, or right before one, is typographic: drop it.
    if (last !== "" && last !== "-" && next !== "-") {
      ensure(1);
      parts.push(" ");
      starts[len] = pendingSpace;
      ends[len] = pendingSpaceEnd;
      len++;
      last = " ";
    }
    pendingSpace = -1;
  };

  // Characters that map to themselves are copied as slices of the source, not one by one: most text is plain.
  let runStart = -1;
  const flushRun = (end: number) => {
    if (runStart >= 0 && end > runStart) {
      ensure(end - runStart);
      parts.push(source.slice(runStart, end));
      for (let k = runStart; k < end; k++) {
        starts[len] = k;
        ends[len] = k + 1;
        len++;
      }
      last = source[end - 1]!;
    }
    runStart = -1;
  };

  let i = 0;
  while (i < n) {
    const code = source.charCodeAt(i);
    if (code > 0x20 && code < 0x7f && code !== 0x2d && code !== 0x60) {
      if (pendingSpace >= 0) {
        // One plain space between plain characters stays inside the run.
        if (runStart >= 0 && pendingSpace === i - 1 && source.charCodeAt(i - 1) === 0x20) {
          pendingSpace = -1;
        } else {
          flushRun(pendingSpace);
          flushSpace(source[i]!);
        }
      }
      if (runStart < 0) runStart = i;
      i++;
      continue;
    }
    let cp = code;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const low = source.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const mapped = code === 0x20 ? " " : mapCodePoint(cp, source.slice(i, i + width));
    if (mapped === " ") {
      if (pendingSpace < 0) pendingSpace = i;
      pendingSpaceEnd = i + width;
    } else if (mapped !== "") {
      flushRun(pendingSpace >= 0 ? pendingSpace : i);
      flushSpace(mapped[0]!);
      ensure(mapped.length);
      parts.push(mapped);
      for (let k = 0; k < mapped.length; k++) {
        starts[len + k] = i;
        ends[len + k] = i + width;
      }
      len += mapped.length;
      last = mapped[mapped.length - 1]!;
    }
    i += width;
  }
  flushRun(pendingSpace >= 0 ? pendingSpace : n);
  return { text: parts.join(""), starts: starts.subarray(0, len), ends: ends.subarray(0, len) };
}

/** Normalised form only, for the searched-for side. */
export function normalizeText(source: string): string {
  return normalizeWithMap(source).text;
}
