// The editor's state: typed changes, lint as the methodologist types, and the save, preview, publish and
// re-audit calls.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../lib/api.ts';
import { apiUrl, callApi } from '../../lib/client.ts';
import { useApi } from '../../lib/queries.ts';
import { useReaudit } from './useReaudit.ts';
import { type Edits, type Preview, type Problem, patchOf, type TextEdits } from './workshop-edits.ts';

/** Lint as the methodologist types: each change is checked on the server, nothing saved. */
function useLint(id: string, edits: Edits, texts: TextEdits, active: boolean) {
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => {
    if (!active) {
      setProblems([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      callApi('POST /api/methodology/workshop/:id/lint', { params: { id }, body: patchOf(edits, texts) })
        .then((r) => live && setProblems(r.problems))
        .catch(() => live && setProblems([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [edits, texts, active, id]);
  return [problems, setProblems] as const;
}

export function useWorkshopEditor(id: string) {
  const client = useQueryClient();
  const url = apiUrl('GET /api/methodology/workshop/:id', { params: { id } });
  const version = useApi(url);
  const [edits, setEdits] = useState<Edits>({});
  const [texts, setTexts] = useState<TextEdits>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [period, setPeriod] = useState('');
  const draft = version.data?.status === 'draft';
  const changed = Object.keys(edits).length > 0 || Object.keys(texts).length > 0;
  const [problems, setProblems] = useLint(id, edits, texts, changed && draft);

  const refresh = () => client.invalidateQueries();
  const save = useMutation({
    mutationFn: () =>
      callApi('PATCH /api/methodology/workshop/:id', { params: { id }, body: patchOf(edits, texts) }),
    onSuccess: (saved) => {
      client.setQueryData([url], saved);
      setEdits({});
      setTexts({});
    },
    onError: (error) => {
      if (error instanceof ApiError && Array.isArray(error.details)) setProblems(error.details as Problem[]);
    },
  });
  const tryIt = useMutation({
    mutationFn: () =>
      api.get<Preview>(
        apiUrl('GET /api/methodology/workshop/:id/preview', {
          params: { id },
          query: period ? { period } : {},
        }),
      ),
    onSuccess: setPreview,
  });
  const publish = useMutation({
    mutationFn: () => callApi('POST /api/methodology/workshop/:id/publish', { params: { id } }),
    onSuccess: (published) => {
      client.setQueryData([url], published);
      void refresh();
    },
  });
  const reaudit = useReaudit(id, period);
  const error = save.error ?? tryIt.error ?? publish.error ?? reaudit.error;
  return {
    version,
    edits,
    setEdits,
    texts,
    setTexts,
    problems,
    preview,
    period,
    setPeriod,
    draft,
    changed,
    save,
    tryIt,
    publish,
    reaudit,
    error,
  };
}

export type WorkshopEditor = ReturnType<typeof useWorkshopEditor>;
