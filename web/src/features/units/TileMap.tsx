// A tile map of the regions: one square per region, west to east by time zone, coloured by mean score. No map
// tiles from the network; each tile is a link to its region, named for screen readers.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { num } from '../../lib/format.ts';
import type { Region } from '../../lib/types.ts';

type Tile = Region & { isoCode?: string; timezone?: string };

const ZONES = [
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Europe/Simferopol',
  'Europe/Volgograd',
  'Europe/Kirov',
  'Europe/Astrakhan',
  'Europe/Samara',
  'Europe/Saratov',
  'Europe/Ulyanovsk',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Barnaul',
  'Asia/Tomsk',
  'Asia/Novokuznetsk',
  'Asia/Krasnoyarsk',
  'Asia/Irkutsk',
  'Asia/Chita',
  'Asia/Yakutsk',
  'Asia/Vladivostok',
  'Asia/Magadan',
  'Asia/Sakhalin',
  'Asia/Srednekolymsk',
  'Asia/Kamchatka',
  'Asia/Anadyr',
];

function color(score: number | null | undefined): string {
  if (score === null || score === undefined) return 'var(--vkui--color_background_secondary)';
  if (score >= 70) return '#1a7f37';
  if (score >= 60) return '#3b7420';
  if (score >= 50) return '#8a5a00';
  return '#b42318';
}

export function TileMap({ regions, scores }: { regions: Tile[]; scores: Map<string, number | null> }) {
  const { t, i18n } = useTranslation();
  // West to east: by time zone, then by code; the grid fills column by column, eight tiles high.
  const zone = (r: Tile) => Math.max(0, ZONES.indexOf(r.timezone ?? 'Europe/Moscow'));
  const ordered = [...regions].sort((a, b) => zone(a) - zone(b) || a.code.localeCompare(b.code));
  return (
    <ul className="tile-map" aria-label={t('unit.map')}>
      {ordered.map((r) => {
        const known = scores.has(r.code);
        const score = scores.get(r.code);
        const name = i18n.language === 'en' ? r.nameEn : r.nameRu;
        const label = `${name}: ${known ? num(score) : '—'}`;
        const code = (r.isoCode ?? r.code).replace('RU-', '');
        return (
          <li key={r.code}>
            {known ? (
              <Link
                to={`/units/region/${r.code}`}
                className="tile"
                style={{ background: color(score) }}
                title={label}
                aria-label={label}
                data-region={r.code}
              >
                {code}
              </Link>
            ) : (
              <span className="tile tile-empty" title={label}>
                <span aria-hidden="true">{code}</span>
                <span className="visually-hidden">{label}</span>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
