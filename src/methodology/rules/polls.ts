import { contentCountRule } from './content-count.ts';
// Polls per month: gathering opinions is a content class the law names [L][D].
export default contentCountRule('polls', 'polls', 'month');
