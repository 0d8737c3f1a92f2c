/**
 * The small SVG subset our icons are drawn in, turned into filled polygons: <svg width height>,
 * <rect x y width height rx>, <circle cx cy r>, <polygon points> and <path d> with absolute
 * M L H V Q C Z, each with fill, fill-opacity and fill-rule. Anything else is an error rather than
 * a silent difference between the SVG source and the PNG made from it.
 */
export type Point = readonly [number, number];

export interface Shape {
  readonly rings: Point[][];
  readonly rgba: readonly [number, number, number, number];
  readonly evenOdd: boolean;
}

export interface Drawing {
  readonly width: number;
  readonly height: number;
  readonly shapes: Shape[];
}

const CURVE_STEPS = 24;
const CIRCLE_STEPS = 96;
const ALLOWED = new Set(['svg', 'title', 'desc', 'rect', 'circle', 'polygon', 'path']);

function attributes(tag: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) map.set(m[1]!, m[2]!);
  return map;
}

function num(attrs: Map<string, string>, name: string, fallback?: number): number {
  const raw = attrs.get(name);
  const value = raw === undefined ? fallback : Number(raw);
  if (value === undefined || !Number.isFinite(value)) throw new Error(`attribute ${name}="${raw ?? ''}" must be a number`);
  return value;
}

function colour(attrs: Map<string, string>): Shape['rgba'] {
  const fill = attrs.get('fill') ?? '#000000';
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) throw new Error(`fill "${fill}" must be #rrggbb`);
  const opacity = num(attrs, 'fill-opacity', 1);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16), opacity];
}

function arcPoints(cx: number, cy: number, r: number, from: number, to: number, steps: number): Point[] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const a = from + ((to - from) * i) / steps;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as const;
  });
}

function roundedRect(x: number, y: number, w: number, h: number, rx: number): Point[] {
  const r = Math.min(rx, w / 2, h / 2);
  if (r <= 0) return [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
  const q = CIRCLE_STEPS / 4;
  return [
    ...arcPoints(x + w - r, y + r, r, -Math.PI / 2, 0, q),
    ...arcPoints(x + w - r, y + h - r, r, 0, Math.PI / 2, q),
    ...arcPoints(x + r, y + h - r, r, Math.PI / 2, Math.PI, q),
    ...arcPoints(x + r, y + r, r, Math.PI, (3 * Math.PI) / 2, q),
  ];
}

/** Absolute-coordinate path data into closed rings, curves flattened into short segments. */
export function pathRings(d: string): Point[][] {
  const tokens = [...d.matchAll(/[MLHVQCZ]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/gi)].map((m) => m[0]);
  if (tokens.some((t) => /^[mlhvqc]$/.test(t))) throw new Error(`path "${d}": only absolute (upper-case) commands are supported`);
  const rings: Point[][] = [];
  let ring: Point[] = [];
  let at: Point = [0, 0];
  let command = '';
  const next = () => {
    const t = tokens.shift();
    if (t === undefined || Number.isNaN(Number(t))) throw new Error(`path "${d}": number expected after ${command}`);
    return Number(t);
  };
  while (tokens.length > 0) {
    if (/^[A-Za-z]$/.test(tokens[0]!)) command = tokens.shift()!.toUpperCase();
    switch (command) {
      case 'M':
        if (ring.length > 0) rings.push(ring);
        at = [next(), next()];
        ring = [at];
        command = 'L'; // further pairs are lines
        break;
      case 'L':
        ring.push((at = [next(), next()]));
        break;
      case 'H':
        ring.push((at = [next(), at[1]]));
        break;
      case 'V':
        ring.push((at = [at[0], next()]));
        break;
      case 'Q': {
        const [c, end]: Point[] = [[next(), next()], [next(), next()]];
        const s = at;
        for (let i = 1; i <= CURVE_STEPS; i++) {
          const t = i / CURVE_STEPS;
          const u = 1 - t;
          ring.push([u * u * s[0] + 2 * u * t * c[0] + t * t * end[0], u * u * s[1] + 2 * u * t * c[1] + t * t * end[1]]);
        }
        at = end;
        break;
      }
      case 'C': {
        const [c1, c2, end]: Point[] = [[next(), next()], [next(), next()], [next(), next()]];
        const s = at;
        for (let i = 1; i <= CURVE_STEPS; i++) {
          const t = i / CURVE_STEPS;
          const u = 1 - t;
          const [a, b, c, e] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
          ring.push([a * s[0] + b * c1[0] + c * c2[0] + e * end[0], a * s[1] + b * c1[1] + c * c2[1] + e * end[1]]);
        }
        at = end;
        break;
      }
      case 'Z':
        if (ring.length > 0) rings.push(ring);
        at = ring[0] ?? at;
        ring = [];
        command = '';
        break;
      default:
        throw new Error(`path "${d}": unsupported command "${command || tokens[0]}"`);
    }
  }
  if (ring.length > 0) rings.push(ring);
  return rings;
}

export function parseSvg(svg: string): Drawing {
  const tags = [...svg.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<([a-zA-Z]+)\b([^>]*)>/g)];
  const root = tags.find((t) => t[1] === 'svg');
  if (!root) throw new Error('no <svg> element');
  const rootAttrs = attributes(root[2]!);
  const width = num(rootAttrs, 'width');
  const height = num(rootAttrs, 'height');
  const viewBox = rootAttrs.get('viewBox');
  if (viewBox !== undefined && viewBox.trim().split(/[\s,]+/).map(Number).join(' ') !== `0 0 ${width} ${height}`) throw new Error('viewBox must be "0 0 width height"');
  const shapes: Shape[] = [];
  for (const [, name, body] of tags) {
    if (!ALLOWED.has(name!)) throw new Error(`<${name}> is not supported by the icon rasterizer`);
    const attrs = attributes(body!);
    if (attrs.has('transform') || attrs.has('stroke')) throw new Error(`<${name}>: transform and stroke are not supported; draw filled shapes`);
    let rings: Point[][] = [];
    if (name === 'rect') rings = [roundedRect(num(attrs, 'x', 0), num(attrs, 'y', 0), num(attrs, 'width'), num(attrs, 'height'), num(attrs, 'rx', 0))];
    else if (name === 'circle') rings = [arcPoints(num(attrs, 'cx'), num(attrs, 'cy'), num(attrs, 'r'), 0, 2 * Math.PI, CIRCLE_STEPS)];
    else if (name === 'polygon') rings = [pathRings(`M ${attrs.get('points') ?? ''} Z`)[0] ?? []];
    else if (name === 'path') rings = pathRings(attrs.get('d') ?? '');
    else continue;
    shapes.push({ rings, rgba: colour(attrs), evenOdd: attrs.get('fill-rule') === 'evenodd' });
  }
  return { width, height, shapes };
}
