// The page carries the "Госорганизация" mark given after confirmation through Госуслуги [L][S].
import { z } from 'zod';
import { present } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'state-mark',
  requires: ['profile'],
  params: z.object({}),
  evaluate: (a) => present(a, (p) => p.isVerified, 'state_mark'),
});
