// Plausible Russian names of a demo institution by its kind: full, short, and a slug for its screen name.
import type { InstitutionKind } from '../../platform/db-schema.ts';
import type { Rng } from './rng.ts';
import * as words from './vocabulary.ts';

/** An institution's full and short names and a slug, by kind, number and town. */
export function nameOf(rng: Rng, kind: InstitutionKind, n: number, town: string, isCity: boolean) {
  const owner = rng.chance(0.75) ? ['Муниципальное бюджетное', 'МБ'] : ['Муниципальное автономное', 'МА'];
  switch (kind) {
    case 'school': {
      if (isCity && rng.chance(0.15)) {
        const type = rng.pick(['Гимназия', 'Лицей']);
        return {
          full: `${owner[0]} общеобразовательное учреждение «${type} № ${n}» г. ${town}`,
          short: `${owner[1]}ОУ «${type} № ${n}»`,
          slug: `${type === 'Гимназия' ? 'gimn' : 'licey'}${n}`,
        };
      }
      if (!isCity)
        return {
          full: `${owner[0]} общеобразовательное учреждение «${town}ская средняя общеобразовательная школа»`,
          short: `${owner[1]}ОУ «${town}ская СОШ»`,
          slug: `sosh${n}`,
        };
      return {
        full: `${owner[0]} общеобразовательное учреждение «Средняя общеобразовательная школа № ${n}» г. ${town}`,
        short: `${owner[1]}ОУ СОШ № ${n}`,
        slug: `school${n}`,
      };
    }
    case 'kindergarten': {
      const title = rng.pick(words.kindergartenNames);
      return {
        full: `${owner[0]} дошкольное образовательное учреждение «Детский сад № ${n} «${title}»`,
        short: `${owner[1]}ДОУ д/с № ${n} «${title}»`,
        slug: `detsad${n}`,
      };
    }
    case 'college': {
      const profile = rng.pick(words.collegeProfiles);
      return {
        full: `Государственное бюджетное профессиональное образовательное учреждение «${profile} колледж № ${n}»`,
        short: `ГБПОУ «${profile} колледж № ${n}»`,
        slug: `college${n}`,
      };
    }
    default: {
      const title = rng.pick(words.additionalNames);
      return {
        full: `${owner[0]} учреждение дополнительного образования «${title} № ${n}»`,
        short: `${owner[1]}У ДО «${title} № ${n}»`,
        slug: `do${n}`,
      };
    }
  }
}
