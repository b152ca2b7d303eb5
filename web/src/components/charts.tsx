// The unit views' charts: levels as 100 % stacked bars (shares, so one big city does not flatten the rest), the
// mean score over audits, and the rule × unit heatmap with the rules' short names and a colour legend.
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { day, LEVEL_COLORS, LEVELS } from '../lib/format.ts';
import { EChart } from './EChart.tsx';

const PHONE = '(max-width: 640px)';

/** Whether the window is a phone's: the charts lay their labels out for the width they have. */
function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(PHONE).matches);
  useEffect(() => {
    const media = window.matchMedia(PHONE);
    const changed = () => setNarrow(media.matches);
    media.addEventListener('change', changed);
    return () => media.removeEventListener('change', changed);
  }, []);
  return narrow;
}

export function LevelBars({
  rows,
  height,
  levels,
}: {
  rows: { name: string; levels: Record<string, number> }[];
  height: number;
  /** The run's version's levels, best first, with their colours (the unit report's); default 2023.1's. */
  levels?: { id: string; title: string; color: string }[];
}) {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => `${Math.round(v)} %`,
      },
      legend: { bottom: 0, textStyle: { color: '#818c99' } },
      grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
      // On a phone: 0, 50 and 100 % (five ticks run together) and the names in a third of the width.
      xAxis: {
        type: 'value',
        max: 100,
        ...(narrow ? { interval: 50 } : {}),
        axisLabel: { color: '#818c99', formatter: '{value} %' },
      },
      yAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { color: '#818c99', width: narrow ? 100 : 160, overflow: 'truncate' },
      },
      series: (levels ?? LEVELS.map((l) => ({ id: l, title: t(`level.${l}`), color: LEVEL_COLORS[l] }))).map(
        (l) => ({
          name: l.title,
          type: 'bar',
          stack: 'levels',
          itemStyle: { color: l.color },
          data: rows.map((r) => {
            const total = Object.values(r.levels).reduce((a, b) => a + b, 0);
            return total ? ((r.levels[l.id] ?? 0) / total) * 100 : 0;
          }),
        }),
      ),
    }),
    [rows, t, levels, narrow],
  );
  return <EChart option={option} height={height} label={t('unit.distribution')} />;
}

export function TrendLine({ points }: { points: { periodEnd: number; meanScore: number }[] }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: points.map((p) => day(p.periodEnd - 1)),
        axisLabel: { color: '#818c99' },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: '#818c99' } },
      series: [
        {
          type: 'line',
          data: points.map((p) => p.meanScore),
          symbolSize: 8,
          itemStyle: { color: '#2a6fdb' },
        },
      ],
    }),
    [points],
  );
  return <EChart option={option} height={220} label={t('unit.trend')} />;
}

type HeatRule = { id: string; title: string };
type HeatRow = { key: string; name: string; rates: (number | null)[] };

/** Rules across and units down; on a phone the other way round, so the rules' names read level, one a line. */
function heatmapOption(rules: HeatRule[], rows: HeatRow[], narrow: boolean, legend: string[]) {
  const ruleAxis = {
    type: 'category',
    data: rules.map((r) => r.title),
    axisLabel: narrow
      ? { color: '#818c99', fontSize: 11, width: 140, overflow: 'truncate', interval: 0 }
      : { rotate: 50, color: '#818c99', fontSize: 10, width: 110, overflow: 'truncate', interval: 0 },
  };
  const unitAxis = {
    type: 'category',
    data: rows.map((r) => r.name),
    axisLabel: narrow
      ? { rotate: 45, color: '#818c99', fontSize: 10, width: 80, overflow: 'truncate' }
      : { color: '#818c99', width: 180, overflow: 'truncate' },
  };
  const cells = rows.flatMap((row, y) => row.rates.map((rate, x) => ({ x, y, rate })));
  return {
    animation: false,
    tooltip: {
      formatter: (p: { data: [number, number, number | null] }) => {
        const [rule, unit] = narrow ? [p.data[1], p.data[0]] : [p.data[0], p.data[1]];
        return `${rows[unit]?.name}<br/>${rules[rule]?.title}: ${p.data[2] === null ? '—' : `${Math.round(p.data[2] * 100)}%`}`;
      },
    },
    grid: { left: 8, right: 8, top: 8, bottom: narrow ? 60 : 70, containLabel: true },
    xAxis: narrow ? unitAxis : ruleAxis,
    yAxis: narrow ? { ...ruleAxis, inverse: true } : unitAxis,
    visualMap: {
      min: 0,
      max: 1,
      show: true,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: narrow ? 80 : 120,
      text: legend,
      textStyle: { color: '#818c99' },
      inRange: { color: ['#b42318', '#f5c242', '#1a7f37'] },
    },
    series: [
      {
        type: 'heatmap',
        data: cells.map(({ x, y, rate }) => (narrow ? [y, x, rate] : [x, y, rate])),
      },
    ],
  };
}

export function Heatmap({ rules, rows }: { rules: HeatRule[]; rows: HeatRow[] }) {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const option = useMemo<EChartsCoreOption>(
    () => heatmapOption(rules, rows, narrow, [t('unit.heatmapAll'), t('unit.heatmapNone')]),
    [rules, rows, t, narrow],
  );
  const height = narrow ? rules.length * 22 + 150 : Math.max(260, rows.length * 24 + 200);
  return <EChart option={option} height={height} label={`${t('unit.heatmap')}: ${t('unit.heatmapHint')}`} />;
}
