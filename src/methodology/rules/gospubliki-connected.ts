// The page is connected to the regional "Госпаблики" system [S][T]: from the region's export, else manual.
import { z } from 'zod';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'gospubliki-connected',
  requires: ['external'],
  params: z.object({}),
  evaluate(a) {
    const connected = a.external.gospublikiConnected;
    if (connected === undefined) return { status: 'manual', value: null, evidence: [] };
    return { status: connected ? 'pass' : 'fail', value: connected ? 1 : 0, evidence: [] };
  },
});
