/**
 * Hands: who holds which tool, how hard they press and how they fill a circle. Figures come from how the tools are
 * sold and how marks look under a loupe, not from any reader: an HB lead leaves a mid-grey that never reaches black,
 * softer leads (2B–4B) are darker and wear blunt, a ballpoint lays a 0.3–0.5 mm line of nearly opaque paste that skips
 * when held light, a felt tip lays a 0.8–1.5 mm even line whose dye wicks along the paper fibres.
 */
import { Rng } from './random.js';

export type ToolKind = 'hb-pencil' | 'soft-pencil' | 'black-ballpoint' | 'blue-ballpoint' | 'felt-tip';

/** The groups the per-tool breakdown reports. */
export type ToolGroup = 'HB pencil' | 'soft pencil' | 'ballpoint' | 'felt-tip';

export interface Tool {
  readonly kind: ToolKind;
  readonly name: string;
  /** Width of the line at normal pressure, mm. */
  readonly widthMm: number;
  /** Darkness (0 paper … 1 black) of a fully covered area as a greyscale scanner sees it. */
  readonly maxDarkness: number;
  /** Graphite catches on the tops of the paper's tooth; inks soak in. */
  readonly graphite: boolean;
  /** Ballpoint skips per mm of line at light pressure (fewer when pressed). */
  readonly skipsPerMm: number;
  /** How far felt-tip dye wicks beyond the tip, px at 400 dpi. */
  readonly bleedPx: number;
  /** Burnished graphite reflects the scanner lamp: lighter by up to this share where rubbed shiny. */
  readonly sheen: number;
}

export type FillStyle = 'zigzag' | 'spiral' | 'scribble';

export interface Hand {
  readonly id: string;
  readonly tool: Tool;
  /** 0.5 (light) … 1 (heavy). */
  readonly pressure: number;
  readonly fillStyle: FillStyle;
  /** Distance between neighbouring passes as a multiple of the line width (above 1 leaves streaks of paper). */
  readonly gap: number;
  /** Preferred direction of back-and-forth strokes, radians from horizontal. */
  readonly passAngle: number;
  /** How far strokes run past the printed ring, mm (negative: stops short of it). */
  readonly overshootMm: number;
  /** Chance of going over a fill a second time in another direction. */
  readonly secondPass: number;
  /** 0 neat … 1 sloppy: jitter of stroke ends, angles and centring. */
  readonly sloppiness: number;
  /** Size of ticks and crosses relative to the bubble diameter. */
  readonly tickScale: number;
  /** Chance that this student marks an answer with a tick or a cross instead of a fill (instructions unread). */
  readonly tickHabit: number;
}

export function toolGroup(tool: Tool): ToolGroup {
  switch (tool.kind) {
    case 'hb-pencil':
      return 'HB pencil';
    case 'soft-pencil':
      return 'soft pencil';
    case 'black-ballpoint':
    case 'blue-ballpoint':
      return 'ballpoint';
    case 'felt-tip':
      return 'felt-tip';
  }
}

function makeTool(kind: ToolKind, random: Rng): Tool {
  const base = { kind, skipsPerMm: 0, bleedPx: 0, sheen: 0 };
  switch (kind) {
    case 'hb-pencil':
      return {
        ...base,
        name: 'HB',
        widthMm: random.uniform(0.45, 0.8),
        maxDarkness: random.uniform(0.55, 0.68),
        graphite: true,
        sheen: random.uniform(0, 0.06),
      };
    case 'soft-pencil': {
      const grade = random.int(2, 4);
      return {
        ...base,
        name: `${grade}B`,
        widthMm: random.uniform(0.6, 1.2),
        maxDarkness: 0.66 + grade * 0.045 + random.uniform(-0.03, 0.03),
        graphite: true,
        sheen: random.uniform(0.04, 0.14),
      };
    }
    case 'black-ballpoint':
      return {
        ...base,
        name: 'black ballpoint',
        widthMm: random.uniform(0.28, 0.45),
        maxDarkness: random.uniform(0.86, 0.95),
        graphite: false,
        skipsPerMm: random.uniform(0.02, 0.12),
      };
    case 'blue-ballpoint':
      // Blue paste absorbs red and green: its luminance is dark but not black.
      return {
        ...base,
        name: 'blue ballpoint',
        widthMm: random.uniform(0.28, 0.45),
        maxDarkness: random.uniform(0.6, 0.78),
        graphite: false,
        skipsPerMm: random.uniform(0.02, 0.12),
      };
    case 'felt-tip':
      return {
        ...base,
        name: 'felt tip',
        widthMm: random.uniform(0.8, 1.5),
        maxDarkness: random.uniform(0.82, 0.93),
        graphite: false,
        bleedPx: random.uniform(1, 3.5),
      };
  }
}

const TOOL_MIX: readonly ToolKind[] = [
  ...Array<ToolKind>(12).fill('hb-pencil'),
  ...Array<ToolKind>(12).fill('soft-pencil'),
  ...Array<ToolKind>(8).fill('black-ballpoint'),
  ...Array<ToolKind>(8).fill('blue-ballpoint'),
  ...Array<ToolKind>(8).fill('felt-tip'),
];
const STYLES: readonly FillStyle[] = ['zigzag', 'zigzag', 'spiral', 'scribble'];

/** 48 hands: every tool in light, medium and heavy hands, with each fill style. */
export const HANDS: readonly Hand[] = TOOL_MIX.map((kind, index) => {
  const random = new Rng(`hand-${index}`);
  const tool = makeTool(kind, random);
  const weight = index % 3;
  const pressure = [random.uniform(0.5, 0.62), random.uniform(0.64, 0.8), random.uniform(0.82, 1)][weight] ?? 0.7;
  const fillStyle = STYLES[Math.floor(index / 3) % STYLES.length] ?? 'zigzag';
  const sloppiness = random.uniform(0, 1) ** 1.5;
  const id = `h${String(index + 1).padStart(2, '0')}-${tool.name.replace(' ', '-')}-${['light', 'medium', 'heavy'][weight] ?? ''}-${fillStyle}`;
  return {
    id,
    tool,
    pressure,
    fillStyle,
    gap: random.uniform(0.55, 1.25),
    passAngle: random.pick([0, 0, Math.PI / 4, -Math.PI / 4, Math.PI / 2]) + random.normal(0, 0.15),
    overshootMm: random.uniform(-0.15, 0.4) + sloppiness * random.uniform(0, 0.6),
    secondPass: random.uniform(0, 0.6),
    sloppiness,
    tickScale: random.uniform(0.7, 1.35),
    tickHabit: index % 16 === 5 ? random.uniform(0.3, 0.7) : 0,
  };
});

export function handById(id: string): Hand {
  const hand = HANDS.find((candidate) => candidate.id === id);
  if (!hand) throw new Error(`no hand ${id}`);
  return hand;
}
