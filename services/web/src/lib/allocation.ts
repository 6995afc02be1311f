/**
 * Geometry of the allocation donut. Values arrive as decimal strings; they are turned into numbers here
 * only to compute angles for drawing (never for a figure shown to the user).
 */

export interface AllocationItem {
  key: string;
  label: string;
  /** Market value as a decimal string. */
  value: string;
  /** Weight as the API reports it ("62.50"), shown in the legend. */
  weight?: string;
}

export interface DonutFrame {
  cx: number;
  cy: number;
  outerRadius: number;
  innerRadius: number;
}

export interface Slice {
  key: string;
  label: string;
  value: string;
  weight?: string;
  /** Share of the total, 0..1. */
  fraction: number;
  /** Degrees clockwise from 12 o'clock. */
  startAngle: number;
  endAngle: number;
  /** SVG path data for the ring segment (draw with fill-rule="evenodd"). */
  path: string;
  color: string;
}

export const DEFAULT_FRAME: DonutFrame = { cx: 100, cy: 100, outerRadius: 90, innerRadius: 56 };

export const PALETTE = ['#2563eb', '#0d9488', '#d97706', '#7c3aed', '#db2777', '#059669', '#dc2626', '#4f46e5', '#ca8a04', '#0891b2', '#64748b'];

const round = (n: number) => Math.round(n * 1000) / 1000;

function point(frame: DonutFrame, radius: number, angle: number): string {
  const radians = (angle * Math.PI) / 180;
  return `${round(frame.cx + radius * Math.sin(radians))} ${round(frame.cy - radius * Math.cos(radians))}`;
}

function ringPath(frame: DonutFrame, start: number, end: number): string {
  const { outerRadius: r, innerRadius: ri } = frame;
  if (end - start >= 360) {
    // An SVG arc cannot join a point to itself: a full ring is two half circles, outer and inner.
    const outer = `M ${point(frame, r, 0)} A ${r} ${r} 0 1 1 ${point(frame, r, 180)} A ${r} ${r} 0 1 1 ${point(frame, r, 0)} Z`;
    if (ri <= 0) return outer;
    return `${outer} M ${point(frame, ri, 0)} A ${ri} ${ri} 0 1 0 ${point(frame, ri, 180)} A ${ri} ${ri} 0 1 0 ${point(frame, ri, 0)} Z`;
  }
  const large = end - start > 180 ? 1 : 0;
  const outer = `M ${point(frame, r, start)} A ${r} ${r} 0 ${large} 1 ${point(frame, r, end)}`;
  if (ri <= 0) return `${outer} L ${frame.cx} ${frame.cy} Z`;
  return `${outer} L ${point(frame, ri, end)} A ${ri} ${ri} 0 ${large} 0 ${point(frame, ri, start)} Z`;
}

function magnitude(value: string): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/**
 * The donut's slices: one per item with a positive value, in order, covering exactly 360° together.
 * Items worth nothing get no slice; when nothing is worth anything there are no slices at all.
 */
export function donutSlices(items: readonly AllocationItem[], frame: DonutFrame = DEFAULT_FRAME): Slice[] {
  const kept = items.map((item, index) => ({ item, index, amount: magnitude(item.value) })).filter((entry) => entry.amount > 0);
  const total = kept.reduce((sum, entry) => sum + entry.amount, 0);
  if (total <= 0) return [];
  let cursor = 0;
  return kept.map(({ item, index, amount }, position) => {
    const fraction = amount / total;
    const startAngle = cursor;
    const endAngle = position === kept.length - 1 ? 360 : cursor + fraction * 360;
    cursor = endAngle;
    return {
      key: item.key,
      label: item.label,
      value: item.value,
      weight: item.weight,
      fraction,
      startAngle,
      endAngle,
      path: ringPath(frame, startAngle, endAngle),
      color: PALETTE[index % PALETTE.length],
    };
  });
}
