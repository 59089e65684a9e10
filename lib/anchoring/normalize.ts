/**
 * Text normalisation for quote matching. Matching ignores typography and nothing else, yet reports offsets in
 * the ORIGINAL text, so every normalised character remembers the span of original text it came from.
 *
 * What is folded (the README's Evidence section states the same rule):
 * - quote marks, apostrophes and primes → ' or "; hyphens and dashes → -; the ellipsis → ...;
 * - every kind of space and line break → one space (none next to a dash);
 * - invisible characters (soft hyphen, zero-width space, joiners, word joiner, BOM) → nothing;
 * - Latin and Armenian ligatures (ﬁ → fi) and full-width/half-width forms (Ａ → A);
 * - canonical equivalence (NFC): a decomposed accent equals the composed one.
 * What is NOT folded: every other compatibility form. Unicode NFKC would turn "10²" into "102", "2015¹"
 * into "20151", "1¼" into "11⁄4" and "①" into "1": those change what a text says, so they must match only
 * themselves.
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

const ELLIPSIS = 0x2026;

/** Compatibility forms that differ from their plain letters in shape only, never in meaning. */
function isTypographicCompatibilityForm(cp: number): boolean {
  return (
    (cp >= 0xfb00 && cp <= 0xfb06) || // Latin ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ
    (cp >= 0xfb13 && cp <= 0xfb17) || // Armenian ligatures
    (cp >= 0xff01 && cp <= 0xffee) // full-width ASCII, half-width kana and Hangul, full/half-width signs
  );
}

const COMBINING_MARK = /^\p{M}$/u;

interface CodePointInfo {
  /** "" (dropped), " " (a space, collapsed with neighbours) or the folded text. */
  mapped: string;
  /** A combining mark: canonical composition may merge it into the character before it. */
  mark: boolean;
}

// Non-ASCII code points recur (a text uses a few dozen of them), and the Unicode look-ups behind each are
// costly next to the ASCII fast path: remember the answer. Bounded so a hostile text cannot grow it forever.
const infoCache = new Map<number, CodePointInfo>();

function codePointInfo(cp: number, raw: string): CodePointInfo {
  let info = infoCache.get(cp);
  if (info) return info;
  info = { mapped: mapCodePoint(cp, raw), mark: COMBINING_MARK.test(raw) };
  if (infoCache.size < 4096) infoCache.set(cp, info);
  return info;
}

/** What one original code point becomes on its own (composition with a preceding base happens later). */
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
  if (cp === ELLIPSIS) return "...";
  if (isTypographicCompatibilityForm(cp)) {
    const folded = raw.normalize("NFKC");
    // A full-width quote, dash or space must take the same form as its ordinary counterpart.
    return folded.length === 1 && folded !== raw ? mapCodePoint(folded.charCodeAt(0), folded) : folded;
  }
  // Canonical singletons only (Å for the ångström sign, Ω for the ohm sign): NFC never changes meaning.
  return raw.normalize("NFC");
}

/**
 * Normalises `source` by the rule at the top of this file: whitespace runs become one space, spaces next to a
 * dash are dropped ("a — b" = "a—b"), leading and trailing spaces are trimmed.
 */
export function normalizeWithMap(source: string): NormalizedText {
  const n = source.length;
  const parts: string[] = [];
  // A ligature or an ellipsis expands to several characters; the arrays grow when that happens.
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
  const emit = (text: string, from: number, to: number) => {
    ensure(text.length);
    parts.push(text);
    for (let k = 0; k < text.length; k++) {
      starts[len + k] = from;
      ends[len + k] = to;
    }
    len += text.length;
    last = text[text.length - 1]!;
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
    if (code < 0x80) {
      const mapped = isSpace(code) ? " " : code === 0x60 ? "'" : source[i]!;
      if (mapped === " ") {
        if (pendingSpace < 0) pendingSpace = i;
        pendingSpaceEnd = i + 1;
      } else {
        flushRun(pendingSpace >= 0 ? pendingSpace : i);
        flushSpace(mapped);
        emit(mapped, i, i + 1);
      }
      i++;
      continue;
    }
    const info = codePointInfo(cp, source.slice(i, i + width));
    if (info.mapped === " ") {
      if (pendingSpace < 0) pendingSpace = i;
      pendingSpaceEnd = i + width;
    } else if (info.mapped === "") {
      // Close the plain run here, or the invisible character would be copied along with it.
      flushRun(pendingSpace >= 0 ? pendingSpace : i);
    } else if (info.mark && pendingSpace < 0 && (runStart >= 0 || (len > 0 && ends[len - 1] === i))) {
      // A combining mark right after its base: compose the base with every mark that follows (NFC), so
      // "i" + U+0301 and the precomposed "í" are the same character, spanning base and marks in the original.
      flushRun(i);
      let j = i + width;
      while (j < n) {
        const c = source.codePointAt(j)!;
        const w = c > 0xffff ? 2 : 1;
        if (c < 0x300 || !codePointInfo(c, source.slice(j, j + w)).mark) break;
        j += w;
      }
      const lastPart = parts[parts.length - 1]!;
      const low = lastPart.charCodeAt(lastPart.length - 1);
      const baseLength = low >= 0xdc00 && low <= 0xdfff && lastPart.length > 1 ? 2 : 1;
      const base = lastPart.slice(-baseLength);
      const baseFrom = starts[len - baseLength]!;
      parts[parts.length - 1] = lastPart.slice(0, -baseLength);
      len -= baseLength;
      emit((base + source.slice(i, j)).normalize("NFC"), baseFrom, j);
      i = j;
      continue;
    } else {
      flushRun(pendingSpace >= 0 ? pendingSpace : i);
      flushSpace(info.mapped[0]!);
      emit(info.mapped, i, i + width);
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
