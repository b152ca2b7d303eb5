// An ECharts chart (canvas) that follows its container's width and the theme; the option comes from the caller.
// The library itself is loaded on the first chart (echarts-setup.ts), not with the screen's code; a chart with a
// custom series gets it too (echarts-custom.ts).
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

export function EChart({
  option,
  height,
  label,
}: {
  option: EChartsCoreOption;
  height: number;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    const series = ([] as { type?: string }[]).concat((option.series as { type?: string }[]) ?? []);
    const custom = series.some((s) => s.type === 'custom');
    (custom ? import('./echarts-custom.ts') : import('./echarts-setup.ts')).then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
      chart.setOption(option);
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(ref.current);
      cleanup = () => {
        observer.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [option]);
  // The fixed height reserves the space before the chart draws: no layout jump.
  return <div ref={ref} style={{ height, width: '100%' }} role="img" aria-label={label} />;
}
