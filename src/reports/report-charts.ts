// Charts of reports rendered on the server as SVG (ECharts' server-side renderer): no browser script, the same
// picture in the HTML page, the PDF and anywhere an SVG goes. Imported on first use (ECharts weighs 40 MB).

// Loaded by a dynamic import, so that a bundle (where static imports of packages go first) keeps it lazy.
const echarts = await import('echarts');

function svg(width: number, height: number, option: import('echarts').EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'PT Sans, DejaVu Sans, Arial, sans-serif' },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

type NumberText = (v: number) => string;
const labelOf = (format: NumberText) => (p: { value: unknown }) => format(Number(p.value));

export function levelsChart(
  levels: { id: string; title: string; color: string; count: number }[],
  format: NumberText,
): string {
  return svg(520, 220, {
    grid: { left: 130, right: 40, top: 10, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: format } },
    yAxis: { type: 'category', inverse: true, data: levels.map((l) => l.title) },
    series: [
      {
        type: 'bar',
        data: levels.map((l) => ({ value: l.count, itemStyle: { color: l.color } })),
        label: { show: true, position: 'right', formatter: labelOf(format) },
        barWidth: '60%',
      },
    ],
  });
}

export function trendChart(points: { label: string; value: number }[], format: NumberText): string {
  return svg(520, 200, {
    grid: { left: 40, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      {
        type: 'line',
        data: points.map((p) => p.value),
        label: { show: true, formatter: labelOf(format) },
        lineStyle: { width: 3, color: '#2a5885' },
        itemStyle: { color: '#2a5885' },
      },
    ],
  });
}
