import { contentCountRule } from './content-count.ts';
// Short clips per month [D].
export default contentCountRule('clips', 'clips', 'month');
