import { sampleLattice } from './bubble-lattice.js';
import type { GreyImage } from './grey-image.js';
import {
  measureShape,
  measureTone,
  NO_SHAPE,
  type MarkShape,
  type MarkTone,
  type RingProfile,
} from './mark-features.js';

/**
 * What is in one bubble. Only `filled` is an answer; partial fills, ticks and crosses are marks that are not answers;
 * a dot (a pen or pencil set down) and the residue of an erased fill are noise, kept and shown but never marks.
 */
export type MarkKind = 'filled' | 'partial' | 'tick' | 'cross' | 'dot' | 'erasure' | 'empty';

export interface MarkReading {
  readonly kind: MarkKind;
  /** 0–1: how far the reading is from the nearest boundary between kinds. */
  readonly confidence: number;
  /**
   * 0–1: how sure the reading is of what decides a score — whether the bubble is a complete fill or not. Below 0.5
   * the bubble goes to review. A reading unsure only between kinds that are all not answers (a tick or a cross, a
   * partial fill or a tick, a dot or nothing) is sure of this.
   */
  readonly fillConfidence: number;
  readonly features: MarkFeatures;
  /** The printed ring as scanned round this bubble, as it was measured (for the page's typical ring). */
  readonly ringProfile: RingProfile;
}

/** What is known of the page a bubble is on, against which a person reads a bubble. */
export interface PageSight {
  /** How dark the page's covering marks typically are (see `readBubbles`), against which a faint mark is judged. */
  readonly hand?: number;
  /**
   * The most the printed ring can be, per quarter and radius (see `RingProfile`): a fill running on past the ring all
   * round darkens the paper outside it, which would otherwise be taken for the ring's blur and taken out of the fill.
   */
  readonly ringLimit?: RingProfile;
  /**
   * Whether the page was captured one bit a pixel (`isOneBit`): only a threshold breaks a fill into the lines of its
   * passes. Unknown (undefined) is read as possibly one-bit.
   */
  readonly oneBit?: boolean;
}

type Decision = Omit<MarkReading, 'features' | 'ringProfile'>;

/** Measurements of a bubble, in darkness of the mark alone (0 paper … 1 black; the printed ring taken out) and radii. */
export type MarkFeatures = MarkTone & MarkShape;

/**
 * Faintest mark that is a mark, as a share of the printed ring's darkness on the same scan: erasure residue and the
 * ring's blur stay below it, light pencil above.
 */
const INK_MIN = 0.41;
/**
 * Below the ink line, how much darker the darkest cells are than the disc's mean (`ink / mean`): residue is even
 * (own generator's scans 1.2–2.6), a stroke a copier thinned to below the line is gathered along its path (its
 * copies 2.9–6); a copier breaks residue into specks too (2.3–4.9), so between the two a person decides.
 */
const EVEN = 2.8;
const GATHERED = 3.2;
/** A fill is at least this dark on average: light pencil is 0.3 and more, erasure residue at most 0.25. */
const FILL_MIN = 0.28;
/** Marks fainter than this (typical darkness) are the residue of an erased fill: light pencil is 0.28 and more. */
const ERASURE_MAX = 0.23;
/**
 * The least a partial fill leaves bare, as its largest bare region (share of the bubble out to 0.85 r): a fifth of
 * the bubble (own generator: 95 % of partial fills leave 0.21 or more).
 */
const PARTIAL_BARE = 0.16;
/** The most of the disc (light coverage) a cross of the widest felt-tip strokes covers, bare wedges left between. */
const CROSS_COVER_MOST = 0.92;
/**
 * The most of the disc (light coverage) a pencil tick or cross covers, blurred by the capture (the project's own
 * degraded survey: 6 of its 10,304 bubbles, strokes, go past it).
 */
const PENCIL_STROKES_COVER_MOST = 0.74;
/** Strokes lighter than this (typical darkness) are a light pencil's, whose fill may leave paper between passes. */
const LIGHT_PASSES = 0.4;
/**
 * How fully ink put down as an area fills its own convex hull; strokes leave more of it bare. Within a band either
 * side, a person would hesitate too.
 */
const AREA_FILL = 0.955;
const AREA_FILL_BAND = 0.015;
/** The narrowest an area of ink is across, as a share of its length. */
const AREA_BREADTH = 0.5;
/**
 * A cross drawn with a felt tip 0.7 r wide covers up to about 94 % of the disc, two to four bare wedges left between
 * its arms; a fill in ink this dark (pen, felt tip, heavy pencil: typical darkness) covers 95 % or more.
 */
const WIDE_ARMS_DARK = 0.6;
const WIDE_ARMS_COVER_MOST = 0.95;
/**
 * On a one-bit capture, a fill whose lighter patch the threshold dropped: inked over at least this share of the disc
 * (light coverage), its bare region at most this share (independent test's faxes: soft pencil fills 0.16–0.24 bare).
 */
const DROPPED_PATCH_COVER = 0.75;
const DROPPED_PATCH_BARE = 0.26;
/** A cross runs out about this far (radii) along its two shortest arms together at the least; a tick's two bare ways, less. */
const CROSS_ARMS = 0.4;

/**
 * Measures a bubble at (x, y) with radius r (pixels) and says what is in it. The rule of the source exam is that only
 * a completely filled bubble is an answer, and no threshold on darkness alone can tell a light complete fill from a
 * dark partial one; so the shape of the ink decides, measured inside the printed ring with the ring's own blur taken
 * out: a fill darkens every part of the bubble evenly, a partial fill is solid ink or ink hugging the rim that leaves
 * part bare, ticks and crosses are thin straight strokes, and a cross's two strokes run out four ways from where they
 * cross where a tick's two meet at a vertex.
 *
 * `page`, when known, is what the rest of the page shows (see `PageSight`).
 *
 * @example
 * const reading = classifyMark(scan, centre.x, centre.y, radiusInPixels);
 * if (reading.kind === 'filled' && reading.confidence >= 0.5) answers.push(option);
 */
export function classifyMark(image: GreyImage, x: number, y: number, r: number, page: PageSight = {}): MarkReading {
  const mark = sampleLattice(image, x, y, r).darkness;
  const { level, ringProfile, ...tone } = measureTone(mark, page.ringLimit);
  // Ink is measured against the printed ring as scanned: a black-and-white scan blackens both ink and the ring's
  // edge, a soft grey scan lightens both. Most bubbles of a sheet are empty, and their shape need not be measured.
  // A light hand's marks are all faint: a person reads them against one another.
  const faint = faintness(page.hand);
  const inkMin = INK_MIN * faint;
  const contrast = tone.ink / Math.max(tone.ring, 0.3);
  if (contrast < inkMin) {
    const features = { ...tone, ...NO_SHAPE };
    // Faintly but evenly darker than clean paper: what an eraser leaves of a fill.
    const kind = tone.mean >= 0.035 ? 'erasure' : 'empty';
    const below = ramp(contrast, inkMin + 0.03, inkMin - 0.03);
    // Faint ink gathered in a few places is a stroke a copier's tone curve thinned, or residue it broke into specks:
    // not an answer either way, but which of the two, a person would not say.
    const confidence = kind === 'erasure' ? Math.min(below, ramp(tone.ink / tone.mean, GATHERED, EVEN)) : below;
    return { kind, confidence, fillConfidence: 1, features, ringProfile };
  }
  const features = { ...tone, ...measureShape(mark, tone.typical, level, tone.ring) };
  const inked = ramp(contrast, inkMin - 0.03, inkMin + 0.03);
  return {
    ...decide(features, inked, faint, ownDarkness(features.typical, page.hand), page.oneBit !== false),
    features,
    ringProfile,
  };
}

const clamp01 = (value: number) => Math.max(0, Math.min(1, value));
/** 0 at `zeroAt`, 1 at `oneAt`: a reading halfway between is at the review boundary (0.5). */
const ramp = (value: number, zeroAt: number, oneAt: number) => clamp01((value - zeroAt) / (oneAt - zeroAt));

/** Confidence in the sign of a score: 0.5 when it is `band` from 0 (the boundary), 1 at twice that. */
const margin = (score: number, band: number) => ramp(Math.abs(score), 0, 2 * band);

/** Names an inked mark; `inked` is the confidence that there is ink at all. */
/**
 * How much fainter than usual this hand's marks are (1: as usual). A person reads a faint mark against the same
 * student's other marks: on a sheet filled in light HB pencil, a fill is lighter than residue on a sheet filled in
 * pen. `hand` is the typical darkness of the page's covering marks (`handDarkness`).
 */
function faintness(hand: number | undefined): number {
  return hand === undefined ? 1 : Math.max(0.75, Math.min(1, hand / 0.55));
}

/**
 * How dark a mark is against the same student's covering marks on the page (1: as dark; undefined hand: 1). An eraser
 * leaves under half a fill's darkness; a student's fills and partial fills with one pencil differ only by the pressure
 * of the moment.
 */
function ownDarkness(typical: number, hand: number | undefined): number {
  return hand === undefined ? 1 : typical / Math.max(hand, 0.01);
}

/**
 * The most a fill leaves bare along the rim, as the largest bare region (share of the bubble out to 0.85 r) and the
 * longest bare arc at 0.7 r (of 48): a lune of a sixth of the white disc. Partial fills leave more (own generator:
 * fills 99 % under 0.09 and all under 0.14; partial fills hugging the rim from 0.12 up).
 */
const LUNE_AREA = 0.115;
const LUNE_GAP = 11.5;
/**
 * The longest bare arc at 0.8 r (of 48) a fill's lune leaves. A disc put down off the bubble leaves a crescent whose
 * bare paper lies mostly beyond 0.85 r, where `bareArea` does not reach: its bare arc at 0.8 r is longer.
 */
const LUNE_RIM = 15;

/** Marks fainter than this share of the student's own are residue to a person, as `faintBesideDark` reads a row. */
const RESIDUE_OF_OWN = 0.5;
/**
 * Residue smeared over the disc leaves no clean paper in it: its least-inked cells (the third weakest of 24) keep at
 * least this share of its typical darkness, where a partial fill's bare part is paper (independent test, fifth draw:
 * pencil partial fills median 0.006, residue read as partial median 0.23). Only for marks fainter than this share of
 * the student's own and lighter than pen.
 */
const SMEARED_EVEN = 0.15;
const SMEARED_OWN = 0.85;
const SMEARED_DARK = 0.6;
/**
 * Clean paper beside faint ink: a bare region of at least this share of the bubble, the disc's least-inked cells
 * under this share of the typical darkness (fifth draw: every faint partial fill read as residue; no residue).
 */
const CLEAN_BARE = 0.35;
const CLEAN_EVEN = 0.05;
/** The darkest residue (typical darkness): an eraser leaves at most a third of a heavy fill. */
const RESIDUE_MOST = 0.32;
/**
 * How faint against the student's own fills (`own`) a fill no darker than residue is surely a fill: an eraser leaves
 * half the graphite or less, and residue dragged into the paper's pores is grainy, its inked cells darker than its
 * mean (own generator: up to about 0.7 of the fills' typical darkness); below this a person decides. A pencil fill
 * darker than residue can be is a fill beside pen fills however much fainter.
 */
const SURELY_OWN = 0.75;

function decide(f: MarkFeatures, inked: number, faint: number, own: number, maybeOneBit: boolean): Decision {
  const erasureMax = ERASURE_MAX * faint;
  const fillMin = FILL_MIN * faint;
  // A dot (the pen or pencil set down) is small and round; the shortest tick or partial fill reaches further.
  const dot = Math.min(ramp(f.extent, 0.85, 0.65), ramp(f.coverage, 0.25, 0.15));
  if (dot >= 0.5) return { kind: 'dot', confidence: dot, fillConfidence: 1 };
  // Erasure residue is faint all over, fainter than the lightest pencil, and has no stroke through it.
  const residue = Math.min(ramp(f.typical, erasureMax + 0.03, erasureMax - 0.03), ramp(f.thin, 0.6, 0.4));
  // An eraser smears what it leaves over all it rubbed; faint pencil beside clean paper over a large part of the
  // disc is a light hand's partial fill as much as residue: which, a person would say (neither is an answer).
  const besideClean = f.bareArea >= CLEAN_BARE && f.cellEvenness < CLEAN_EVEN ? 0.4 : 1;
  if (residue >= 0.5) return { kind: 'erasure', confidence: Math.min(residue, besideClean), fillConfidence: residue };
  // The ring's share taken out at 0.8 r is its blur mirrored from 1.2 r, which on a black-and-white scan (a ring near
  // black) takes most of a fill's ink there too: a fill on such a scan is allowed less ink at 0.8 r.
  const blackRing = ramp(f.ring, 0.75, 0.85);
  const hugging = ramp(f.hugArc, 10, 20);
  // A bare arc at 0.8 r that reaches 0.7 r along at most a quarter of the circle, in one region of about a ninth of
  // the bubble, is a sliver, a bay or a lune of paper along the rim, where a fill was put down a little off or its
  // passes stopped short of the ring on one side (up to a sixth of the white disc): a person reads it as filled. A
  // partial fill leaves a quarter of the white disc or more bare, deep past 0.7 r.
  const sliver = Math.min(
    ramp(f.innerGap, LUNE_GAP + 1, LUNE_GAP - 1),
    ramp(f.outerGap, LUNE_RIM + 1, LUNE_RIM - 1),
    ramp(f.bareArea, LUNE_AREA + 0.01, LUNE_AREA - 0.01),
  );
  const inkedAllOver = Math.min(
    ramp(f.cellEvenness, 0.3, 0.5),
    ramp(f.lightCoverage, 0.84 - 0.2 * blackRing, 0.92 - 0.2 * blackRing),
    // A ring scanned solid black takes the fill's ink at 0.7 r out with its mirrored blur.
    // A sliver's bare arc at 0.7 r is its own shallow bay, not a second bare region.
    Math.max(
      ramp(f.innerGap, 7 + 6 * (1 - hugging), 3 + 6 * (1 - hugging)),
      ramp(f.ring, 0.93, 0.97) * ramp(f.cellEvenness, 0.5, 0.6),
      sliver,
    ),
    ramp(f.solid, 25, 40),
  );
  // A bare arc along the rim makes a partial fill when the ink hugs the ring elsewhere (a crescent); a fill that
  // stops a little short of the ring all round, or is lighter on one side, has no such contrast.
  // Separate bare arcs at 0.7 r are the wedges between the arms of strokes as wide as a felt tip, all the more when
  // the arms run on past the ring in three or four places (a fill stops at the ring, or overshoots all round).
  // Strokes have paper on both sides (a fill's scalloped edge leaves gaps too, but no thin stroke).
  const wedges = Math.min(ramp(f.rimGaps + (f.exitRuns >= 3 ? 1 : 0), 2.4, 3), ramp(f.thin, 0.4, 0.55));
  const fill = Math.min(inkedAllOver, 1 - hugging * ramp(f.outerGap, 6, 10) * (1 - sliver), 1 - wedges);
  // A disc covered all over but faint is a light pencil fill or the residue of an erased one: how dark it is decides,
  // and between the two a person does. Faintness is no evidence of a partial fill.
  const dark = ramp(f.typical, fillMin - 0.02, fillMin + 0.04);
  // A bare arc of 50–80° along the rim of a disc otherwise inked to the ring: a fill that left a patch at its edge,
  // or a partial fill whose bare part is a thin crescent. Between the two, a person decides.
  const edgePatch =
    inkedAllOver >= 0.5 && hugging >= 0.5 && sliver < 0.5 && f.outerGap >= 7 && f.outerGap <= 11 ? 0.4 : 1;
  // Dark ink leaving two or more separate bare arcs at 0.7 r: the wedges between a wide cross's arms (see
  // `WIDE_ARMS_COVER_MOST`), since a fill in ink that dark leaves no paper between its passes.
  const darkWedges = f.rimGaps >= 2 && f.typical >= WIDE_ARMS_DARK;
  if (fill >= 0.5) {
    // A fill read as one only because its bare arc is a sliver is as sure as the sliver is thin.
    const bay = hugging >= 0.5 && f.outerGap >= 7 && sliver >= 0.5 ? ramp(sliver, 0.25, 0.75) : 1;
    // Ink broken at 0.7 r into short runs between three or four bare wedges, running on past the ring, is a cross
    // drawn so wide that little paper is left between its arms: a person decides.
    const wedgesAt70 = f.rimGaps + (f.exitRuns >= 3 ? 1 : 0);
    const fourWays =
      f.hugArc <= 10 && ((wedgesAt70 >= 3 && f.rimArc <= 20) || (wedgesAt70 >= 2 && f.rimArc <= 10)) ? 0.4 : 1;
    // Such wedges on a grey capture are a cross drawn as wide as a felt tip, whose arms ink all but the wedges between
    // them: a person decides. A nib wider still, or a capture's blur, half closes the wedges, and dark ink then dips
    // between the arms instead: in three or more places round the circle, or in two where the arms run on past the
    // ring in two or more (a fill stops at the ring).
    const dipsBetweenArms = f.dips >= 3 || (f.dips >= 2 && f.exitRuns >= 2);
    const wideArms = !maybeOneBit && (darkWedges || (dipsBetweenArms && f.typical >= WIDE_ARMS_DARK)) ? 0.4 : 1;
    const confidence = Math.min(inked, fill, dark, edgePatch, bay, fourWays, wideArms, 1 - residue);
    // As faint as residue and much fainter than the student's own fills: residue of an erased fill, or a second,
    // lighter pencil (a person decides). A fill darker than residue can be is a fill whatever else is on the page (a
    // pencil fill among pen fills).
    const asOwn = f.typical < RESIDUE_MOST ? Math.min(confidence, ramp(own, RESIDUE_OF_OWN, SURELY_OWN)) : confidence;
    return { kind: 'filled', confidence: asOwn, fillConfidence: asOwn };
  }
  // A bare region along the rim a little larger than a fill's lune and smaller than a partial fill's quarter, in a
  // disc inked evenly elsewhere: a person decides.
  const pastLune =
    hugging >= 0.5 && f.lightCoverage >= 0.85 && f.bareArea < LUNE_AREA + 0.035 && f.innerGap < LUNE_GAP + 3 ? 0.4 : 1;
  // Ink over most of the disc that leaves no bare region as large as a partial fill's is a grainy fill that a
  // one-bit capture (a fax, a black-and-white scan) broke into specks and the lines of its passes: a person decides.
  const scattered = blackRing >= 0.5 && f.lightCoverage >= 0.7 && f.bareArea < 0.16 && pastLune === 1 ? 0.4 : 1;
  // Ink broken into pieces over under half the disc is what a black-and-white threshold leaves of erasure residue, of
  // a faint stroke or of a grainy fill alike; on a grey capture, a skipping pen's or a grainy pencil's stroke or
  // residue. Which mark it is stays unsure; only on a one-bit capture whether it is a fill (a person decides), since
  // on a grey one so little ink is not a fill.
  const inPieces = f.pieces >= 3 && f.coverage < 0.5 ? 0.4 : 1;
  // A threshold drops to paper what a grey capture shows as lighter: the burnished patches of a soft pencil that
  // reflect the lamp (sheen), a light hand's passes. A fill then keeps three quarters of the disc or more inked beside
  // one bare region of up to a quarter of it, as a partial fill with a small bare part does: a person decides.
  const droppedPatch =
    maybeOneBit && f.lightCoverage >= DROPPED_PATCH_COVER && f.bareArea < DROPPED_PATCH_BARE ? 0.4 : 1;
  const notFill = Math.min(
    ramp(fill, 0.5, 0.25),
    edgePatch,
    pastLune,
    scattered,
    maybeOneBit ? Math.min(inPieces, droppedPatch) : 1,
  );
  // A partial fill is solid ink or ink hugging the rim along a long arc; strokes are thin, with paper either side, and
  // cross the rim briefly. A stroke running along the rim hugs it too, but it is straight and long (a tick's vertex
  // beside the rim), or it inks a long arc at 0.7 r without reaching out to the ring along most of it (a tick's arm
  // lying just inside the rim, which a dark black-and-white scan merges with the thickened ring).
  const solidity = Math.max((f.hugArc - 11.5) / 4, (f.solid - 18.5) / 8, (f.rimArc - 22.5) / 6);
  const longStroke = f.hugArc < 16 && f.solid < 18 && f.rimArc < 22 && f.arms[3] >= 0.9;
  const strokeInsideRim = f.hugArc <= 8 && f.rimArc - f.hugArc >= 8 && f.solid < 24 && f.arms[2] >= 0.4;
  // A partial fill leaves one bare region; a stroke, however wide, has bare paper on both its sides.
  const bareBothSides = f.rimGaps >= 2 && f.thin >= 0.5;
  const partial = longStroke || strokeInsideRim || wedges >= 0.5 || bareBothSides ? -1 : solidity - 4 * (f.thin - 0.55);
  // A fill that falls a little short of the ring and a partial fill whose bare part lies along the rim differ only at
  // 0.8 r, which a coarse scan barely resolves: between them, a person decides.
  const bareRim = ramp(f.outerEvenness, 0.32 - 0.06 * blackRing, 0.1 - 0.06 * blackRing);
  // A partial fill leaves one bare region: with at most 8 % of the disc bare, the ink at 0.7 r runs on round two-thirds
  // of the circle or more. Ink broken there into shorter runs with so little bare is a grainy fill that a
  // black-and-white threshold has turned into specks: between the two, a person decides.
  const specks = f.coverage >= 0.92 && f.rimArc <= 30 ? 0.4 : 1;
  // A faint partial cover, under half as dark as the student's own marks and no darker than residue can be, is what
  // an eraser left of a fill.
  const erased = f.typical < RESIDUE_MOST ? ramp(own, RESIDUE_OF_OWN, RESIDUE_OF_OWN - 0.1) : 0;
  if (partial >= 0 && erased >= 0.5)
    return { kind: 'erasure', confidence: Math.min(erased, besideClean), fillConfidence: 1 };
  // Pencil fainter than the student's own marks that leaves no clean paper anywhere in the disc: residue an eraser
  // smeared over it, darker where the fill was, or a light mark over a smudge. Which, a person would say; neither is
  // an answer, so the row need not go to one. Not for strokes: a blurred pencil cross inks the disc between its arms
  // as lightly (the project's own degraded survey: 30 crosses).
  const smeared = f.cellEvenness >= SMEARED_EVEN && own < SMEARED_OWN && f.typical < SMEARED_DARK ? 0.4 : 1;
  // A partial fill leaves a clearly bare part. Ink even in the disc's least-inked cells, with no bare region as large
  // as a partial fill's, is a mottled fill (a copier's tone curve, a light hand's passes) or smeared residue, not a
  // bare part: a person decides.
  const noBarePart = f.bareArea < PARTIAL_BARE && f.cellEvenness >= 0.2 ? 0.4 : 1;
  if (partial >= 0)
    return {
      kind: 'partial',
      confidence: Math.min(inked, notFill, inPieces, bareRim, specks, noBarePart, smeared, margin(partial, 0.75)),
      fillConfidence: Math.min(notFill, bareRim, specks, noBarePart),
    };
  const stroke = margin(partial, 0.75);
  // Two strokes crossing run out four ways; a tick's two strokes meet at a vertex, so two of the four are bare, and
  // one of them almost always bare paper all along. A cross usually runs on past the ring in three or four places, a
  // tick in one or two (a long tick arm and the ink beside it can make three).
  const crossing =
    (f.arms[0] + f.arms[1] - CROSS_ARMS) / 0.3 + (f.exitRuns >= 3 ? 0.5 : 0) - (f.arms[0] === 0 ? 0.5 : 0);
  const kind = crossing >= 0 ? 'cross' : 'tick';
  // Strokes leave most of the circle at 0.7 r bare; ink all round it over much of the disc is a fill that a
  // black-and-white threshold broke into the lines of its passes, or a light pencil scribbled over the disc with
  // paper between its passes: a person decides. On a grey capture, ink that dark (pen, felt tip, a heavy pencil) is
  // the wide arms of a cross (a fill in it leaves no paper between its passes), unless it covers the disc too fully to
  // leave a cross's bare wedges: two strokes 0.7 r wide cover about 70 % of it, blurred at most 90 %.
  // Bare wedges in dark ink let a wider cross cover more.
  const coverMost = darkWedges ? WIDE_ARMS_COVER_MOST : CROSS_COVER_MOST;
  const breaks = maybeOneBit || f.typical < LIGHT_PASSES || f.lightCoverage >= coverMost;
  const brokenFill = breaks && f.innerGap < 8 && f.lightCoverage >= 0.6 ? 0.4 : 1;
  // A pencil's strokes, even blurred, leave a quarter of the disc clean; pencil over more of it is a scribbled fill that
  // stops short of the ring, mottled into lines by a copier or a light hand: a person decides.
  const pencilOverDisc = f.typical < WIDE_ARMS_DARK && f.lightCoverage >= PENCIL_STROKES_COVER_MOST ? 0.4 : 1;
  // Ink with paper on both sides along its strongest line is not always a stroke: a blob, a tight scribble or a
  // spiral put down inside the disc has paper all round it. Such ink fills its own hull and is about as wide as it
  // is long, where a tick's V or a cross leaves most of its hull bare and a stroke is as wide as the tool. Strokes
  // as wide as a felt tip come close: between the two, the kind is left unsure (neither is an answer).
  const area = inkArea(f);
  if (area >= 0) {
    if (erased >= 0.5) return { kind: 'erasure', confidence: Math.min(erased, besideClean), fillConfidence: 1 };
    return {
      kind: 'partial',
      confidence: Math.min(inked, notFill, inPieces, specks, noBarePart, brokenFill, smeared, margin(area, 1)),
      fillConfidence: Math.min(notFill, specks, noBarePart, brokenFill),
    };
  }
  return {
    kind,
    confidence: Math.min(
      inked,
      notFill,
      inPieces,
      stroke,
      brokenFill,
      pencilOverDisc,
      margin(crossing, 0.25),
      margin(area, 1),
    ),
    fillConfidence: Math.min(notFill, brokenFill, pencilOverDisc),
  };
}

/**
 * How far the ink is from the boundary between an area put down and strokes, in bands (0 at the boundary, under 1
 * unsure, negative for strokes): it must fill its own convex hull (own generator, grey scans: partial fills read as
 * strokes before 0.97 and more, ticks and crosses at most 0.96, felt tips), be no narrower than half its length,
 * and leave a clearly bare part of the bubble.
 */
function inkArea(f: MarkFeatures): number {
  return Math.min(
    (f.hullFill - AREA_FILL) / AREA_FILL_BAND,
    (f.breadth - AREA_BREADTH) / 0.05,
    (f.bareArea - PARTIAL_BARE - 0.02) / 0.04,
  );
}
