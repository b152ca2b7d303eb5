// A search box that changes the URL (and so the query) once typing pauses, not on every key.
import { Search } from '@vkontakte/vkui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function DebouncedSearch({
  value,
  label,
  onChange,
}: {
  value: string;
  label: string;
  onChange: (q: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text), 300);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <div className="search-row">
      <Search
        value={text}
        placeholder={label}
        aria-label={label}
        clearLabel={t('nav.clear')}
        onChange={(e) => setText(e.target.value)}
        data-testid="search"
      />
    </div>
  );
}
