/** Text bars for Markdown and small inline-SVG charts for the HTML report (no chart library needed). */

const BLOCKS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `value` on a scale where `max` fills `width` characters (eighth-block precision). */
export function textBar(value: number, max: number, width = 30): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.round((Math.min(value, max) / max) * width * 8);
  const bar = '█'.repeat(Math.floor(eighths / 8)) + BLOCKS[eighths % 8];
  return value > max ? `${bar}▶` : bar;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SvgSeries {
  name: string;
  color: string;
}

/**
 * A horizontal grouped bar chart: one group per label, one bar per series (values[label][series]).
 * Values above `clip` are drawn to the edge and labelled.
 */
export function svgBars(title: string, labels: string[], series: SvgSeries[], values: number[][], unit: string, clip?: number): string {
  const barH = 14;
  const gap = 10;
  const left = 170;
  const width = 760;
  const plot = width - left - 90;
  const groupH = series.length * barH + gap;
  const height = 40 + labels.length * groupH + 24;
  const max = clip ?? Math.max(1, ...values.flat());
  const rows = labels.flatMap((label, i) => {
    const y0 = 34 + i * groupH;
    const bars = series.map((s, j) => {
      const value = values[i][j];
      const w = Math.max(1, (Math.min(value, max) / max) * plot);
      const y = y0 + j * barH;
      return `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barH - 2}" fill="${s.color}"><title>${escape(`${label} ${s.name}: ${value} ${unit}`)}</title></rect>` +
        `<text x="${left + w + 4}" y="${y + barH - 4}" font-size="10">${value > max ? '▶ ' : ''}${value} ${unit}</text>`;
    });
    return [`<text x="${left - 6}" y="${y0 + (series.length * barH) / 2 + 4}" font-size="12" text-anchor="end">${escape(label)}</text>`, ...bars];
  });
  const legend = series.map((s, j) => `<rect x="${left + j * 90}" y="${height - 16}" width="10" height="10" fill="${s.color}"/><text x="${left + j * 90 + 14}" y="${height - 7}" font-size="11">${escape(s.name)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui, sans-serif">` +
    `<text x="10" y="18" font-size="14" font-weight="bold">${escape(title)}</text>${rows.join('')}${series.length > 1 ? legend.join('') : ''}</svg>`;
}
