// A page's level as a coloured badge with its name (colour is never the only cue): title and colour from the
// level's methodology version, through the API.
import { useTranslation } from 'react-i18next';
import { LEVEL_COLORS } from '../lib/format.ts';
import { useLevels } from '../lib/queries.ts';

export function LevelBadge({ level }: { level: string | null }) {
  const { t } = useTranslation();
  const shown = useLevels().get(level ?? '');
  const id = level ?? 'none';
  return (
    <span
      className="level-badge"
      style={{ background: shown?.color ?? LEVEL_COLORS[id] ?? '#5a5f66' }}
      data-level={id}
    >
      {shown?.title ?? t(`level.${id}`, { defaultValue: id })}
    </span>
  );
}
