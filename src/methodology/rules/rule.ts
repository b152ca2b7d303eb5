// The shape of a rule: static metadata, a zod schema for its parameters, and one pure evaluate function.
import type { z } from 'zod';
import type { PageArtifacts, RuleContext, RuleResult } from '../artifacts.ts';

export type Requirement = 'profile' | 'posts' | 'comments' | 'institution' | 'external';

/**
 * A numeric rule's value: the range real pages reach (from the sources or the demo world), and how its status
 * is decided — against a parameter (`threshold`), or by the version's scoring curve (no `threshold`: the
 * version must then give a scoring). `methodology lint` proves a value in the range passes and one fails.
 */
export type ValueDomain = {
  min: number;
  max: number;
  threshold?: string;
  lowerIsBetter?: boolean;
};

export type Rule<P extends z.ZodType = z.ZodType> = {
  id: string;
  requires: Requirement[];
  params: P;
  value?: ValueDomain;
  /** Whether the rule itself can say `warn` (then the version needs a warnTitle). */
  canWarn?: boolean;
  /** Template values the rule fills, by status; texts may use only these and `{param.<name>}`. */
  vars?: Partial<Record<'pass' | 'warn' | 'fail', readonly string[]>>;
  evaluate(artifacts: PageArtifacts, params: z.infer<P>, ctx: RuleContext): RuleResult;
};

export function defineRule<P extends z.ZodType>(rule: Rule<P>): Rule<P> {
  return rule;
}
