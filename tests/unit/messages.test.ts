import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../src/core/format.js';
import { messagesFor } from '../../src/core/messages.js';

describe('messagesFor', () => {
  it('speaks French by default and English for any English tag', () => {
    expect(['fr', 'fr-CA', 'de', '', 'not a tag'].map((l) => messagesFor(l).lang)).toEqual([
      'fr',
      'fr',
      'fr',
      'fr',
      'fr',
    ]);
    expect(['en', 'en-GB', 'EN_us'].map((l) => messagesFor(l).lang)).toEqual(['en', 'en', 'en']);
    expect(['en-gb', 'EN_us', 'fr-ch', 'de', 'en-'].map((l) => messagesFor(l).locale)).toEqual([
      'en-GB',
      'en-US',
      'fr-CH',
      'fr',
      'en',
    ]);
  });

  it('says what is happening while loading, when empty, and on error', () => {
    const fr = messagesFor('fr');
    expect(fr.loading).toBe('Chargement des budgets participatifs…');
    expect(fr.errorReason('timeout')).toBe(
      'Le serveur des données a mis trop de temps à répondre.',
    );
    expect(fr.retry).toBe('Réessayer');
    const en = messagesFor('en');
    expect(en.loading).toBe('Loading participatory budgets…');
    expect(en.errorReason('not-json')).toBe('The data file is not valid JSON.');
    expect(en.retry).toBe('Try again');
  });

  it('counts skipped entries with the right plural', () => {
    const fr = messagesFor('fr');
    expect([0, 1, 2, 1_000_000].map(fr.skipped)).toEqual([
      '0 entrée ignorée',
      '1 entrée ignorée',
      '2 entrées ignorées',
      '1\u202f000\u202f000 d’entrées ignorées',
    ]);
    expect(fr.problemsNote(3, 1)).toBe('3 entrées ignorées, 1 valeur ignorée');
    expect(fr.problemsNote(0, 2)).toBe('2 valeurs ignorées');
    expect(fr.problemsNote(0, 0)).toBe('');
    const en = messagesFor('en');
    expect([0, 1, 2_500].map(en.skipped)).toEqual([
      '0 entries skipped',
      '1 entry skipped',
      '2,500 entries skipped',
    ]);
    expect(en.problemsNote(1, 2)).toBe('1 entry skipped, 2 values dropped');
  });

  it('names a cluster by its count and budget, and says when the budget is partial', () => {
    const fr = messagesFor('fr');
    const amount = formatAmount(4_300_000, { locale: 'fr', currency: 'EUR', compact: true });
    expect(fr.clusterLabel(12, amount, 'programmes')).toBe('12 programmes, 4,3\u00a0M\u00a0€');
    expect(fr.clusterLabel(12, amount, 'programmes', 12)).toBe('12 programmes, 4,3\u00a0M\u00a0€');
    expect(fr.clusterLabel(12, amount, 'programmes', 4)).toBe(
      '12 programmes, 4,3\u00a0M\u00a0€ (budget connu pour 4)',
    );
    expect(fr.clusterLabel(1, '', 'programmes')).toBe('1 programme');
    expect(fr.clusterLabel(23, undefined, 'projects')).toBe('23 projets');

    const en = messagesFor('en');
    expect(en.clusterLabel(12, '€4.3M', 'programmes', 4)).toBe(
      '12 programmes, €4.3M (budget known for 4)',
    );
    expect(en.clusterLabel(1, undefined, 'projects')).toBe('1 project');
    expect(en.clusterLabel(1_234, '€100M', 'projects')).toBe('1,234 projects, €100M');
  });

  it('titles the list of programmes at one place', () => {
    expect(messagesFor('fr').stackTitle(3, 'programmes')).toBe('3 programmes à cet endroit');
    expect(messagesFor('fr').stackTitle(1, 'projects')).toBe('1 projet à cet endroit');
    expect(messagesFor('en').stackTitle(2, 'projects')).toBe('2 projects at this place');
  });

  it('labels the programme card in both languages', () => {
    const fr = messagesFor('fr');
    const en = messagesFor('en');
    expect(
      (['commune', 'intercommunality', 'department', 'region', 'other'] as const).map((l) => [
        fr.levelName(l),
        en.levelName(l),
      ]),
    ).toEqual([
      ['Commune', 'Municipality'],
      ['Intercommunalité', 'Group of municipalities'],
      ['Département', 'Department'],
      ['Région', 'Region'],
      ['Autre structure', 'Other organisation'],
    ]);
    expect(fr.amountPerInhabitant('6,50\u00a0€')).toBe('6,50\u00a0€ par habitant');
    expect(en.amountPerInhabitant('€6.50')).toBe('€6.50 per inhabitant');
    expect([fr.website, fr.close, en.website, en.close]).toEqual([
      'Site du programme',
      'Fermer',
      'Programme website',
      'Close',
    ]);
  });

  it('translates MapLibre’s own controls and gesture hints', () => {
    const fr = messagesFor('fr').mapUi;
    expect(fr['NavigationControl.ZoomIn']).toBe('Zoomer');
    expect(fr['CooperativeGesturesHandler.MobileHelpText']).toBe(
      'Utilisez deux doigts pour déplacer la carte',
    );
    expect(Object.keys(fr)).toEqual(Object.keys(messagesFor('en').mapUi));
  });

  it('gives every string in both languages, none left empty', () => {
    const fr = messagesFor('fr');
    const en = messagesFor('en');
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const empty = [fr, en].flatMap((m) => Object.entries(m).filter(([, v]) => v === ''));
    expect(empty).toEqual([]);
  });
});
