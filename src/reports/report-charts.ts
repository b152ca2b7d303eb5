// Charts of reports rendered on the server as SVG (ECharts' server-side renderer): no browser script, the same
// picture in the HTML page, the PDF and anywhere an SVG goes.
import * as echarts from 'echarts';

export const LEVEL_COLORS: Record<string, string> = {
  flagship: '#1a7f37',
  active: '#4caf50',
  basic: '#f0b429',
  business_card: '#f08c00',
  inactive: '#c92a2a',
};

function svg(width: number, height: number, option: echarts.EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'DejaVu Sans, Arial, sans-serif' },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function levelsChart(levels: { id: string; title: string; count: number }[]): string {
  return svg(520, 220, {
    grid: { left: 130, right: 40, top: 10, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: levels.map((l) => l.title) },
    series: [
      {
        type: 'bar',
        data: levels.map((l) => ({ value: l.count, itemStyle: { color: LEVEL_COLORS[l.id] ?? '#5470c6' } })),
        label: { show: true, position: 'right' },
        barWidth: '60%',
      },
    ],
  });
}

export function trendChart(points: { label: string; value: number }[]): string {
  return svg(520, 200, {
    grid: { left: 40, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      {
        type: 'line',
        data: points.map((p) => p.value),
        label: { show: true },
        lineStyle: { width: 3, color: '#2a5885' },
        itemStyle: { color: '#2a5885' },
      },
    ],
  });
}

/** A cell colour from red (0) through amber to green (1), light enough for black text (WCAG AA). */
export function rateColor(rate: number): string {
  const hue = Math.round(rate * 120);
  return `hsl(${hue}, 70%, 78%)`;
}
