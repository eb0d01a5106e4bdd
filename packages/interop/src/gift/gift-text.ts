/** A 1-based line and column in the GIFT source. */
export interface GiftPosition {
  readonly line: number;
  readonly column: number;
}

/** The characters GIFT lets a writer escape with a backslash (`\n` is a line break, `\\` a backslash). */
const ESCAPABLE = new Set(['~', '=', '#', '{', '}', ':', 'n', '\\']);

/**
 * GIFT text after escapes are read: each character knows whether it was escaped (so `\{` is text, never a block) and
 * where it stood in the file. Every later step (titles, answer blocks, weights, feedback) slices this instead of the
 * raw string, so a control character is decided once and every message can say its line and column.
 */
export class GiftText {
  private constructor(
    private readonly chars: readonly string[],
    private readonly escaped: readonly boolean[],
    private readonly positions: readonly GiftPosition[],
    /** Where text that is empty (a slice at the end) is said to be. */
    private readonly end: GiftPosition,
  ) {}

  /**
   * Reads escapes in `raw`, which starts at `start` in the file. As in Moodle, `\\` is read first, so `\\{` is a
   * backslash then an opening brace; a backslash before any other character is a backslash.
   *
   * @example
   * GiftText.read('a\\{b', { line: 1, column: 1 }).toString(); // 'a{b'
   */
  static read(raw: string, start: GiftPosition): GiftText {
    const chars: string[] = [];
    const escaped: boolean[] = [];
    const positions: GiftPosition[] = [];
    let { line, column } = start;
    for (let index = 0; index < raw.length; index += 1) {
      const char = raw[index] ?? '';
      const next = raw[index + 1];
      positions.push({ line, column });
      if (char === '\\' && next !== undefined && ESCAPABLE.has(next)) {
        chars.push(next === 'n' ? '\n' : next);
        escaped.push(true);
        index += 1;
        column += 2;
        continue;
      }
      chars.push(char);
      escaped.push(false);
      if (char === '\n') {
        line += 1;
        column = 1;
      } else {
        column += 1;
      }
    }
    return new GiftText(chars, escaped, positions, { line, column });
  }

  /** The lines joined with line breaks, each keeping its own positions. */
  static joinLines(lines: readonly GiftText[]): GiftText {
    const chars: string[] = [];
    const escaped: boolean[] = [];
    const positions: GiftPosition[] = [];
    lines.forEach((line, index) => {
      if (index > 0) {
        chars.push('\n');
        escaped.push(false);
        positions.push(lines[index - 1]?.end ?? line.start);
      }
      chars.push(...line.chars);
      escaped.push(...line.escaped);
      positions.push(...line.positions);
    });
    const last = lines[lines.length - 1];
    return new GiftText(chars, escaped, positions, last?.end ?? { line: 1, column: 1 });
  }

  get length(): number {
    return this.chars.length;
  }

  /** Where the character at `index` is in the file (the end of the text for an index past it). */
  positionAt(index: number): GiftPosition {
    return this.positions[index] ?? this.end;
  }

  get start(): GiftPosition {
    return this.positionAt(0);
  }

  /** The character at `index` when it is an unescaped control character, else undefined. */
  controlAt(index: number): string | undefined {
    return this.escaped[index] ? undefined : this.chars[index];
  }

  /** The first unescaped occurrence of `marker` at or after `from`, or -1. */
  indexOfControl(marker: string, from = 0): number {
    for (let index = from; index <= this.chars.length - marker.length; index += 1) {
      if (this.startsWithControl(marker, index)) return index;
    }
    return -1;
  }

  /** Whether `marker` stands unescaped at `index`. */
  startsWithControl(marker: string, index: number): boolean {
    for (let offset = 0; offset < marker.length; offset += 1) {
      if (this.escaped[index + offset] || this.chars[index + offset] !== marker[offset]) return false;
    }
    return true;
  }

  slice(from: number, to = this.chars.length): GiftText {
    const end = this.positionAt(to);
    return new GiftText(this.chars.slice(from, to), this.escaped.slice(from, to), this.positions.slice(from, to), end);
  }

  /** Without surrounding white space (NBSP included, as PHP's trim leaves it but pasted text is full of it). */
  trim(): GiftText {
    let from = 0;
    let to = this.chars.length;
    while (from < to && this.isSpace(from)) from += 1;
    while (to > from && this.isSpace(to - 1)) to -= 1;
    return this.slice(from, to);
  }

  /** Splits at every unescaped `marker`, each part starting with the marker that opened it (the first one excepted). */
  splitBefore(markers: readonly string[]): GiftText[] {
    const parts: GiftText[] = [];
    let from = 0;
    for (let index = 0; index < this.chars.length; index += 1) {
      if (index > from && markers.some((marker) => this.startsWithControl(marker, index))) {
        parts.push(this.slice(from, index));
        from = index;
      }
    }
    parts.push(this.slice(from));
    return parts;
  }

  isEmpty(): boolean {
    return this.chars.length === 0;
  }

  /** The text with escapes read (`\{` is `{`, `\n` a line break). */
  toString(): string {
    return this.chars.join('');
  }

  private isSpace(index: number): boolean {
    const char = this.chars[index] ?? '';
    return !this.escaped[index] && /^[\s\u00a0]$/u.test(char);
  }
}
