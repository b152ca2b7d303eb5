// An avatar is set, not VK's default image [S].
import { z } from 'zod';
import { present } from './helpers.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'avatar',
  requires: ['profile'],
  params: z.object({}),
  evaluate: (a) => present(a, (p) => p.hasAvatar, 'avatar'),
});
