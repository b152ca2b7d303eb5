// Russian ⇄ English; the button names the other language in that language.
import { Button } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { switchLang } from '../lib/i18n.ts';

export function LangSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'ru' ? 'en' : 'ru';
  return (
    <Button mode="tertiary" size="s" lang={other} data-testid="lang-switch" onClick={() => switchLang(other)}>
      {t('nav.language')}
    </Button>
  );
}
