// A page's level as a coloured badge with its name (colour is never the only cue).
import { useTranslation } from 'react-i18next';
import { LEVEL_COLORS } from '../lib/format.ts';

export function LevelBadge({ level }: { level: string | null }) {
  const { t } = useTranslation();
  const id = level ?? 'none';
  return (
    <span className="level-badge" style={{ background: LEVEL_COLORS[id] ?? '#5a5f66' }} data-level={id}>
      {t(`level.${id}`, { defaultValue: id })}
    </span>
  );
}
