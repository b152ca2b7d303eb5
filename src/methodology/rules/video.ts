import { contentCountRule } from './content-count.ts';
// Videos per month [D] (clips and live broadcasts are counted by their own rules).
export default contentCountRule('video', 'videos', 'month');
