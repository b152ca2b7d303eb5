// The regions on a tile cartogram shipped with the app (no network tiles): one square per region where its
// neighbours are, coloured by mean score, with a legend. Each square with data links to its region.
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RegionView as Region } from '../../../../src/registry/registry.contract.ts';
import { num } from '../../lib/format.ts';
import { GRID_COLUMNS, GRID_ROWS, REGION_GRID } from './region-grid.ts';

const CELL = 48;
const TILE = 44;

// Score bands, darkest for the best; white text keeps 4.5:1 on each.
const BANDS = [
  { min: 70, color: '#1a7f37', label: '≥ 70' },
  { min: 60, color: '#3b7420', label: '60–69' },
  { min: 50, color: '#8a5a00', label: '50–59' },
  { min: Number.NEGATIVE_INFINITY, color: '#b42318', label: '< 50' },
];

function colorOf(score: number | null | undefined): string | undefined {
  if (score === null || score === undefined) return undefined;
  return BANDS.find((b) => score >= b.min)?.color;
}

type MapRegion = Region & { isoCode: string };

export function RegionCartogram({
  regions,
  scores,
}: {
  regions: MapRegion[];
  scores: Map<string, number | null>;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const byIso = new Map(regions.map((r) => [r.isoCode, r]));
  const en = i18n.language === 'en';
  return (
    <figure className="region-map">
      <div className="region-map-scroll">
        <svg
          className="tile-map"
          viewBox={`0 0 ${GRID_COLUMNS * CELL} ${GRID_ROWS * CELL}`}
          aria-label={t('unit.map')}
        >
          {REGION_GRID.map((cell) => {
            const region = byIso.get(cell.iso);
            if (!region) return null;
            const score = scores.get(region.code);
            const fill = colorOf(score);
            const name = en ? region.nameEn : region.nameRu;
            const label = `${name}: ${scores.has(region.code) ? num(score) : t('unit.mapNoData')}`;
            const x = cell.col * CELL;
            const y = cell.row * CELL;
            const tile = (
              <>
                <rect
                  x={x}
                  y={y}
                  width={TILE}
                  height={TILE}
                  rx={6}
                  className={fill ? 'tile' : 'tile tile-empty'}
                  style={fill ? { fill } : undefined}
                />
                <text
                  x={x + TILE / 2}
                  y={y + TILE / 2}
                  className={fill ? 'tile-label' : 'tile-label tile-label-empty'}
                >
                  {en ? cell.iso.replace('RU-', '') : cell.short}
                </text>
              </>
            );
            if (!scores.has(region.code))
              return (
                <g key={cell.iso}>
                  <title>{label}</title>
                  {tile}
                </g>
              );
            const href = `/units/region/${region.code}`;
            const go = (e: MouseEvent) => {
              e.preventDefault();
              navigate(href);
            };
            return (
              <a key={cell.iso} href={href} onClick={go} aria-label={label} data-region={region.code}>
                <title>{label}</title>
                {tile}
              </a>
            );
          })}
        </svg>
      </div>
      <figcaption className="region-map-note">{t('unit.mapNote')}</figcaption>
      <MapLegend />
    </figure>
  );
}

/** The score bands' colours and the swatch of a region without data. */
function MapLegend() {
  const { t } = useTranslation();
  return (
    <ul className="map-legend" aria-label={t('unit.mapLegend')}>
      <li className="map-legend-title" aria-hidden="true">
        {t('unit.mapLegend')}
      </li>
      {BANDS.map((b) => (
        <li key={b.label}>
          <span className="swatch" style={{ background: b.color }} aria-hidden="true" />
          {b.label}
        </li>
      ))}
      <li>
        <span className="swatch swatch-empty" aria-hidden="true" />
        {t('unit.mapNoData')}
      </li>
    </ul>
  );
}
