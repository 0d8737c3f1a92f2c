import type { RgbaImage } from './png.js';
import type { Drawing, Point, Shape } from './svgShapes.js';

/** Samples per pixel along each axis: 16 x 16 coverage levels are plenty for flat icon shapes. */
const SS = 16;

/** Coverage of one shape per pixel, 0..1, by scanline sampling at SS x SS points per pixel. */
function coverage(shape: Shape, width: number, height: number): Float32Array {
  const cover = new Float32Array(width * height);
  const edges: Array<{ x0: number; y0: number; x1: number; y1: number; dir: number }> = [];
  for (const ring of shape.rings) {
    for (let i = 0; i < ring.length; i++) {
      const a: Point = ring[i]!;
      const b: Point = ring[(i + 1) % ring.length]!;
      if (a[1] === b[1]) continue;
      edges.push(a[1] < b[1] ? { x0: a[0], y0: a[1], x1: b[0], y1: b[1], dir: 1 } : { x0: b[0], y0: b[1], x1: a[0], y1: a[1], dir: -1 });
    }
  }
  const weight = 1 / (SS * SS);
  for (let sy = 0; sy < height * SS; sy++) {
    const y = (sy + 0.5) / SS;
    const crossings: Array<{ x: number; dir: number }> = [];
    for (const e of edges) {
      if (y >= e.y0 && y < e.y1) crossings.push({ x: e.x0 + ((y - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0), dir: e.dir });
    }
    crossings.sort((p, q) => p.x - q.x);
    let winding = 0;
    const row = Math.floor(sy / SS) * width;
    for (let i = 0; i < crossings.length - 1; i++) {
      winding += shape.evenOdd ? 1 : crossings[i]!.dir;
      const inside = shape.evenOdd ? winding % 2 === 1 : winding !== 0;
      if (!inside) continue;
      // Sample points x = (sx + 0.5) / SS inside [left, right).
      const first = Math.max(0, Math.ceil(crossings[i]!.x * SS - 0.5));
      const last = Math.min(width * SS - 1, Math.ceil(crossings[i + 1]!.x * SS - 0.5) - 1);
      for (let sx = first; sx <= last; sx++) cover[row + Math.floor(sx / SS)]! += weight;
    }
  }
  return cover;
}

/** Paints the shapes in order onto a transparent canvas ("source over", straight alpha). */
export function rasterize(drawing: Drawing): RgbaImage {
  const { width, height } = drawing;
  const rgb = new Float64Array(width * height * 3);
  const alpha = new Float64Array(width * height);
  for (const shape of drawing.shapes) {
    const cover = coverage(shape, width, height);
    const [r, g, b, opacity] = shape.rgba;
    for (let p = 0; p < width * height; p++) {
      const a = Math.min(1, cover[p]!) * opacity;
      if (a === 0) continue;
      const keep = alpha[p]! * (1 - a);
      const out = a + keep;
      rgb[p * 3] = (r * a + rgb[p * 3]! * keep) / out;
      rgb[p * 3 + 1] = (g * a + rgb[p * 3 + 1]! * keep) / out;
      rgb[p * 3 + 2] = (b * a + rgb[p * 3 + 2]! * keep) / out;
      alpha[p] = out;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    if (alpha[p] === 0) continue; // fully transparent pixels stay 0,0,0,0
    data.set([Math.round(rgb[p * 3]!), Math.round(rgb[p * 3 + 1]!), Math.round(rgb[p * 3 + 2]!), Math.round(alpha[p]! * 255)], p * 4);
  }
  return { width, height, data };
}
