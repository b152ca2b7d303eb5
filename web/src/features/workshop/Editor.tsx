// One workshop version: its parameters (lint as you type), the actions on it, and the preview on current data.
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../components/StateView.tsx';
import { EditorActions } from './EditorActions.tsx';
import { ParamsTable } from './ParamsTable.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import { TextsEditor } from './TextsEditor.tsx';
import { useWorkshopEditor } from './useWorkshopEditor.ts';
import type { Version } from './workshop-edits.ts';

export function Editor({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const e = useWorkshopEditor(id);
  return (
    <Loaded query={e.version} minHeight={300}>
      {(v: Version) => (
        <section aria-labelledby="editor-title" data-testid="workshop-editor">
          <h2 id="editor-title">
            {v.id} · {v.title[lang]}
          </h2>
          <p className="muted" data-testid="workshop-status">
            {t(`workshop.status.${v.status}`)} · {t('workshop.basedOn', { id: v.basedOn })}
          </p>
          <ParamsTable
            v={v}
            lang={lang}
            draft={e.draft}
            edits={e.edits}
            setEdits={e.setEdits}
            problems={e.problems}
          />
          <TextsEditor
            v={v}
            lang={lang}
            draft={e.draft}
            texts={e.texts}
            setTexts={e.setTexts}
            problems={e.problems}
          />
          <EditorActions e={e} />
          {e.preview && (
            <PreviewTable
              p={e.preview}
              title={(level) => v.levels.find((l) => l.id === level)?.title[lang] ?? level}
            />
          )}
        </section>
      )}
    </Loaded>
  );
}
