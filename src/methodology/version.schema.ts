// The schema of a methodology version file: what a methodologist may write, checked on load.
import { z } from 'zod';

export const text = z.object({ ru: z.string().min(1), en: z.string().min(1) });

const comparison = z
  .object({ gt: z.number(), gte: z.number(), lt: z.number(), lte: z.number() })
  .partial()
  .refine((c) => Object.keys(c).length > 0, 'a comparison needs gt, gte, lt or lte');

const statuses = z.array(z.enum(['pass', 'fail', 'warn', 'na', 'unknown', 'manual', 'error'])).min(1);

const baseCondition = z.union([
  z.object({ total: comparison }).strict(),
  z.object({ noFailedCritical: z.literal(true) }).strict(),
  z
    .object({
      rule: z.string(),
      status: statuses.optional(),
      value: comparison.optional(),
      missing: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      countOf: z.object({ rules: z.array(z.string()).min(1), value: comparison }),
      atLeast: z.number().int(),
    })
    .strict(),
  z.object({ category: z.string(), score: comparison }).strict(),
]);
export const condition = z.union([baseCondition, z.object({ any: z.array(baseCondition).min(1) }).strict()]);
export type Condition = z.infer<typeof condition>;
export type Comparison = z.infer<typeof comparison>;

const scoring = z.discriminatedUnion('type', [
  z.object({ type: z.literal('binary') }),
  z.object({ type: z.literal('ratio'), target: z.number().positive() }),
  z
    .object({ type: z.literal('log-normal'), p10: z.number().positive(), median: z.number().positive() })
    .refine((s) => s.p10 < s.median, 'p10 must be below the median'),
  z.object({
    type: z.literal('bands'),
    bands: z.array(z.tuple([z.number(), z.number().min(0).max(1)])).min(1),
  }),
]);
export type Scoring = z.infer<typeof scoring>;

export const severities = ['critical', 'serious', 'moderate', 'minor'] as const;

const ruleEntry = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'rule ids are kebab-case'),
    category: z.string(),
    weight: z.number().min(0),
    severity: z.enum(severities),
    effort: z.enum(['low', 'medium', 'high']),
    source: z.array(z.string()).min(1),
    params: z.record(z.string(), z.unknown()),
    scoring: scoring.optional(),
    title: text,
    failureTitle: text,
    /** The title of a partial result (warn): must not contradict a value above zero. */
    warnTitle: text.optional(),
    rationale: text,
    help: text,
    recommendation: text,
    warnRecommendation: text.optional(),
    /** Parameters that are our proposal rather than a source's number. */
    proposed: z.array(z.string()).optional(),
    ideas: z.string().optional(),
  })
  .strict();
export type RuleEntry = z.infer<typeof ruleEntry>;

const monthDay = z.string().regex(/^\d{2}-\d{2}$/, 'expected MM-DD');

export const versionSchema = z
  .object({
    id: z.string().min(1),
    status: z.enum(['draft', 'published']),
    published: z.string().optional(),
    title: text,
    defaultPeriodDays: z.number().int().positive(),
    scoring: z
      .object({
        total: z.enum(['weighted-mean', 'points']),
        criticalCap: z.number().min(0).max(100),
        passScore: z.number().min(0).max(1),
        warnScore: z.number().min(0).max(1),
      })
      .strict(),
    holidays: z.array(z.tuple([monthDay, monthDay])).default([]),
    /** How long an operator's check or an export row stays valid, in days. */
    factsValidDays: z.number().int().positive().default(365),
    levels: z
      .array(
        z
          .object({
            id: z.string(),
            title: text,
            /** The level's colour everywhere it shows (badges, charts, reports), dark enough for white text. */
            color: z
              .string()
              .regex(/^#[0-9a-f]{6}$/i, 'a colour #rrggbb')
              .optional(),
            when: z.array(condition),
          })
          .strict(),
      )
      .min(1),
    /** Levels from the best down, as readers see them; default the order they are tried in. */
    levelOrder: z.array(z.string()).optional(),
    categories: z.array(z.object({ id: z.string(), weight: z.number().min(0), title: text }).strict()).min(1),
    rules: z.array(ruleEntry).min(1),
    ideas: z.record(z.string(), z.record(z.string(), text)).default({}),
  })
  .strict();

export type VersionData = z.infer<typeof versionSchema>;
export type LevelEntry = VersionData['levels'][number];
