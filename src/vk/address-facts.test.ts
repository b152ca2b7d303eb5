import { describe, expect, it } from 'vitest';
import { addressFacts, checkMenuOgrn, timetableText } from './address-facts.ts';
import { groupsGetAddresses } from './methods/groups.getAddresses.ts';

const day = (open: number, close: number, extra: Record<string, unknown> = {}) => ({
  open_time: open,
  close_time: close,
  ...extra,
});

describe('addresses from groups.getAddresses', () => {
  it('write the week as text, joining days with the same hours and naming the break', () => {
    const weekday = day(480, 1020, { break_open_time: 720, break_close_time: 780 });
    expect(
      timetableText({
        mon: weekday,
        tue: weekday,
        wed: weekday,
        thu: weekday,
        fri: weekday,
        sat: day(600, 840),
      }),
    ).toBe('пн–пт 08:00–17:00 (перерыв 12:00–13:00); сб 10:00–14:00');
    // A gap splits a run; times that are not minutes are skipped, never guessed.
    expect(timetableText({ mon: day(540, 1080), wed: day(540, 1080), thu: { open_time: 'x' } })).toBe(
      'пн 09:00–18:00; ср 09:00–18:00',
    );
    expect(timetableText(undefined)).toBeNull();
    expect(timetableText({})).toBeNull();
    expect(timetableText([1, 2])).toBeNull();
  });

  it('take the first address, its hours and phone, tolerating odd items; nothing sent is unknown', () => {
    const answer = {
      count: 3,
      items: [
        'junk',
        { id: 1, title: 'Школа', address: 'ул. Ленина, 1', additional_address: 'каб. 2' },
        { id: 2, address: 'ул. Мира, 5', phone: '+7 (351) 222-33-44', timetable: { mon: day(480, 960) } },
      ],
    };
    // The method table's parser accepts VK's answer as sent.
    expect(groupsGetAddresses.parse(answer).count).toBe(3);
    expect(addressFacts(answer)).toEqual({
      address: 'ул. Ленина, 1, каб. 2',
      timetable: 'пн 08:00–16:00',
      phone: '+7 (351) 222-33-44',
      items: [
        { address: 'ул. Ленина, 1, каб. 2', title: 'Школа', phone: null, timetable: null },
        { address: 'ул. Мира, 5', title: null, phone: '+7 (351) 222-33-44', timetable: 'пн 08:00–16:00' },
      ],
    });
    expect(addressFacts({ count: 0, items: [] })).toEqual({
      address: null,
      timetable: null,
      phone: null,
      items: [],
    });
    expect(addressFacts(null).items).toEqual([]);
  });

  it("check the menu widgets' OGRN against the registry's: match, mismatch, or unknown", () => {
    const widgets = [
      { url: 'https://pos.gosuslugi.ru/form/?ogrn=1027400000001', ogrn: '1027400000001' },
      { url: 'https://pos.gosuslugi.ru/form/?ogrn=1027400000999', ogrn: '1027400000999' },
      { url: 'https://pos.gosuslugi.ru/og/polls', ogrn: null },
    ];
    expect(checkMenuOgrn(widgets, '1027400000001')?.map((w) => w.matchesRegistry)).toEqual([
      true,
      false,
      null,
    ]);
    expect(checkMenuOgrn(widgets, null)?.map((w) => w.matchesRegistry)).toEqual([null, null, null]);
    expect(checkMenuOgrn(null, '1027400000001')).toBeNull();
  });
});
