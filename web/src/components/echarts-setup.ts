// ECharts with only the charts and components the unit views draw; imported dynamically by EChart, so the
// charts' code (the largest library the app has) loads only when a screen first shows a chart. The plain legend
// and the continuous visual map only: the scrolling legend and the piecewise map are not drawn. The seminar
// effect's whiskers (a custom series) are added by echarts-custom.ts on the one screen that draws them.
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendPlainComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendPlainComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
]);

export { echarts };
