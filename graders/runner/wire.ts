import { z } from 'zod';

// Host-side mirror of sandbox/isolate/wire.js. Everything copied out of an isolate is parsed with
// these schemas before the host looks at it: a submission controls those bytes.
const MAX_RANK = 16;

export const TensorWireSchema = z
  .object({
    t: z.literal('tensor'),
    shape: z.array(z.number().int().min(0)).max(MAX_RANK),
    dtype: z.enum(['float32', 'int32', 'bool']),
    values: z.union([z.instanceof(Float32Array), z.instanceof(Int32Array)]),
  })
  .refine((w) => w.values.length === w.shape.reduce((n, d) => n * d, 1), 'values do not match the shape')
  .refine((w) => (w.dtype === 'float32') === w.values instanceof Float32Array, 'values do not match the dtype');

export type TensorWire = z.infer<typeof TensorWireSchema>;

export type Wire = TensorWire | { t: 'number'; value: number } | { t: 'array'; items: Wire[] } | { t: 'object'; entries: [string, Wire][] } | { t: 'fn'; source: string; params: Wire };

export const WireSchema: z.ZodType<Wire> = z.lazy(() =>
  z.union([
    TensorWireSchema,
    // NaN and ±Infinity must get through so the comparison can name them.
    z.object({ t: z.literal('number'), value: z.custom<number>((v) => typeof v === 'number') }),
    z.object({ t: z.literal('array'), items: z.array(WireSchema) }),
    z.object({ t: z.literal('object'), entries: z.array(z.tuple([z.string(), WireSchema])) }),
    z.object({ t: z.literal('fn'), source: z.string(), params: WireSchema }),
  ]),
);

export const ErrorInfoSchema = z.object({
  kind: z.enum(['exception', 'missing', 'output', 'too-large', 'grad']),
  name: z.string(),
  message: z.string(),
  stack: z.string(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

export const LogsSchema = z.object({ lines: z.array(z.string()), truncated: z.boolean() });

/** What the submission did during a call (runner.js's probe): evidence for graders/diagnosis.ts. */
export const ProbeSchema = z.object({
  /** tf ops the submission called itself, by name ("sum", "round"), not those nested in other ops. */
  ops: z.array(z.string().max(100)).max(200),
  /** Values read out of tensors (dataSync, arraySync, data, …). */
  reads: z.number().int().min(0),
  /** Random numbers drawn (Math.random calls and tf random ops). */
  random: z.number().int().min(0),
  /** Indexes of tensor arguments the call disposed, or whose values it changed. */
  disposed: z.array(z.number().int().min(0)).max(100),
  mutated: z.array(z.number().int().min(0)).max(100),
});
export type Probe = z.infer<typeof ProbeSchema>;

export const CaseRunSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    value: WireSchema,
    grads: z.array(WireSchema).nullable(),
    // Why the gradient check could not run, when the value itself came back.
    gradError: ErrorInfoSchema.nullable().default(null),
    logs: LogsSchema,
    probe: ProbeSchema.nullable().default(null),
  }),
  z.object({ ok: z.literal(false), error: ErrorInfoSchema, logs: LogsSchema, probe: ProbeSchema.nullable().default(null) }),
]);
