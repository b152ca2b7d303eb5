// Registry upload: choose a CSV or XLSX, see the preview and the row-level errors first (nothing written),
// then import — the whole file, or its valid rows only.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, File as FileInput, FormStatus, Group, Header } from '@vkontakte/vkui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../lib/client.ts';
import { errorText } from '../../lib/errors.ts';
import { language } from '../../lib/queries.ts';

export function UploadPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const send = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => {
      const body = new FormData();
      if (file) body.append('file', file);
      return callApi('POST /api/registry/uploads', {
        query: {
          dryRun: dryRun ? '1' : undefined,
          skipInvalid: skipInvalid ? '1' : undefined,
          lang: language(i18n),
        },
        body,
      });
    },
    onSuccess: (report) => {
      if (report.status === 'imported') client.invalidateQueries();
    },
  });
  const report = send.data;
  const invalidRows = new Set(report?.problems.map((p) => p.row)).size;
  return (
    <section aria-labelledby="upload-title">
      <h1 id="upload-title" className="page-title">
        {t('upload.title')}
      </h1>
      <p className="muted">{t('upload.hint')}</p>
      <Group>
        <div className="actions">
          <FileInput
            accept=".csv,.xlsx,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="upload-file"
          >
            {file ? file.name : t('upload.choose')}
          </FileInput>
          <label className="check">
            <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />{' '}
            {t('upload.skipInvalid')}
          </label>
          <Button disabled={!file} loading={send.isPending} onClick={() => send.mutate({ dryRun: true })}>
            {t('upload.preview')}
          </Button>
          <Button
            mode="primary"
            disabled={!file || !report || report.status === 'imported' || (invalidRows > 0 && !skipInvalid)}
            onClick={() => send.mutate({ dryRun: false })}
          >
            {t('upload.import')}
          </Button>
        </div>
        {send.error && (
          <FormStatus mode="error" role="alert">
            {errorText(send.error)}
          </FormStatus>
        )}
        {report && (
          <div data-testid="upload-report" aria-live="polite">
            {report.status === 'imported' && <FormStatus mode="default">{t('upload.done')}</FormStatus>}
            <p>
              {t('upload.rows')}: <strong>{report.rows}</strong> · {t('upload.valid')}:{' '}
              <strong>{report.rows - invalidRows}</strong> · {t('upload.invalid')}:{' '}
              <strong>{invalidRows}</strong>
            </p>
            {report.message && <p className="muted">{report.message}</p>}
          </div>
        )}
      </Group>
      {report && report.problems.length > 0 && (
        <Group header={<Header>{t('upload.invalid')}</Header>}>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('upload.row')}
                  </th>
                  <th scope="col">{t('upload.field')}</th>
                  <th scope="col">{t('upload.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p) => (
                  <tr key={`${p.row}|${p.field}|${p.code}|${p.message}`}>
                    <td className="num">{p.row}</td>
                    <td>{p.column || p.field}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Group>
      )}
      {report && report.problems.length === 0 && <p className="muted">{t('upload.noErrors')}</p>}
    </section>
  );
}
