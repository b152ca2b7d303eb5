// An API error as the reader's language says it. The server's messages are English, written for logs and
// scripts; the Russian interface shows a Russian sentence for the error's code instead (a message the server
// already wrote in Russian is kept, it is the more precise one).
import i18next from 'i18next';
import { ApiError } from './api.ts';

const CYRILLIC = /[а-яё]/i;

export function errorText(error: unknown): string {
  const t = i18next.t.bind(i18next);
  if (!(error instanceof ApiError)) return t('errors.network');
  if (i18next.language === 'en' || CYRILLIC.test(error.message)) return error.message;
  const key = `errors.${error.code}`;
  const text = t(key);
  return text === key ? t('errors.INTERNAL') : text;
}

/** Whether trying again can help: not when the server said no (a 4xx), only when it or the network failed. */
export function retryable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status >= 500;
}
