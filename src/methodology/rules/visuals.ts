import { shareOfPostsRule } from './share-of-posts.ts';
// The share of own posts with a photo, video or clip [D].
export default shareOfPostsRule('visuals', (p) => p.photos + p.videos + p.clips + p.lives > 0);
