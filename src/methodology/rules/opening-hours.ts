// Opening hours are given: in the addresses block's timetable or the description [S].
import { z } from 'zod';
import { present } from './helpers.ts';
import { defineRule } from './rule.ts';

const HOURS =
  /(режим работы|часы работы|график работы|пн\s*[–-]|понедельник|\b\d{1,2}[:.]\d{2}\s*[–-]\s*\d{1,2}[:.]\d{2})/i;

export default defineRule({
  id: 'opening-hours',
  requires: ['profile'],
  params: z.object({}),
  evaluate: (a) => present(a, (p) => !!p.address?.timetable || HOURS.test(p.description), 'opening_hours'),
});
