// A re-audit as a background job: asking queues it, and its progress (queued, pages judged of all, done with its
// run, failed) is polled until it ends. The job's id stays in the address, so a reload keeps showing it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../../lib/api.ts';
import { apiUrl, callApi, type Reply } from '../../lib/client.ts';

export type ReauditStatus = Reply<'GET /api/methodology/workshop/:id/audits/:job'>;

export function useReaudit(id: string, period: string) {
  const client = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const job = search.get('job');
  const ask = useMutation({
    mutationFn: () =>
      callApi('POST /api/methodology/workshop/:id/audits', {
        params: { id },
        body: period ? { period } : {},
      }),
    onSuccess: (queued) => {
      if (queued.jobId) setSearch((old) => ({ ...Object.fromEntries(old), job: queued.jobId ?? '' }));
    },
  });
  const status = useQuery({
    queryKey: ['reaudit', id, job],
    enabled: job !== null,
    queryFn: async () => {
      const s = await api.get<ReauditStatus>(
        apiUrl('GET /api/methodology/workshop/:id/audits/:job', { params: { id, job: job ?? '' } }),
      );
      // A finished run changes reports and lists: read them anew.
      if (s.state === 'done')
        void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'reaudit' });
      return s;
    },
    refetchInterval: (q) =>
      q.state.data?.state === 'done' || q.state.data?.state === 'failed' ? false : 1000,
  });
  return { ask, status: job ? (status.data ?? null) : null, error: ask.error ?? status.error };
}
