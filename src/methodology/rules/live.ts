import { contentCountRule } from './content-count.ts';
// Live broadcasts per quarter [D].
export default contentCountRule('live', 'lives', 'quarter');
