import { describe, expect, it } from 'vitest';
import { hintFor, hintForError } from '../../src/cli/hints.js';
import { parseFeed } from '../../src/core/feed/parse.js';

describe('validate hints', () => {
  it('gives a specific hint for each kind of problem the parser reports', () => {
    const result = parseFeed({
      version: 1,
      title: 5,
      currency: 'euro',
      updated: '2026-13-01',
      kind: 'villes',
      sources: [{ name: 'A', url: 'ftp://a' }],
      programmes: [
        { id: 'a', name: 'A', coordinates: [2, 48] },
        { id: 'b', name: 'B', coordinates: [2, 123.4] },
        { id: 'c', name: 'C', coordinates: [2, 48], url: 'javascript:alert(1)', level: 'city' },
        { id: 'd', name: 'D', coordinates: [2, 48], year: 1975 },
        { id: 'e', name: 'E', coordinates: [2, 48], budget: 10 },
        { id: 'f', name: 'F', coordinates: [2, 48], year: 2020, editions: [{ year: 2020 }] },
        { id: 'a', name: 'A again', coordinates: [2, 48] },
        { id: 'g', name: 'G', coordinates: [2, 48], country: 'France', voters: -1 },
        { id: 'h' },
      ],
    });
    expect(result.ok).toBe(true);
    const hints = result.problems.map((p) => `${p.path} → ${hintFor(p)}`);
    expect(hints.filter((h) => h.includes('fix or remove'))).toEqual([]);
    expect(hints).toEqual(
      expect.arrayContaining([
        '$.title → write "title" as text, in double quotes',
        expect.stringMatching(/^\$\.currency → write an ISO 4217 code/),
        '$.updated → write the date as 2026-11-01',
        '$.kind → use "programmes" or "projects"',
        '$.sources[0].url → write a full address starting with https://',
        expect.stringMatching(
          /^\$\.programmes\[1\]\.coordinates\[1\] → write \[longitude, latitude\]/,
        ),
        expect.stringMatching(/^\$\.programmes\[2\]\.level → use one of commune/),
        expect.stringMatching(/^\$\.programmes\[3\]\.year → write the year of the vote/),
        expect.stringMatching(
          /^\$\.programmes\[4\]\.budget → add the "year" this budget belongs to/,
        ),
        expect.stringMatching(/^\$\.programmes\[5\]\.year → keep one edition per year/),
        expect.stringMatching(/^\$\.programmes\[6\]\.id → give each entry its own id/),
        expect.stringMatching(/^\$\.programmes\[7\]\.country → write an ISO 3166 code/),
        expect.stringMatching(/^\$\.programmes\[7\]\.voters → write a whole number/),
        '$.programmes[8].name → add "name" to this entry',
      ]),
    );
  });

  it('says what to do when the feed cannot be used at all', () => {
    for (const code of [
      'unreadable',
      'not-json',
      'not-a-feed',
      'unsupported-version',
      'no-programmes',
      'http',
      'network',
      'timeout',
      'too-large',
    ] as const) {
      expect(hintForError(code), code).toMatch(/\w{4,}/);
    }
    expect(hintForError('unsupported-version')).toContain('"version": 1');
  });
});
