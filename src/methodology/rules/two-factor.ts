// Owner and admins use two-factor authentication [R]: not visible in any data, so always a person's check.
import { z } from 'zod';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'two-factor',
  requires: [],
  params: z.object({}),
  evaluate: () => ({ status: 'manual', value: null, evidence: [] }),
});
