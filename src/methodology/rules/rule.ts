// The shape of a rule: static metadata, a zod schema for its parameters, and one pure evaluate function.
import type { z } from 'zod';
import type { PageArtifacts, RuleContext, RuleResult } from '../artifacts.ts';

export type Requirement = 'profile' | 'posts' | 'comments' | 'institution' | 'external';

export type Rule<P extends z.ZodType = z.ZodType> = {
  id: string;
  requires: Requirement[];
  params: P;
  evaluate(artifacts: PageArtifacts, params: z.infer<P>, ctx: RuleContext): RuleResult;
};

export function defineRule<P extends z.ZodType>(rule: Rule<P>): Rule<P> {
  return rule;
}
