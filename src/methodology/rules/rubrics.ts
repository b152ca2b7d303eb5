import { shareOfPostsRule } from './share-of-posts.ts';
// The share of own posts with a rubric hashtag [D].
export const RUBRIC = /#[\p{L}\d_]+/u;
export default shareOfPostsRule('rubrics', (p) => RUBRIC.test(p.text));
