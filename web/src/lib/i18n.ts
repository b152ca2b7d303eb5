// i18next with the app's catalog; the language is remembered per browser, Russian by default.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { cardMessages } from './messages.card.ts';
import { plannerMessages } from './messages.planner.ts';
import { queueMessages } from './messages.queue.ts';
import { trainingMessages } from './messages.training.ts';
import { type Lang, messages } from './messages.ts';

const STORED = 'publica.lang';

export function storedLang(): Lang {
  return localStorage.getItem(STORED) === 'en' ? 'en' : 'ru';
}

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: {
      ru: {
        translation: {
          ...messages.ru,
          ...trainingMessages.ru,
          ...plannerMessages.ru,
          ...cardMessages.ru,
          ...queueMessages.ru,
        },
      },
      en: {
        translation: {
          ...messages.en,
          ...trainingMessages.en,
          ...plannerMessages.en,
          ...cardMessages.en,
          ...queueMessages.en,
        },
      },
    },
    lng: storedLang(),
    fallbackLng: 'ru',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
}

export async function switchLang(lang: Lang): Promise<void> {
  localStorage.setItem(STORED, lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}
