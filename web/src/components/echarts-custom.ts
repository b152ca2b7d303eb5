// ECharts with custom series too (the seminar effect's interval whiskers): a chunk of its own, so the unit views
// do not load the custom series' code.
import { CustomChart } from 'echarts/charts';
import { echarts } from './echarts-setup.ts';

echarts.use([CustomChart]);

export { echarts };
