// The measured effect of a seminar (or of all seminars of a period): the score's difference in differences
// with its interval, and per rule the change in the share of pages passing, drawn with its interval.
import { Button, FormItem, Group, Header, Input } from '@vkontakte/vkui';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeminarEffectView } from '../../../../src/training/training.contract.ts';
import { EChart } from '../../components/EChart.tsx';
import { Loaded } from '../../components/StateView.tsx';
import { ApiError } from '../../lib/api.ts';
import { apiUrl } from '../../lib/client.ts';
import { num, signed } from '../../lib/format.ts';
import { useApi, useMethodologyTitles } from '../../lib/queries.ts';

type Estimate = SeminarEffectView['rules'][number];

/** The effect once it can be measured (an audit before the seminar and one after it), else why not yet. */
export function SeminarEffect({ seminarId, ready }: { seminarId: number; ready: boolean }) {
  const { t } = useTranslation();
  const effect = useApi(ready ? apiUrl('GET /api/seminars/:id/effect', { params: { id: seminarId } }) : null);
  if (!ready)
    return (
      <Group header={<Header>{t('seminars.effect')}</Header>} data-testid="seminar-effect">
        <p className="group-body">{t('seminars.effectNone')}</p>
      </Group>
    );
  return (
    <Group header={<Header>{t('seminars.effect')}</Header>} data-testid="seminar-effect">
      <p className="muted group-body">{t('seminars.effectLead')}</p>
      {effect.error instanceof ApiError && effect.error.status === 409 ? (
        <p className="group-body">{t('seminars.effectNone')}</p>
      ) : (
        <Loaded query={effect} minHeight={360}>
          {(data) => <EffectView data={data} />}
        </Loaded>
      )}
    </Group>
  );
}

export function PeriodEffect() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year - 1}-09-01`);
  const [to, setTo] = useState(new Date().toISOString().slice(0, 10));
  const [asked, setAsked] = useState<{ from: string; to: string } | null>(null);
  const effect = useApi(asked ? apiUrl('GET /api/seminars/effect', { query: asked }) : null);
  return (
    <Group header={<Header>{t('seminars.periodEffect')}</Header>}>
      <div className="actions">
        <FormItem top={t('seminars.periodFrom')} htmlFor="effect-from">
          <Input id="effect-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </FormItem>
        <FormItem top={t('seminars.periodTo')} htmlFor="effect-to">
          <Input id="effect-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </FormItem>
        <Button size="m" mode="secondary" onClick={() => setAsked({ from, to })}>
          {t('seminars.periodShow')}
        </Button>
      </div>
      {asked &&
        (effect.error instanceof ApiError && effect.error.status === 409 ? (
          <p>{t('seminars.effectNone')}</p>
        ) : (
          <Loaded query={effect} minHeight={300}>
            {(data) => (
              <>
                <p className="muted">{t('seminars.periodSeminars', { count: data.seminars ?? 0 })}</p>
                <EffectView data={data} />
              </>
            )}
          </Loaded>
        ))}
    </Group>
  );
}

function EffectView({ data }: { data: SeminarEffectView }) {
  const { t } = useTranslation();
  const titleOf = useMethodologyTitles();
  const s = data.score;
  return (
    <div className="group-body">
      <p className="effect-line" data-testid="effect-score">
        {s.effect === null
          ? t('seminars.effectNone')
          : t('seminars.effectScore', {
              effect: signed(s.effect),
              low: num(s.low),
              high: num(s.high),
              treated: s.treated,
              controls: s.controls,
            })}
      </p>
      {data.rules.length > 0 && (
        <>
          <p className="muted">{t('seminars.effectRules')}</p>
          <RuleChart rules={data.rules} titleOf={titleOf} />
        </>
      )}
    </div>
  );
}

/** Bars of the effect in percentage points, each with its interval as a whisker. */
function RuleChart({ rules, titleOf }: { rules: Estimate[]; titleOf: (id: string) => string }) {
  const { t } = useTranslation();
  const shown = useMemo(() => rules.slice(0, 15).reverse(), [rules]);
  const option = useMemo<EChartsCoreOption>(() => {
    const pp = (v: number | null) => Math.round((v ?? 0) * 1000) / 10;
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => t('seminars.pp', { value: v }),
      },
      xAxis: {
        type: 'value',
        // The whiskers may reach below zero, where the bars never do.
        min: Math.floor(Math.min(0, ...shown.map((r) => pp(r.low))) / 10) * 10,
        max: Math.ceil(Math.max(0, ...shown.map((r) => pp(r.high))) / 10) * 10,
      },
      yAxis: {
        type: 'category',
        data: shown.map((r) => titleOf(r.ruleId)),
        axisLabel: { width: 220, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('seminars.effect'),
          data: shown.map((r) => pp(r.effect)),
          itemStyle: { color: '#2a6fdb' },
        },
        {
          type: 'custom',
          name: '95%',
          data: shown.map((r, i) => [i, pp(r.low), pp(r.high)]),
          renderItem: (
            _params: unknown,
            api: {
              value: (i: number) => number;
              coord: (p: number[]) => number[];
              size: (p: number[]) => number[];
            },
          ) => {
            const category = api.value(0);
            const low = api.coord([api.value(1), category]);
            const high = api.coord([api.value(2), category]);
            const half = (api.size([0, 1])[1] ?? 10) * 0.2;
            const style = { stroke: '#1d1d22', lineWidth: 1.5 };
            return {
              type: 'group',
              children: [
                { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
                {
                  type: 'line',
                  shape: { x1: low[0], y1: (low[1] ?? 0) - half, x2: low[0], y2: (low[1] ?? 0) + half },
                  style,
                },
                {
                  type: 'line',
                  shape: { x1: high[0], y1: (high[1] ?? 0) - half, x2: high[0], y2: (high[1] ?? 0) + half },
                  style,
                },
              ],
            };
          },
          z: 10,
        },
      ],
    };
  }, [shown, titleOf, t]);
  return (
    // The hidden table is positioned absolutely: the box keeps it from widening the page.
    <div className="chart-box">
      <EChart
        option={option}
        height={Math.max(200, shown.length * 28 + 40)}
        label={t('seminars.effectChart')}
      />
      <table className="visually-hidden">
        <caption>{t('seminars.effectChart')}</caption>
        <tbody>
          {shown.map((r) => (
            <tr key={r.ruleId}>
              <th scope="row">{titleOf(r.ruleId)}</th>
              <td>
                {signed((r.effect ?? 0) * 100)} ({num((r.low ?? 0) * 100)} … {num((r.high ?? 0) * 100)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
