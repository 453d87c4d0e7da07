// The record schema: one zod schema that is also the TypeScript type of every dataset, built-in or imported.
import { z } from 'zod';
import { PRECISIONS, parsePartialDate } from './partial-date.ts';

// zod compiles validators with `new Function` unless told not to; our Content-Security-Policy forbids eval.
z.config({ jitless: true });

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_TEXT_LENGTH = 5_000;

const id = z
  .string()
  .regex(ID_PATTERN, { message: 'must be a kebab-case id (lowercase letters, digits and single hyphens)' })
  .max(120, { message: 'must be at most 120 characters' });

const text = (max = MAX_TEXT_LENGTH) =>
  z.string().trim().min(1, { message: 'must not be empty' }).max(max, { message: `must be at most ${max} characters` });

const partialDate = z.string().superRefine((value, ctx) => {
  const parsed = parsePartialDate(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
});

export const precisionSchema = z.enum(PRECISIONS);

export const sourceArticleSchema = z.strictObject({
  id,
  title: text(300),
  publisher: text(200).optional(),
  author: text(200).optional(),
  /** Optional for imported data (a CSV names its sources by title only); the built-in sources all give it. */
  published: partialDate.optional(),
  /** A file name in the shared sources folder, used to check quotes verbatim. */
  file: z.string().max(200).optional(),
  url: z.string().max(2_000).optional(),
});

export const countrySchema = z.strictObject({ id, name: text(200) });

export const eventTypeSchema = z.strictObject({ id, label: text(100), description: text(500) });

export const ACTOR_KINDS = [
  'person',
  'party',
  'organisation',
  'institution',
  'armed-force',
  'government',
  'movement',
  'media',
  'group',
] as const;

export const actorRoleSchema = z.strictObject({
  title: text(300),
  start: partialDate.optional(),
  end: partialDate.optional(),
});

export const actorSchema = z.strictObject({
  id,
  name: text(200),
  variants: z.array(text(200)).max(50).default([]),
  kind: z.enum(ACTOR_KINDS),
  country: id.optional(),
  roles: z.array(actorRoleSchema).max(50).default([]),
});

export const storySchema = z.strictObject({
  id,
  title: text(200),
  country: id,
  start: partialDate,
  end: partialDate,
  source: id,
  intro: text(1_000),
});

export const eventRecordSchema = z.strictObject({
  id,
  story: id,
  country: id,
  title: text(300),
  /** Optional for imported data; every built-in event has one (checked by scripts/validate-data.ts). */
  summary: text().optional(),
  start: partialDate,
  /** Precision of `start`; must agree with its shape (e.g. month for `2007-10`). */
  precision: precisionSchema,
  end: partialDate.optional(),
  /** True where the text is loose ("last spring", "late September"). */
  approximate: z.boolean().default(false),
  type: id,
  actors: z.array(id).max(200).default([]),
  /** Outside its story's period: shown faded, and hidden with "Context events" off. */
  context: z.boolean().default(false),
  /** The article the event comes from, with a verbatim quote; built-in events always give both. */
  source: z.strictObject({ article: id, quote: text().optional() }).optional(),
});

export const tourSchema = z.strictObject({
  id,
  story: id,
  title: text(200),
  steps: z.array(z.strictObject({ event: id, note: text(2_000).optional() })).min(1, { message: 'must have at least one step' }),
});

export const DATASET_FORMAT = 'timeline-explorer';

export const datasetSchema = z.strictObject({
  format: z.literal(DATASET_FORMAT).optional(),
  version: z.literal(1).optional(),
  title: text(200).optional(),
  sources: z.array(sourceArticleSchema).default([]),
  stories: z.array(storySchema).default([]),
  countries: z.array(countrySchema),
  types: z.array(eventTypeSchema),
  actors: z.array(actorSchema).default([]),
  events: z.array(eventRecordSchema),
  tours: z.array(tourSchema).default([]),
});

export type SourceArticle = z.infer<typeof sourceArticleSchema>;
export type Country = z.infer<typeof countrySchema>;
export type EventType = z.infer<typeof eventTypeSchema>;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export type ActorRole = z.infer<typeof actorRoleSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Story = z.infer<typeof storySchema>;
export type EventRecord = z.infer<typeof eventRecordSchema>;
export type Tour = z.infer<typeof tourSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
/** A dataset as written in a file, before defaults are filled in. */
export type DatasetInput = z.input<typeof datasetSchema>;
