// Where each of the 89 regions sits on the tile cartogram: one equal square per region, placed so neighbours stay
// neighbours (north at the top, west at the left), the way newsrooms draw Russia as a tile grid. It is a
// schematic, not a geographic map: sizes say nothing of area. Each row lists "ISO-code:short Russian name" from
// its first column; "." is an empty cell. Drawn by hand for Publica from the regions' relative positions.
const ROWS = [
  '. . . . MUR:Мур . NEN:Нен . . YAN:ЯНАО . . . . . . CHU:Чук',
  '. . . . KR:Кар ARK:Арх KO:Коми . . KHM:ХМАО . . . SA:Якут . MAG:Маг KAM:Кам',
  '. . . SPE:СПб LEN:Лен VLG:Влг KIR:Кир PER:Перм SVE:Свер TYU:Тюм TOM:Том KYA:Крсн IRK:Ирк ZAB:Заб AMU:Амур KHA:Хаб SAK:Сах',
  'KGD:Клнг . PSK:Пск NGR:Нвг TVE:Твер YAR:Яр KOS:Кост UD:Удм CHE:Чел KGN:Кург OMS:Омск NVS:Нсб KEM:Кем BU:Бур YEV:ЕАО PRI:Прим',
  '. . . SMO:Смол MOS:МО IVA:Иван NIZ:Нижг ME:МарЭл TA:Тат BA:Баш . ALT:АлтК KK:Хак',
  '. . BRY:Брян KLU:Калуг MOW:Мск VLA:Влад MO:Морд CU:Чув ULY:Улн ORE:Орен . AL:Алт TY:Тыва',
  '. . KRS:Курск ORL:Орёл TUL:Тула RYA:Рзн PNZ:Пенз SAM:Смр SAR:Срт',
  '. LPR:ЛНР BEL:Блг VOR:Врж LIP:Лип TAM:Тамб VGG:Вгг',
  'KHE:Хер ZAP:Зап DPR:ДНР ROS:Рост STA:Став KL:Калм AST:Астр',
  '. CR:Крым KDA:Крд AD:Адыг KC:КЧР KB:КБР SE:СОА IN:Инг CE:Чеч DA:Даг',
  '. SEV:Сев',
];

export type GridCell = { iso: string; short: string; col: number; row: number };

export const REGION_GRID: GridCell[] = ROWS.flatMap((line, row) =>
  line.split(' ').flatMap((cell, col) => {
    if (cell === '.') return [];
    const [code, short] = cell.split(':');
    return [{ iso: `RU-${code}`, short: short ?? '', col, row }];
  }),
);

export const GRID_COLUMNS = Math.max(...REGION_GRID.map((c) => c.col)) + 1;
export const GRID_ROWS = ROWS.length;
