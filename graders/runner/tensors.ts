import { truncateText } from '../report';
import type { TensorWire, Wire } from './wire';

export function shapeString(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Flat index → "[i, j]" in a row-major tensor of the given shape. */
export function indexString(flat: number, shape: readonly number[]): string {
  const idx: number[] = [];
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    idx.unshift(flat % shape[axis]);
    flat = Math.floor(flat / shape[axis]);
  }
  return `[${idx.join(', ')}]`;
}

export interface NonFinite {
  what: 'NaN' | 'Infinity' | '-Infinity';
  where: string;
  path: string;
}

/** The first NaN/±Infinity anywhere in a wire value, with a readable location. */
export function findNonFinite(w: Wire, path = ''): NonFinite | null {
  if (w.t === 'number') return Number.isFinite(w.value) ? null : { what: kind(w.value), where: '', path };
  if (w.t === 'tensor') {
    if (w.dtype !== 'float32') return null;
    for (let i = 0; i < w.values.length; i++) {
      if (!Number.isFinite(w.values[i])) return { what: kind(w.values[i]), where: w.shape.length ? `at index ${indexString(i, w.shape)}` : '', path };
    }
    return null;
  }
  if (w.t === 'array') {
    for (const [i, item] of w.items.entries()) {
      const found = findNonFinite(item, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (w.t === 'object') {
    for (const [key, item] of w.entries) {
      const found = findNonFinite(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

function kind(v: number): NonFinite['what'] {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

const PREVIEW_VALUES = 12;
// A student chooses the keys of the objects it returns: a preview shows only their start, and is
// itself bounded however the output nests.
const PREVIEW_KEY_CHARS = 40;
export const MAX_PREVIEW_CHARS = 500;

/** Short human-readable rendering for the report; never the full data. */
export function preview(w: Wire): string {
  return truncateText(previewNode(w), MAX_PREVIEW_CHARS);
}

function previewKey(key: string): string {
  return key.length <= PREVIEW_KEY_CHARS ? key : `${truncateText(key, PREVIEW_KEY_CHARS)} (${key.length} characters)`;
}

function previewNode(w: Wire): string {
  switch (w.t) {
    case 'number':
      return formatNumber(w.value);
    case 'tensor':
      return tensorPreview(w);
    case 'array':
      return `[${w.items.slice(0, 6).map(preview).join(', ')}${w.items.length > 6 ? ', …' : ''}]`;
    case 'object':
      return `{ ${w.entries
        .slice(0, 6)
        .map(([k, v]) => `${previewKey(k)}: ${preview(v)}`)
        .join(', ')}${w.entries.length > 6 ? ', …' : ''} }`;
    case 'fn':
      return '(function)';
  }
}

function tensorPreview(w: TensorWire): string {
  const head = Array.from(w.values.subarray(0, PREVIEW_VALUES), (v) => (w.dtype === 'float32' ? formatNumber(v) : String(v)));
  const more = w.values.length > PREVIEW_VALUES ? `, … (${w.values.length} values)` : '';
  return `Tensor ${w.dtype} ${shapeString(w.shape)} [${head.join(', ')}${more}]`;
}

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 ? String(Number(v.toPrecision(6))) : v.toExponential(4);
}
