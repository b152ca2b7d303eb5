// A draft in the editor: its kind (text with photos, poll, clip, video, live broadcast), text, rubric and time in
// the region's zone, from a template or not; what it helps meet of the methodology; and what the caller may do
// next — save, propose, approve and schedule, publish now, reject with a comment, take it off the schedule.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  FormItem,
  FormStatus,
  Group,
  Header,
  Input,
  NativeSelect,
  SegmentedControl,
  Textarea,
} from '@vkontakte/vkui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../src/auth/auth.contract.ts';
import type { DraftDetail, PlanView } from '../../../../src/planner/planner.contract.ts';
import { ApiError, api } from '../../lib/api.ts';
import { apiUrl } from '../../lib/client.ts';
import { errorText } from '../../lib/errors.ts';
import { useApi } from '../../lib/queries.ts';
import { fromZonedInput, toZonedInput } from '../../lib/zoned.ts';
import { DraftStatus } from './DraftStatus.tsx';

const KINDS = ['text', 'poll', 'clip', 'video', 'live'] as const;
type Kind = (typeof KINDS)[number];

type Template = {
  id: string;
  kind: Kind;
  title: string;
  text: string;
  rubric: string;
  poll?: { question: string; options: string[]; multiple: boolean };
};

type Form = {
  kind: Kind;
  title: string;
  text: string;
  rubric: string;
  plannedAt: string;
  photos: { id: number; name: string }[];
  question: string;
  options: string;
  multiple: boolean;
  endsAt: string;
  file: { id: number; name: string } | null;
  mediaTitle: string;
  liveAt: string;
  link: string;
  templateId: string | null;
};

function formOf(d: DraftDetail | undefined, day: string | null, tz: string, hour: number | null): Form {
  const c = (d?.content ?? {}) as {
    photos?: number[];
    poll?: { question: string; options: string[]; multiple: boolean; endsAt: number };
    file?: number;
    title?: string;
    startsAt?: number;
    link?: string;
  };
  return {
    kind: (d?.kind as Kind) ?? 'text',
    title: d?.title ?? '',
    text: d?.text ?? '',
    rubric: d?.rubric ?? '',
    // A new draft starts at the page's best slot that weekday (best time to post), else at 10:00.
    plannedAt: d?.plannedAt
      ? toZonedInput(d.plannedAt, tz)
      : day
        ? `${day}T${String(hour ?? 10).padStart(2, '0')}:00`
        : '',
    photos: (c.photos ?? []).map((id) => ({ id, name: `#${id}` })),
    question: c.poll?.question ?? '',
    options: (c.poll?.options ?? []).join('\n'),
    multiple: c.poll?.multiple ?? false,
    endsAt: c.poll?.endsAt ? toZonedInput(c.poll.endsAt, tz) : '',
    file: c.file ? { id: c.file, name: `#${c.file}` } : null,
    mediaTitle: c.title ?? '',
    liveAt: c.startsAt ? toZonedInput(c.startsAt, tz) : '',
    link: c.link ?? '',
    templateId: null,
  };
}

function contentOf(f: Form, tz: string): Record<string, unknown> {
  switch (f.kind) {
    case 'text':
      return { photos: f.photos.map((p) => p.id) };
    case 'poll':
      return {
        photos: f.photos.map((p) => p.id),
        poll: {
          question: f.question,
          options: f.options
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean),
          multiple: f.multiple,
          endsAt: f.endsAt ? fromZonedInput(f.endsAt, tz) : 0,
        },
      };
    case 'clip':
    case 'video':
      return { file: f.file?.id, title: f.mediaTitle };
    case 'live':
      return {
        title: f.mediaTitle,
        startsAt: f.liveAt ? fromZonedInput(f.liveAt, tz) : undefined,
        ...(f.link ? { link: f.link } : {}),
      };
  }
}

export function DraftEditor({
  me,
  plan,
  draftId,
  day,
  defaultHour = null,
  onClose,
  onSaved,
  planUrl,
}: {
  me: Me;
  plan: PlanView;
  draftId: number | null;
  day: string | null;
  /** The hour a new draft starts at: the page's best slot on that weekday, when there is one. */
  defaultHour?: number | null;
  onClose: () => void;
  onSaved: (id: number) => void;
  planUrl: string;
}) {
  const detailUrl = draftId ? apiUrl('GET /api/planner/drafts/:id', { params: { id: draftId } }) : null;
  const detail = useApi<DraftDetail>(detailUrl);
  if (draftId && !detail.data)
    return (
      <Group>
        <p className="group-body">…</p>
      </Group>
    );
  return (
    <EditorForm
      me={me}
      plan={plan}
      draft={detail.data}
      day={day}
      defaultHour={defaultHour}
      onClose={onClose}
      onSaved={onSaved}
      planUrl={planUrl}
      detailUrl={detailUrl}
    />
  );
}

function EditorForm({
  me,
  plan,
  draft,
  day,
  defaultHour,
  onClose,
  onSaved,
  planUrl,
  detailUrl,
}: {
  me: Me;
  plan: PlanView;
  draft: DraftDetail | undefined;
  day: string | null;
  defaultHour: number | null;
  onClose: () => void;
  onSaved: (id: number) => void;
  planUrl: string;
  detailUrl: string | null;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const tz = plan.page.timezone;
  const [f, setF] = useState<Form>(() => formOf(draft, day, tz, defaultHour));
  const [reason, setReason] = useState('');
  const templates = useApi<{ items: Template[] }>(
    apiUrl('GET /api/planner/templates', { query: { lang: i18n.language === 'en' ? 'en' : 'ru' } }),
  );
  const manages = plan.canManage;
  const refresh = () => {
    client.invalidateQueries({ queryKey: [planUrl] });
    if (detailUrl) client.invalidateQueries({ queryKey: [detailUrl] });
  };
  const body = () => ({
    kind: f.kind,
    title: f.title,
    text: f.text,
    rubric: f.rubric || null,
    content: contentOf(f, tz),
    plannedAt: f.plannedAt ? fromZonedInput(f.plannedAt, tz) : null,
    templateId: f.templateId,
  });
  const save = useMutation({
    mutationFn: async () => {
      if (draft) {
        await api.put(apiUrl('PUT /api/planner/drafts/:id', { params: { id: draft.id } }), body());
        return draft.id;
      }
      return (
        await api.post<{ id: number }>(
          apiUrl('POST /api/planner/pages/:pageId/drafts', { params: { pageId: plan.page.id } }),
          body(),
        )
      ).id;
    },
    onSuccess: (id) => {
      refresh();
      onSaved(id);
    },
  });
  const act = useMutation({
    mutationFn: async (
      action: 'approve' | 'publishNow' | 'reject' | 'unschedule' | 'delete' | 'municipality',
    ) => {
      if (!draft) return;
      const params = { id: draft.id };
      if (action === 'delete') return api.delete(apiUrl('DELETE /api/planner/drafts/:id', { params }));
      if (action === 'approve')
        return api.post(apiUrl('POST /api/planner/drafts/:id/approve', { params }), {});
      if (action === 'publishNow')
        return api.post(apiUrl('POST /api/planner/drafts/:id/approve', { params }), {
          plannedAt: Math.floor(Date.now() / 1000),
        });
      if (action === 'reject')
        return api.post(apiUrl('POST /api/planner/drafts/:id/reject', { params }), { comment: reason });
      if (action === 'municipality')
        return api.post(apiUrl('POST /api/planner/drafts/:id/municipality', { params }), { approve: true });
      return api.post(apiUrl('POST /api/planner/drafts/:id/unschedule', { params }), {});
    },
    onSuccess: (_r, action) => {
      refresh();
      if (action === 'delete') onClose();
    },
  });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.set('file', file);
      return api.post<{ id: number; name: string }>(
        apiUrl('POST /api/planner/pages/:pageId/files', { params: { pageId: plan.page.id } }),
        form,
      );
    },
  });
  const pick = async (files: FileList | null, into: 'photos' | 'file') => {
    for (const file of Array.from(files ?? [])) {
      const made = await upload.mutateAsync(file);
      setF((prev) =>
        into === 'photos'
          ? { ...prev, photos: [...prev.photos, { id: made.id, name: made.name }] }
          : { ...prev, file: { id: made.id, name: made.name } },
      );
    }
  };
  const applyTemplate = (id: string) => {
    const tpl = templates.data?.items.find((x) => x.id === id);
    if (!tpl) return setF({ ...f, templateId: null });
    setF({
      ...f,
      templateId: tpl.id,
      kind: tpl.kind,
      title: tpl.title,
      text: tpl.text,
      rubric: tpl.rubric,
      question: tpl.poll?.question ?? f.question,
      options: tpl.poll ? tpl.poll.options.join('\n') : f.options,
      mediaTitle: tpl.kind === 'live' || tpl.kind === 'clip' ? tpl.title : f.mediaTitle,
    });
  };
  const status = draft?.status;
  const editable = !status || !['published', 'publishing'].includes(status);
  const error = [save.error, act.error, upload.error].find((e) => e instanceof ApiError) as
    | ApiError
    | undefined;
  const isMunicipality = me.scope.level !== 'institution' && me.permissions.includes('drafts.manage');
  return (
    <Group
      header={
        <Header
          after={
            <Button mode="tertiary" size="s" onClick={onClose}>
              {t('planner.editor.close')}
            </Button>
          }
          subtitle={status ? t(`planner.status.${status}`) : undefined}
        >
          {t('planner.editor.title')}
        </Header>
      }
      data-testid="draft-editor"
    >
      <form
        className="group-body"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {draft && <DraftStatus draft={draft} tz={tz} />}
        {!draft && (
          <FormItem top={t('planner.editor.template')} htmlFor="d-template">
            <NativeSelect
              id="d-template"
              value={f.templateId ?? ''}
              onChange={(e) => applyTemplate(e.target.value)}
            >
              <option value="">{t('planner.editor.noTemplate')}</option>
              {(templates.data?.items ?? []).map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.title}
                </option>
              ))}
            </NativeSelect>
          </FormItem>
        )}
        <FormItem top={t('planner.editor.kind')}>
          <SegmentedControl
            value={f.kind}
            onChange={(v) => setF({ ...f, kind: v as Kind })}
            options={KINDS.map((k) => ({ label: t(`planner.kind.${k}`), value: k }))}
            data-testid="draft-kind"
          />
        </FormItem>
        <div className="form-grid">
          <FormItem top={t('planner.editor.name')} htmlFor="d-title" required>
            <Input
              id="d-title"
              value={f.title}
              onChange={(e) => setF({ ...f, title: e.target.value })}
              required
              maxLength={200}
            />
          </FormItem>
          <FormItem top={t('planner.editor.rubric')} htmlFor="d-rubric">
            <Input
              id="d-rubric"
              value={f.rubric}
              onChange={(e) => setF({ ...f, rubric: e.target.value })}
              maxLength={61}
            />
          </FormItem>
          <FormItem top={t('planner.editor.plannedAt')} htmlFor="d-at">
            <Input
              id="d-at"
              type="datetime-local"
              value={f.plannedAt}
              onChange={(e) => setF({ ...f, plannedAt: e.target.value })}
            />
          </FormItem>
        </div>
        <FormItem top={t('planner.editor.text')} htmlFor="d-text">
          <Textarea
            id="d-text"
            value={f.text}
            onChange={(e) => setF({ ...f, text: e.target.value })}
            rows={5}
            maxLength={15000}
          />
        </FormItem>
        {(f.kind === 'text' || f.kind === 'poll') && (
          <FormItem top={t('planner.editor.photos')} htmlFor="d-photos">
            <input
              id="d-photos"
              type="file"
              accept="image/*"
              multiple
              onChange={(e) => pick(e.target.files, 'photos')}
            />
            <ul className="compact-list">
              {f.photos.map((p) => (
                <li key={p.id}>
                  {p.name}{' '}
                  <Button
                    mode="tertiary"
                    size="s"
                    onClick={() => setF({ ...f, photos: f.photos.filter((x) => x.id !== p.id) })}
                  >
                    ×
                  </Button>
                </li>
              ))}
            </ul>
          </FormItem>
        )}
        {f.kind === 'poll' && (
          <div className="form-grid">
            <FormItem top={t('planner.editor.question')} htmlFor="d-question" required>
              <Input
                id="d-question"
                value={f.question}
                onChange={(e) => setF({ ...f, question: e.target.value })}
                maxLength={255}
              />
            </FormItem>
            <FormItem top={t('planner.editor.options')} htmlFor="d-options" required>
              <Textarea
                id="d-options"
                value={f.options}
                onChange={(e) => setF({ ...f, options: e.target.value })}
                rows={4}
              />
            </FormItem>
            <FormItem top={t('planner.editor.endsAt')} htmlFor="d-ends">
              <Input
                id="d-ends"
                type="datetime-local"
                value={f.endsAt}
                onChange={(e) => setF({ ...f, endsAt: e.target.value })}
              />
            </FormItem>
            <FormItem>
              <Checkbox checked={f.multiple} onChange={(e) => setF({ ...f, multiple: e.target.checked })}>
                {t('planner.editor.multiple')}
              </Checkbox>
            </FormItem>
          </div>
        )}
        {(f.kind === 'clip' || f.kind === 'video') && (
          <div className="form-grid">
            <FormItem top={t('planner.editor.file')} htmlFor="d-file" required>
              <input
                id="d-file"
                type="file"
                accept="video/*"
                onChange={(e) => pick(e.target.files, 'file')}
              />
              {f.file && <p className="muted">{f.file.name}</p>}
            </FormItem>
            <FormItem top={t('planner.editor.mediaTitle')} htmlFor="d-media" required>
              <Input
                id="d-media"
                value={f.mediaTitle}
                onChange={(e) => setF({ ...f, mediaTitle: e.target.value })}
                maxLength={200}
              />
            </FormItem>
          </div>
        )}
        {f.kind === 'live' && (
          <div className="form-grid">
            <FormItem top={t('planner.editor.mediaTitle')} htmlFor="d-live-title" required>
              <Input
                id="d-live-title"
                value={f.mediaTitle}
                onChange={(e) => setF({ ...f, mediaTitle: e.target.value })}
                maxLength={200}
              />
            </FormItem>
            <FormItem top={t('planner.editor.liveAt')} htmlFor="d-live-at" required>
              <Input
                id="d-live-at"
                type="datetime-local"
                value={f.liveAt}
                onChange={(e) => setF({ ...f, liveAt: e.target.value })}
              />
            </FormItem>
            <FormItem top={t('planner.editor.link')} htmlFor="d-live-link">
              <Input
                id="d-live-link"
                type="url"
                value={f.link}
                onChange={(e) => setF({ ...f, link: e.target.value })}
              />
            </FormItem>
          </div>
        )}
        {draft && (
          <div data-testid="draft-helps">
            <p className="muted">{t('planner.editor.helps')}</p>
            {draft.helps.length === 0 ? (
              <p>{t('planner.editor.helpsNone')}</p>
            ) : (
              <ul className="compact-list">
                {draft.helps.map((h) => (
                  <li key={h.ruleId + h.en}>{i18n.language === 'en' ? h.en : h.ru}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {error && <FormStatus mode="error">{errorText(error)}</FormStatus>}
        {save.isSuccess && <span role="status">{t('planner.editor.saved')}</span>}
        <div className="actions">
          {editable && (
            <Button type="submit" size="m" loading={save.isPending} data-testid="draft-save">
              {manages
                ? t('planner.editor.save')
                : draft
                  ? t('planner.editor.save')
                  : t('planner.editor.propose')}
            </Button>
          )}
          {draft && manages && ['proposed', 'draft', 'failed', 'rejected'].includes(draft.status) && (
            <>
              <Button
                size="m"
                mode="secondary"
                onClick={() => act.mutate('approve')}
                data-testid="draft-approve"
              >
                {t('planner.editor.approve')}
              </Button>
              <Button
                size="m"
                mode="secondary"
                onClick={() => act.mutate('publishNow')}
                data-testid="draft-publish-now"
              >
                {t('planner.editor.publishNow')}
              </Button>
            </>
          )}
          {draft && isMunicipality && draft.status === 'awaiting_municipality' && (
            <Button size="m" mode="secondary" onClick={() => act.mutate('municipality')}>
              {t('planner.editor.approveMunicipality')}
            </Button>
          )}
          {draft && manages && ['scheduled', 'awaiting_municipality', 'failed'].includes(draft.status) && (
            <Button size="m" mode="tertiary" onClick={() => act.mutate('unschedule')}>
              {t('planner.editor.unschedule')}
            </Button>
          )}
          {draft && editable && (manages || draft.authorId === me.id) && (
            <Button size="m" mode="tertiary" appearance="negative" onClick={() => act.mutate('delete')}>
              {t('planner.editor.delete')}
            </Button>
          )}
        </div>
        {draft &&
          manages &&
          ['proposed', 'draft', 'awaiting_municipality', 'scheduled'].includes(draft.status) && (
            <div className="actions">
              <FormItem top={t('planner.editor.rejectReason')} htmlFor="d-reason">
                <Input id="d-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
              </FormItem>
              <Button
                size="m"
                mode="secondary"
                appearance="negative"
                disabled={!reason.trim()}
                onClick={() => act.mutate('reject')}
                data-testid="draft-reject"
              >
                {t('planner.editor.reject')}
              </Button>
            </div>
          )}
      </form>
    </Group>
  );
}
