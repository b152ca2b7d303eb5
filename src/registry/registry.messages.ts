// Texts of the registry import, in Russian and English.
import type { Catalog } from '../platform/i18n.ts';

export const registryMessages = {
  required: { ru: 'обязательное поле не заполнено', en: 'required field is empty' },
  too_long: {
    ru: 'слишком длинное значение (больше {max} символов)',
    en: 'value too long (over {max} characters)',
  },
  inn_format: { ru: 'ИНН должен состоять из 10 или 12 цифр', en: 'INN must have 10 or 12 digits' },
  inn_checksum: { ru: 'неверная контрольная сумма ИНН', en: 'INN checksum is wrong' },
  ogrn_format: { ru: 'ОГРН должен состоять из 13 или 15 цифр', en: 'OGRN must have 13 or 15 digits' },
  ogrn_checksum: { ru: 'неверная контрольная сумма ОГРН', en: 'OGRN checksum is wrong' },
  inn_or_ogrn: { ru: 'нужен ИНН или ОГРН', en: 'INN or OGRN is needed' },
  unknown_region: { ru: 'неизвестный код региона', en: 'unknown region code' },
  unknown_kind: {
    ru: 'неизвестный тип учреждения (school, kindergarten, college, additional)',
    en: 'unknown institution kind (school, kindergarten, college, additional)',
  },
  bad_website: { ru: 'не похоже на адрес сайта', en: 'not a website address' },
  vk_not_vk: { ru: 'это не адрес ВКонтакте', en: 'not a VK address' },
  vk_user_page: { ru: 'это личная страница, а не сообщество', en: 'a personal page, not a community' },
  vk_bad_screen_name: { ru: 'недопустимое короткое имя сообщества', en: 'invalid community screen name' },
  vk_not_a_community: {
    ru: 'адрес не указывает на сообщество',
    en: 'the address does not point to a community',
  },
  ok_not_ok: { ru: 'это не адрес Одноклассников', en: 'not an OK address' },
  ok_user_page: { ru: 'это личная страница, а не группа', en: 'a personal page, not a group' },
  ok_not_a_group: { ru: 'адрес не указывает на группу', en: 'the address does not point to a group' },
  ok_bad_name: { ru: 'недопустимый адрес группы', en: 'invalid group address' },
  ok_empty: { ru: 'пустой адрес', en: 'empty address' },
  max_not_max: { ru: 'это не адрес MAX', en: 'not a MAX address' },
  max_not_a_channel: { ru: 'адрес не указывает на канал', en: 'the address does not point to a channel' },
  max_empty: { ru: 'пустой адрес', en: 'empty address' },
  duplicate_key: { ru: 'повтор строки {other} ({key})', en: 'duplicate of row {other} ({key})' },
  duplicate_page: { ru: 'та же страница, что в строке {other}', en: 'same page as row {other}' },
  outside_scope: {
    ru: 'учреждение вне вашей зоны ответственности ({scope})',
    en: 'the institution is outside your scope ({scope})',
  },
  identity_conflict: {
    ru: 'ИНН и ОГРН принадлежат разным учреждениям в базе (№ {a} и № {b})',
    en: 'INN and OGRN belong to different institutions in the database (#{a} and #{b})',
  },
  column_count: {
    ru: 'ожидалось столбцов: {expected}, найдено: {found}',
    en: 'expected {expected} columns, found {found}',
  },
  missing_columns: { ru: 'в заголовке нет столбцов: {columns}', en: 'the header lacks columns: {columns}' },
  too_many_rows: {
    ru: 'слишком много строк: не больше {max} за одну загрузку (разделите файл)',
    en: 'too many rows: at most {max} in one upload (split the file)',
  },
  too_many_columns: {
    ru: 'строка {row}: больше {max} столбцов',
    en: 'row {row}: more than {max} columns',
  },
  too_complex: {
    ru: 'файл слишком сложен для чтения (слишком много данных после распаковки)',
    en: 'the file is too complex to read (too much data once unpacked)',
  },
  control_characters: {
    ru: 'недопустимые управляющие символы (NUL, управляющие коды, символы смены направления текста)',
    en: 'forbidden control characters (NUL, control codes, text direction overrides)',
  },
  more_problems: {
    ru: '{file}: и ещё ошибок: {count}',
    en: '{file}: and {count} more problems',
  },
  empty_file: { ru: 'файл пуст', en: 'the file is empty' },
  unreadable: { ru: 'не удалось прочитать файл: {reason}', en: 'cannot read the file: {reason}' },
  invalid_rows: {
    ru: '{file}: ошибок в строках: {count}; ничего не записано (--skip-invalid запишет верные строки)',
    en: '{file}: {count} invalid rows; nothing was written (--skip-invalid writes the valid rows)',
  },
  row_problem: {
    ru: '{file}: строка {row}, поле «{field}»: {message}',
    en: '{file}: row {row}, field "{field}": {message}',
  },
  summary: {
    ru: 'Импорт {file}: строк {rows}, новых учреждений {created}, обновлено {updated}, страниц {pages}, пропущено {skipped}',
    en: 'Imported {file}: {rows} rows, {created} new institutions, {updated} updated, {pages} pages, {skipped} skipped',
  },
} satisfies Catalog;

export type RegistryMessageKey = keyof typeof registryMessages;
