// A cover image is enabled [S].
import { z } from 'zod';
import { present } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'cover',
  requires: ['profile'],
  params: z.object({}),
  evaluate: (a) => present(a, (p) => p.hasCover, 'cover'),
});
